/** The rule-file schema fails loudly, in one line naming the file, the rule and the field. */
import { describe, expect, it } from "vitest";
import { buildRuleBook } from "../../rules/evaluatePolicy.js";
import { parsePolicyRuleFile, RuleSchemaError } from "../../rules/ruleSchema.js";

const rule = {
  id: "company-scale",
  title: "电商企业做大做强奖励",
  clause: "pingyin-2020:三/(四)",
  quote: "对年网络零售额达到1000万元、2000万元、5000万元以上的企业，分别给予一次性最高奖励20万元、40万元、100万元。",
  entityTypes: ["company"],
  keywords: ["做大做强"],
  amount: {
    mechanism: "tierTable",
    fact: "onlineRetailSales",
    word: "达到",
    tiers: [
      { threshold: "1000万元", amount: "20万元" },
      { threshold: "2000万元", amount: "40万元" },
    ],
  },
  upTo: true,
};

function load(changes: Record<string, unknown>, file: Record<string, unknown> = {}) {
  return () => parsePolicyRuleFile({ policy: "pingyin-2020", ...file, rules: [{ ...rule, ...changes }] }, "rules/policies/test.ts");
}

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSchemaError);
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
  throw new Error("expected a RuleSchemaError");
}

describe("rule schema", () => {
  it("accepts a well-formed rule", () => {
    expect(load({})().rules[0]!.id).toBe("company-scale");
  });

  it("rejects an unknown key, naming the file, the rule and the key", () => {
    expect(message(load({ amout: "2万元" }))).toBe('rules/policies/test.ts: rule "company-scale": unknown key "amout"');
  });

  it("rejects an unknown key deep in the amount tree", () => {
    const m = message(load({ amount: { mechanism: "fixed", amount: "2万元", max: 3 } }));
    expect(m).toContain('rule "company-scale"');
    expect(m).toContain('unknown key "max"');
  });

  it("rejects a missing citation", () => {
    const { quote: _q, ...noQuote } = rule;
    expect(message(() => parsePolicyRuleFile({ policy: "pingyin-2020", rules: [noQuote] }, "f.ts"))).toMatch(/rule "company-scale": quote: quote \(verbatim/);
    expect(message(load({ clause: "三/(四)" }))).toMatch(/clause: expected a clause id/);
  });

  it("rejects an unordered tier table", () => {
    const m = message(load({ amount: { ...rule.amount, tiers: [rule.amount.tiers[1], rule.amount.tiers[0]] } }));
    expect(m).toMatch(/rule "company-scale": amount\.tiers\[1\]: tier table is not ordered/);
  });

  it("rejects tiers whose amounts decrease", () => {
    const m = message(load({ amount: { ...rule.amount, tiers: [{ threshold: "1000万元", amount: "40万元" }, { threshold: "2000万元", amount: "20万元" }] } }));
    expect(m).toMatch(/amount of tier 2 is below tier 1's/);
  });

  it("rejects an unordered rank table", () => {
    const m = message(load({ amount: { mechanism: "rankTable", places: [{ through: 2, amount: "30万元" }, { through: 1, amount: "50万元" }] } }));
    expect(m).toMatch(/rank table is not ordered/);
  });

  it("rejects an unknown fact and a value that does not fit the fact's unit", () => {
    expect(message(load({ when: { fact: "turnover", word: "以上", value: "1万元" } }))).toMatch(/when\.fact: unknown fact "turnover"/);
    expect(message(load({ when: { fact: "onlineRetailSales", word: "以上", value: 100 } }))).toMatch(/onlineRetailSales is money/);
  });

  it("requires a reading and a reason for ambiguous words, and rejects readings that contradict the text", () => {
    expect(message(load({ when: { fact: "onlineRetailSales", word: "突破", value: "1万元" } }))).toMatch(/"突破" is ambiguous/);
    expect(message(load({ when: { fact: "onlineRetailSales", word: "以上", value: "1万元", op: "gt" } }))).toMatch(/"以上" reads as gte; op gt contradicts/);
    expect(message(load({ when: { fact: "annualSalary", word: "含本数", value: "12万元", op: "gt" } }))).toMatch(/includes the number/);
  });

  it("rejects a condition with two shapes", () => {
    expect(message(load({ when: { fact: "flagshipStore", is: true, oneOf: ["x"] } }))).toMatch(/exactly one of/);
  });

  it("rejects an award without an amount and a gate with one", () => {
    expect(message(load({ amount: undefined }))).toMatch(/an award rule needs an amount/);
    expect(message(load({ kind: "gate", when: { fact: "flagshipStore", is: true } }))).toMatch(/a gate rule decides eligibility only/);
  });

  it("rejects references to rules that do not exist and clauses of another policy", () => {
    expect(message(load({ gates: ["scope"] }))).toMatch(/gates: no rule "scope"/);
    expect(message(load({}, { exclusive: [{ id: "g", rules: ["company-scale", "nope"], clause: "pingyin-2020:四/(二)", quote: "x" }] }))).toMatch(/exclusive "g": no rule "nope"/);
    expect(message(load({ clause: "dongying-2020:三/(三)" }))).toMatch(/is not a clause of pingyin-2020/);
  });

  it("rejects a policy missing from policies.json when the rule book loads", () => {
    const run = () => buildRuleBook([{ source: "x.ts", data: { policy: "nowhere-2020", rules: [] } }]);
    expect(run).toThrow(/x\.ts: policy "nowhere-2020" is not in policies.json/);
  });
});
