/** Plausibility reader: ranges from the vocabulary, the user's words for the question, confirmations. */
import { describe, expect, it } from "vitest";
import { findNumbers } from "../../../bot/understanding/numbers.js";
import { confirms, isImplausible, isUnitless, meantInWan, saidAround } from "../../../bot/understanding/plausibility.js";

describe("plausible ranges", () => {
  it("hold a figure outside the range back, and an interval only when all of it is outside", () => {
    expect(isImplausible("sites", 20_000)).toBe(true);
    expect(isImplausible("sites", 20)).toBe(false);
    expect(isImplausible("sites", { low: 2_000, high: 5_000, words: "两三千到五千" })).toBe(false);
    expect(isImplausible("sites", { low: 7_000, high: 8_000, words: "七八千" })).toBe(true);
    expect(isImplausible("sites", { low: 7_000, high: null, words: "七千多" })).toBe(true);
    expect(isImplausible("onlineRetailSales", 1e12)).toBe(false); // 100亿元 of sales is a lot, but possible
    expect(isImplausible("onlineRetailSales", 12_000)).toBe(true); // 120元 of a year's sales is no applicant's
  });

  it("quote the number with the word that named the fact", () => {
    const said = (text: string) => saidAround(text, findNumbers(text, { asOf: "2024-01-01" })[0]!, "sites");
    expect(said("建了2万个站点")).toBe("2万个站点");
    expect(said("建了2万个电商服务站点，能补吗")).toBe("2万个电商服务站点");
    expect(said("站点2万个")).toBe("站点2万个");
    expect(said("电商服务站点有2万个")).toBe("站点有2万个");
    expect(said("我们有2万个")).toBe("2万个");
  });

  it("take a short yes as confirmation, not a longer message", () => {
    for (const yes of ["对", "是的", "对，没错", "确认", "嗯嗯"]) expect(confirms(yes), yes).toBe(true);
    for (const no of ["不对", "对了我想问别的", "是20个"]) expect(confirms(no), no).toBe(false);
    for (const yes of ["是万", "对 万元", "万元"]) expect(confirms(yes), yes).toBe(true);
  });
});

describe("plausible ranges narrowed by a known fact (plausibleWhen)", () => {
  it("a first small business (首次创办小微型电商企业) creating 800 jobs is held back; 30 is not; unknown keeps the wide range", () => {
    expect(isImplausible("jobsCreated", 800, { firstStartup: true })).toBe(true);
    expect(isImplausible("jobsCreated", 30, { firstStartup: true })).toBe(false);
    expect(isImplausible("jobsCreated", 800)).toBe(false);
  });

  it("a fact stated in the message narrows the range too, and overrides what was known before", () => {
    expect(isImplausible("jobsCreated", 800, {}, { firstStartup: true })).toBe(true);
    expect(isImplausible("jobsCreated", 800, { firstStartup: true }, { firstStartup: false })).toBe(false);
    expect(isImplausible("jobsCreated", 800, { firstStartup: false }, { firstStartup: true })).toBe(true);
    expect(isImplausible("jobsCreated", 800, { firstStartup: true }, { followers: 10 })).toBe(true);
  });
});

describe("money written with no unit at all", () => {
  const first = (text: string) => findNumbers(text, { asOf: "2024-01-01" })[0]!;
  it("is unitless only without a unit and without 万/亿/w/k", () => {
    expect(isUnitless(first("卖了一百二"))).toBe(true);
    expect(isUnitless(first("卖了80"))).toBe(true);
    for (const said of ["卖了120万", "卖了1.2亿", "卖了80w", "卖了300块", "卖了5000元"]) expect(isUnitless(first(said)), said).toBe(false);
  });

  it("is read in 万元 when implausible in 元 and plausible in 万元 (卖了一百二 → 120万)", () => {
    expect(meantInWan("onlineRetailSales", 12_000, first("卖了一百二"))).toBe(120 * 10_000 * 100);
    expect(meantInWan("onlineRetailSales", { low: 80_000, high: 89_999, words: "八百多" }, first("卖了八百多"))).toEqual({ low: 800_000_000, high: 899_990_000, words: "八百多" });
  });

  it("is left alone when plausible in 元, written with a unit, or no money fact", () => {
    expect(meantInWan("onlineRetailSales", 300_000_000, first("卖了3000000"))).toBeUndefined();
    expect(meantInWan("onlineRetailSales", 30_000, first("卖了300块"))).toBeUndefined();
    expect(meantInWan("followers", 120, first("粉丝一百二"))).toBeUndefined();
  });
});
