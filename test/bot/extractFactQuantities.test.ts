/**
 * Which fact a quantity belongs to, read by extractFacts from the vocabulary (rules/facts.yaml): terms, sums of
 * several figures, and the noun a count counts.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../bot/extractFacts.js";

const asOf = "2026-12-01";
const read = (text: string) => extractFacts(text, { asOf });

describe("extractFacts: a rent's term is its own fact (rentMonths), in months", () => {
  it("reads 租期就两年 as 24 months in the user's words, beside the rented area", () => {
    const r = read("我们电商公司入园租了60平的办公室 租期就两年 合同到了就不租了");
    expect(r.facts).toMatchObject({ rentArea: 60, rentMonths: 24 });
    expect(r.sources.rentMonths).toBe("两年");
  });
  it("takes 租 before a figure in years or months as the term, before square metres as the area", () => {
    expect(read("租了100平米 打算只租一年半").facts).toMatchObject({ rentArea: 100, rentMonths: 18 });
    expect(read("租赁合同18个月 面积80平").facts).toMatchObject({ rentArea: 80, rentMonths: 18 });
  });
  it("keeps an approximate term as whole months with its words (两年多 → 24 to 35 months)", () => {
    expect(read("租了60平 租期两年多").facts.rentMonths).toEqual({ low: 24, high: 35, words: "两年多" });
  });
});

describe("extractFacts: money each introduced by another channel of sale is a part of one year's sum", () => {
  it("adds 亚马逊上卖了2100万 and 速卖通上卖了1400万 as cross-border sales of 2021 (both channels sell abroad)", () => {
    const r = read("做跨境的 2021年亚马逊上卖了2100万 速卖通上卖了1400万 都是跨境零售");
    expect(r.facts.crossBorderSales).toMatchObject({ low: 3500_0000_00, high: 3500_0000_00, words: "2100万、1400万" });
    expect(r.facts.onlineRetailSales).toBeUndefined();
  });
  it("adds two national platforms' sales (天猫上…京东上…) as platform and online retail sales", () => {
    const r = read("天猫上卖了100万 京东上卖了80万");
    expect(r.facts.platformSales).toMatchObject({ low: 180_0000_00, words: "100万、80万" });
    expect(r.facts.onlineRetailSales).toMatchObject({ low: 180_0000_00 });
  });
  it("keeps figures of one channel, of two years or restating a total as they were", () => {
    expect(read("天猫卖了100万 天猫上个月又说是80万").facts.platformSales).not.toMatchObject({ low: 180_0000_00 });
    expect(read("去年在淘宝卖了50万 今年在京东卖了60万").facts.onlineRetailSales).toBe(60_0000_00);
    expect(read("在天猫京东一共卖了300万 其中京东100万").facts.onlineRetailSales).toBe(300_0000_00);
  });
});
