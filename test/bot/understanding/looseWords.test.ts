import { describe, expect, it } from "vitest";
import { findLoosely, looselyNamed } from "../../../bot/understanding/looseWords.js";

describe("findLoosely", () => {
  it("finds a word with a few characters inserted inside it", () => {
    expect(findLoosely("承办了一场直播带货大赛", "直播大赛")).toBe("直播带货大赛");
    expect(findLoosely("在直播基地里举办了大赛", "直播大赛")).toBeUndefined();
  });

  it("finds a word without its trailing general noun when enough of it is left", () => {
    expect(findLoosely("做面向本区农村电商的物流配送", "物流配送体系")).toBe("物流配送");
    expect(findLoosely("建了个分拨站", "分拨中心")).toBeUndefined();
  });

  it("finds words shorter than four characters only as written", () => {
    expect(findLoosely("做溯源", "溯源")).toBe("溯源");
    expect(findLoosely("溯了个源", "溯源")).toBeUndefined();
  });

  it("does not find a negated word", () => {
    expect(findLoosely("我们没办直播带货大赛", "直播大赛")).toBeUndefined();
  });

  it("does not find a word that names the provision asked about", () => {
    expect(findLoosely("电商示范村的奖励能拿吗", "电商示范村")).toBeUndefined();
    expect(findLoosely("办直播带货大赛有补贴吗", "直播大赛")).toBeUndefined();
    expect(findLoosely("我们评上了电商示范村 奖励能拿吗", "电商示范村")).toBe("电商示范村");
  });
});

describe("looselyNamed", () => {
  const contest = { accepts: { activity: ["liveContest"] } };
  const logistics = { accepts: { activity: ["logisticsSystem"] } };

  it("takes the chosen provision's own activity from looser words", () => {
    expect(looselyNamed("商会承办了直播带货大赛", [contest], {})).toEqual({ fact: "activity", value: "liveContest", said: "直播带货大赛" });
  });

  it("reads nothing for values the chosen provisions do not ask for", () => {
    expect(looselyNamed("商会承办了直播带货大赛", [logistics], {})).toBeUndefined();
  });

  it("keeps a value the user already stated", () => {
    expect(looselyNamed("商会承办了直播带货大赛", [contest], { activity: "promotion" })).toBeUndefined();
  });

  it("leaves a word as written to the vocabulary reader, which tells a question from a statement", () => {
    const title = { accepts: { honour: ["taobaoVillage", "taobaoTown"] } };
    expect(looselyNamed("淘宝镇评选条件里要有多少个淘宝村", [title], {})).toBeUndefined();
  });

  it("reads nothing when the words name the values of two chosen provisions", () => {
    expect(looselyNamed("办了直播带货大赛 也做了农村物流配送", [contest, logistics], {})).toBeUndefined();
  });
});
