import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { insideOther, otherPartySpans } from "../../../bot/understanding/otherParties.js";

const asOf = "2026-12-02";
/** The words of each span about another party. */
const spans = (text: string) => otherPartySpans(text).map((s) => text.slice(s.start, s.end));

describe("other parties", () => {
  it("reads what a peer, a neighbour or a friend did up to the asker speaking of themselves", () => {
    expect(spans("同行卖了500万 我才80万")).toEqual(["同行卖了500万"]);
    expect(spans("我朋友卖了300万拿了2万 我能拿多少")).toEqual(["朋友卖了300万拿了2万"]);
    expect(spans("人家一年卖好几千万 我们2021年就卖了120万")).toEqual(["人家一年卖好几千万"]);
  });

  it("goes on past a pause while the words after it go on telling what the other party did", () => {
    expect(spans("她粉丝5万 卖了60万 我能拿多少")).toEqual(["她粉丝5万 卖了60万"]);
    expect(spans("隔壁老王粉丝20万 2021年卖了150万")).toEqual(["隔壁老王粉丝20万"]);
  });

  it("reads the firm named by its place in a ranking as another party, not the asker's place", () => {
    expect(spans("全市第二 第一名那家卖了3个亿")).toEqual(["第一名那家卖了3个亿"]);
    expect(spans("排全市第三 第一那家2个多亿")).toEqual(["第一那家2个多亿"]);
    expect(spans("全市第二 老大那家卖了1.5亿")).toEqual(["老大那家卖了1.5亿"]);
    expect(spans("排全县第三 第一名卖了800万")).toEqual(["第一名卖了800万"]);
  });

  it("leaves the asker's own words alone: 我们那家店, 其他, a ranking alone", () => {
    expect(spans("我们那家店2021年卖了120万")).toEqual([]);
    expect(spans("其他的都没有 粉丝12万")).toEqual([]);
    expect(spans("全市第一名卖了1.2亿")).toEqual([]);
  });

  it("tells whether a figure lies inside such words", () => {
    const text = "同行卖了500万 我才80万";
    const s = otherPartySpans(text);
    expect(insideOther(s, text.indexOf("500万"), text.indexOf("500万") + 4)).toBe(true);
    expect(insideOther(s, text.indexOf("80万"), text.indexOf("80万") + 3)).toBe(false);
  });

  it("keeps another party's figures and place out of the asker's facts", () => {
    const x = extractFacts("东营 我们公司2021年网零1.1亿 全市第二 第一名那家卖了3个亿 我们能拿多少", { asOf });
    expect(x.facts.onlineRetailSales).toBe(1_1000_0000_00);
    expect(x.facts.rank).toBe(2);
    const y = extractFacts("平阴 达人 粉丝8万 隔壁老王粉丝20万 2021年卖了150万", { asOf });
    expect(y.facts.followers).toBe(8_0000);
    expect(y.facts.onlineRetailSales).toBe(150_0000_00);
  });
});
