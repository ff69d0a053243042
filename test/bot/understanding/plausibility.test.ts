/** Plausibility reader: ranges from the vocabulary, the user's words for the question, confirmations. */
import { describe, expect, it } from "vitest";
import { findNumbers } from "../../../bot/understanding/numbers.js";
import { confirms, isImplausible, saidAround } from "../../../bot/understanding/plausibility.js";

describe("plausible ranges", () => {
  it("hold a figure outside the range back, and an interval only when all of it is outside", () => {
    expect(isImplausible("sites", 20_000)).toBe(true);
    expect(isImplausible("sites", 20)).toBe(false);
    expect(isImplausible("sites", { low: 2_000, high: 5_000, words: "两三千到五千" })).toBe(false);
    expect(isImplausible("sites", { low: 7_000, high: 8_000, words: "七八千" })).toBe(true);
    expect(isImplausible("sites", { low: 7_000, high: null, words: "七千多" })).toBe(true);
    expect(isImplausible("onlineRetailSales", 1e12)).toBe(false); // no range stated for money
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
