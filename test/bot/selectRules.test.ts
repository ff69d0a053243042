import { describe, expect, it } from "vitest";
import type { StatedCheck } from "../../rules/awardResult.js";
import { focusOf, isRelevant, keywordHit, scoreRules, type RuleProfile, type SelectionInput } from "../../bot/selectRules.js";

const rule = (id: string, keywords: string[], extra: Partial<RuleProfile> = {}): RuleProfile => ({
  policy: "p", id, clause: `p:${id}`, title: id, quote: keywords.join("，"), keywords, entityTypes: [], facts: [], gate: false, ...extra,
});

describe("keywordHit", () => {
  it("counts a topic word in full, or its stem at a lower weight", () => {
    expect(keywordHit("卖土特产品的", "土特产品")).toBe(1);
    expect(keywordHit("卖土特产的", "土特产品")).toBe(0.7);
    expect(keywordHit("新注册的公司", "新注册登记")).toBe(0.7);
    expect(keywordHit("开网店", "开设网店")).toBe(0);
  });
});

describe("scoreRules", () => {
  it("weights a rare topic word above a word most provisions share", () => {
    const rules = [rule("influencer", ["带货达人", "企业"]), rule("scale", ["企业"]), rule("park", ["园区", "企业"])];
    const [best] = scoreRules({ text: "我是带货达人，也开了企业", facts: {}, retrieved: [], rules });
    expect(best!.rule.id).toBe("influencer");
  });
  it("lowers, but keeps, a rule for another kind of applicant", () => {
    const rules = [rule("training", ["培训机构"], { entityTypes: ["trainingInstitution"] }), rule("scale", ["企业"], { entityTypes: ["company"] })];
    const [scored] = scoreRules({ text: "培训机构的补助", facts: { entityType: "company" }, retrieved: ["p:training"], rules });
    expect(scored!.score).toBeGreaterThan(0);
    expect(scored!.score).toBeLessThan(scoreRules({ text: "培训机构的补助", facts: {}, retrieved: ["p:training"], rules })[0]!.score);
  });
  it("counts only measures the user gave as fit, not yes/no qualifiers or a rank", () => {
    const rules = [rule("ranked", ["园区"], { facts: ["rank"] }), rule("sales", ["零售额"], { facts: ["onlineRetailSales"] })];
    const scored = scoreRules({ text: "排名第一", facts: { rank: 1, onlineRetailSales: 100 }, retrieved: [], rules });
    expect(scored.find((s) => s.rule.id === "ranked")!.factFit).toBe(0);
    expect(scored.find((s) => s.rule.id === "sales")!.factFit).toBe(1);
  });
  it("counts a measure named without its figure as naming the rules that read it, but not a two-character word", () => {
    const rules = [rule("hires", ["聘用"], { facts: ["poorEmployees"] }), rule("base", ["基地"], { facts: ["activeAnchors"] }), rule("other", ["培训"])];
    const poor = scoreRules({ text: "招贫困户有补助不", facts: {}, retrieved: [], rules });
    expect(poor[0]!.rule.id).toBe("hires");
    expect(poor[0]!.keywordWeight).toBeGreaterThan(0);
    const anchors = scoreRules({ text: "奖励给主播个人吗", facts: {}, retrieved: [], rules });
    expect(anchors.find((s) => s.rule.id === "base")!.keywordWeight).toBe(0);
  });
  it("weights a keyword's stem by how many provisions use the stem, not the rare keyword it was cut from", () => {
    // 网络零售额 is the stem of 一's rare 网络零售额增幅, and a word every sales provision uses.
    const rules = [
      rule("growth", ["网络零售额增幅"], { quote: "对当年网络零售额增幅高于全省平均增幅的县" }),
      rule("traffic", ["网络零售额"], { quote: "对当年实现网络零售额1亿元以上企业" }),
      rule("live", ["直播"], { quote: "实现纳统网络零售额2000万元以上" }),
    ];
    const scored = scoreRules({ text: "公司网络零售额3个亿", facts: {}, retrieved: [], rules });
    const weight = (id: string) => scored.find((s) => s.rule.id === id)!.keywordWeight;
    expect(weight("growth")).toBeLessThan(weight("traffic"));
    expect(weight("growth")).toBeCloseTo(0.7 / 3);
  });
  it("counts a measure as given when another of its alternatives (an 或, or the figure bounding it) is stated", () => {
    const jobs = rule("jobs", ["就业"], { facts: ["jobsCreated", "disabledEmployees", "onlineRetailSales"], alternatives: [["jobsCreated", "disabledEmployees"]] });
    const platform = rule("platform", ["特色产品"], { facts: ["platformSales"], alternatives: [["platformSales", "onlineRetailSales"]] });
    const scored = scoreRules({ text: "新招了120个人", facts: { jobsCreated: 120, onlineRetailSales: 35000000 }, retrieved: [], rules: [jobs, platform] });
    expect(scored.find((s) => s.rule.id === "jobs")!.factFit).toBe(1);
    expect(scored.find((s) => s.rule.id === "platform")!.factFit).toBe(1);
    // Neither side stated: both still owed.
    expect(scoreRules({ text: "", facts: { onlineRetailSales: 35000000 }, retrieved: [], rules: [jobs] })[0]!.factFit).toBeCloseTo(1 / 3);
  });
  it("keeps the topic of the conversation for a follow-up that only adds facts", () => {
    const rules = [rule("a", ["甲"]), rule("b", ["乙"])];
    const [best] = scoreRules({ text: "我有12万粉丝", facts: {}, retrieved: [], rules, topic: ["p/b"] });
    expect(best!.rule.id).toBe("b");
  });
});

describe("focusOf", () => {
  it("keeps the rules close to the best score and drops the rest", () => {
    const rules = [rule("a", ["甲"]), rule("b", ["乙"])];
    const relevant = scoreRules({ text: "甲", facts: {}, retrieved: ["p:a"], rules }).filter(isRelevant);
    expect(focusOf(relevant).map((s) => s.rule.id)).toEqual(["a"]);
  });
  it("puts first a provision of a line of business only it speaks of over one retrieval ranked first without that line", () => {
    const rules = [rule("shops", ["网店"]), rule("moveBack", ["迁入店铺"], { topics: ["relocation"] }), rule("other", ["丙"], { topics: ["park"] })];
    const relevant = scoreRules({ text: "网店迁回聊城 有啥支持", facts: {}, retrieved: ["p:shops", "p:moveBack"], rules, topics: ["relocation"] }).filter(isRelevant);
    expect(relevant[0]!.rule.id).toBe("shops");
    expect(focusOf(relevant)[0]!.rule.id).toBe("moveBack");
  });
});

const check = (facts: StatedCheck["facts"], holds: boolean): StatedCheck => ({ facts, text: facts.join("、"), holds });
const best = (input: Partial<SelectionInput> & Pick<SelectionInput, "rules">) => scoreRules({ text: "", facts: {}, retrieved: [], ...input })[0]!.rule.id;

describe("scoreRules: the user's activity", () => {
  it("lifts the provisions whose clause speaks of the line of business the user names over generic sales words", () => {
    const rules = [
      rule("traffic", ["网络零售额"], { facts: ["onlineRetailSales"] }),
      rule("live", ["直播电商企业"], { facts: ["onlineRetailSales"], topics: ["livestream"] }),
    ];
    expect(best({ text: "在快手带货 卖了3000万", facts: { onlineRetailSales: 3e9 }, topics: ["livestream"], rules })).toBe("live");
  });
  it("weighs a line of business few provisions share above one most of them share", () => {
    const rules = [
      rule("a", ["甲"], { topics: ["nationalPlatform", "localProducts"] }),
      rule("b", ["乙"], { topics: ["nationalPlatform"] }),
      rule("c", ["丙"], { topics: ["nationalPlatform"] }),
    ];
    const scored = scoreRules({ text: "", facts: {}, retrieved: [], rules, topics: ["nationalPlatform", "localProducts"] });
    expect(scored[0]!.rule.id).toBe("a");
    expect(scored.find((s) => s.rule.id === "b")!.topicWeight).toBe(0);
  });
  it("points a measure few provisions read at those that read it", () => {
    const rules = [
      rule("breakthrough", ["首次突破"], { facts: ["onlineRetailSales"] }),
      rule("national", ["全国性电商平台"], { facts: ["platformSales"] }),
      rule("scale", ["企业"], { facts: ["onlineRetailSales"] }),
    ];
    expect(best({ facts: { onlineRetailSales: 4e6, platformSales: 4e6 }, rules })).toBe("national");
  });
  it("lifts the provision whose clause states the amount the user quotes back", () => {
    const rules = [rule("a", ["甲"], { amountsFen: [4e6, 1e7] }), rule("b", ["乙"], { amountsFen: [2e6] })];
    const [scored] = scoreRules({ text: "那个10万的奖", facts: {}, retrieved: [], rules, quotedAmounts: [1e7] });
    expect(scored).toMatchObject({ rule: { id: "a" }, quotesAmount: true });
  });
});

describe("scoreRules: provisions of one clause", () => {
  const siblings = [rule("b2b", ["B2B"], { clause: "p:14" }), rule("c2c", ["C2C"], { clause: "p:14" })];
  it("lifts the provision whose qualifier the user's facts meet", () => {
    const checks = new Map([["p/b2b", [check(["tradeMode"], false)]], ["p/c2c", [check(["tradeMode"], true)]]]);
    expect(best({ rules: siblings, checks })).toBe("c2c");
  });
  it("takes a provision whose qualifier fails while a sibling's holds as someone else's, not as relevant", () => {
    const checks = new Map([["p/b2b", [check(["tradeMode"], false)]], ["p/c2c", [check(["tradeMode"], true)]]]);
    const b2b = scoreRules({ text: "B2B", facts: {}, retrieved: ["p:14"], rules: siblings, checks }).find((s) => s.rule.id === "b2b")!;
    expect(b2b.forSibling).toBe(true);
    expect(isRelevant(b2b)).toBe(false);
  });
  it("keeps a provision whose qualifier fails when no sibling meets it: the ❌ is news to the user", () => {
    const flagship = [rule("flagship", ["旗舰店"])];
    const [scored] = scoreRules({ text: "不是旗舰店 开店奖励", facts: {}, retrieved: ["p:flagship"], rules: flagship, checks: new Map([["p/flagship", [check(["flagshipStore"], false)]]]) });
    expect(scored!.forSibling).toBe(false);
    expect(isRelevant(scored!)).toBe(true);
  });
  it("gives no weight to a qualifier every provision has (registration, credit record)", () => {
    const checks = new Map([["p/b2b", [check(["registeredLocally"], true)]], ["p/c2c", [check(["registeredLocally"], true)]]]);
    expect(scoreRules({ text: "", facts: {}, retrieved: [], rules: siblings, checks }).map((s) => s.qualifierFit)).toEqual([0, 0]);
  });
});

describe("scoreRules: the applicant", () => {
  it("does not lower provisions for an applicant type none of the candidates names", () => {
    const rules = [rule("live", ["直播"], { entityTypes: ["company"], topics: ["livestream"] }), rule("talent", ["人才"])];
    expect(best({ facts: { entityType: "influencer" }, topics: ["livestream"], rules })).toBe("live");
  });
});
