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
