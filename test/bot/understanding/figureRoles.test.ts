import { describe, expect, it } from "vitest";
import { countsOtherThings, countsProvisions, introducesFigure, isActivityTotal, isEventCost, isSpeakerAlone, picksOneOf, statesCurrentValue } from "../../../bot/understanding/figureRoles.js";
import { findNumbers } from "../../../bot/understanding/numbers.js";

/** The mention of `words` in `text`, as the number reader finds it. */
function mention(text: string, words: string) {
  const m = findNumbers(text).find((n) => n.words === words);
  if (!m) throw new Error(`no mention ${words} in ${text}`);
  return m;
}

describe("figure roles", () => {
  it("reads a count of awards or provisions (这两个奖, 三项补贴) as no figure of the asker", () => {
    const text = "这两个奖 全市总共有多少钱";
    expect(countsProvisions(text, mention(text, "两个"))).toBe(true);
    const subsidies = "这三项补贴我能拿几个";
    expect(countsProvisions(subsidies, mention(subsidies, "三"))).toBe(true);
    const anchors = "培训了两个主播";
    expect(countsProvisions(anchors, mention(anchors, "两个"))).toBe(false);
  });

  it("reads money per event the user held, with no word of selling, as that event's cost", () => {
    const text = "直播大赛我们举办了两次 一次3万 一次5万";
    expect(isEventCost(text, mention(text, "3万"))).toBe(true);
    const sold = "直播大赛我们举办了两次 一次卖了3万";
    expect(isEventCost(sold, mention(sold, "3万"))).toBe(false);
  });

  it("reads money right after a promotion or a contest and a total word as what it cost", () => {
    for (const [text, words] of [["自建站加速卖通推广一共1.2M", "1.2M"], ["阿里国际站宣传推介合计35万", "35万"], ["亚马逊站外推广加起来60k", "60k"]] as const) {
      expect(isActivityTotal(text, mention(text, words))).toBe(true);
    }
    const sold = "速卖通推广一共卖了300万";
    expect(isActivityTotal(sold, mention(sold, "300万"))).toBe(false);
    const share = "推广一共50%";
    expect(isActivityTotal(share, mention(share, "50%"))).toBe(false);
  });

  it("reads 一 with a measure word right before a figure as introducing that figure", () => {
    const text = "租了两间 一间50平";
    expect(introducesFigure(text, mention(text, "一间"))).toBe(true);
    expect(introducesFigure(text, mention(text, "50平"))).toBe(false);
  });

  it("reads 一个 before a verb, said more than once, as one of the things counted before, not a count of one", () => {
    const sites = "新建了两个村级网点 一个花了一万五 一个花了三万";
    const [first, second] = findNumbers(sites).filter((n) => n.words === "一个");
    expect(picksOneOf(sites, first!)).toBe(true);
    expect(picksOneOf(sites, second!)).toBe(true);
    expect(picksOneOf(sites, mention(sites, "两个"))).toBe(false);
    const once = "我们就建了一个网点 花了两万";
    expect(picksOneOf(once, mention(once, "一个"))).toBe(false);
  });

  it("reads a small Chinese numeral before a measure word no fact counts as counting other things", () => {
    const text = "租了三层 每层70平";
    expect(countsOtherThings(text, mention(text, "三"))).toBe(true);
    expect(countsOtherThings(text, mention(text, "70平"))).toBe(false);
  });

  it("reads 俩 and 仨 before a noun as counting it, not as a numeral before another measure word (招了俩登记失业的)", () => {
    const two = "另外招了俩登记失业的";
    expect(countsOtherThings(two, mention(two, "俩"))).toBe(false);
    const three = "招了仨应届毕业生";
    expect(countsOtherThings(three, mention(three, "仨"))).toBe(false);
  });
});

describe("isSpeakerAlone: the speaker counted as a person", () => {
  it("reads a count of one right after the speaker as the speaker alone, not a person taken on", () => {
    const alone = "公司就我自己一个人";
    expect(isSpeakerAlone(alone, mention(alone, "一个人"))).toBe(true);
    const hired = "公司招了一个人";
    expect(isSpeakerAlone(hired, mention(hired, "一个人"))).toBe(false);
    const two = "就我和我爱人两个人";
    expect(isSpeakerAlone(two, mention(two, "两个人"))).toBe(false);
  });
});

describe("statesCurrentValue: the figure a count has become", () => {
  it("reads 现在是/目前有/一共 before a figure as the value now, not a figure added to it", () => {
    const text = "上周又签下1家 目前有7家了";
    expect(statesCurrentValue(text, mention(text, "7家"))).toBe(true);
    expect(statesCurrentValue(text, mention(text, "1家"))).toBe(false);
  });
});
