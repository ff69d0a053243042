import { describe, expect, it } from "vitest";
import { alternativeGroups } from "../../rules/alternatives.js";
import { getRule } from "../../rules/evaluatePolicy.js";
import type { Rule } from "../../rules/ruleSchema.js";

describe("alternativeGroups: facts a rule reads as alternatives", () => {
  it("takes the branches of an any (或) and a tier table's fact with the fact bounding it", () => {
    const rule = {
      when: { any: [{ fact: "jobsCreated", word: "以上", value: 100 }, { fact: "disabledEmployees", word: "以上", value: 20 }] },
      amount: { mechanism: "tierTable", fact: "platformSales", word: "以上", boundedBy: "onlineRetailSales", tiers: [] },
    } as unknown as Rule;
    expect(alternativeGroups(rule)).toEqual([["jobsCreated", "disabledEmployees"], ["platformSales", "onlineRetailSales"]]);
  });
  it("are listed for the shipped 汨罗 三/(三)/7 (就业 或 残疾人就业) and 三/(三)/3 (平台销售额 ≤ 网络零售额)", () => {
    expect(getRule("miluo-2017", "jobs-sales-award")!.alternatives).toContainEqual(["jobsCreated", "disabledEmployees"]);
    expect(getRule("miluo-2017", "platform-sales")!.alternatives).toEqual([["platformSales", "onlineRetailSales"]]);
  });
  it("are none for a rule of plain conditions", () => {
    expect(getRule("pingyin-2020", "influencer-sales")!.alternatives).toEqual([]);
  });
});
