import { describe, expect, it } from "vitest";
import { checkRules, evaluatePolicy, ruleBook } from "../../rules/evaluatePolicy.js";
import { FactsSchema, factsSchemaFor, isValidated, parseFacts } from "../../rules/facts.js";
import { validateFacts } from "../../rules/factsError.js";

const approx = { low: 80_000_00, high: 90_000_00, words: "80来万" };
const INPUTS: unknown[] = [
  {},
  { onlineRetailSales: 120_000_00 },
  { entityType: "influencer", followers: 120_000, onlineRetailSales: approx, activityYear: 2021 },
  { followers: { low: 1, high: 2, words: "1到2", parts: [{ low: 1, high: 1, words: "1" }, { low: 1, high: 1, words: "1" }] } },
  { followers: { low: 2, high: 2, words: "x", parts: [{ low: 1, high: 1, words: "1" }] } },
  { onlineRetailSales: -5, followers: "many" },
  { turnover: 5, onlineRetailSales: 1 },
  { followers: undefined },
  { entityType: "robot" },
  null,
  [],
  "facts",
];

/** Issues without the schema instance they came from (the narrowed schema is another instance). */
const issues = (r: { success: boolean; error?: { issues: object[] } }) => r.error?.issues.map(({ inst: _, ...rest }: { inst?: unknown }) => rest);

describe("validating facts", () => {
  it("checks only the facts an object names, with the same result and issues as the whole schema", () => {
    for (const input of INPUTS) {
      const whole = FactsSchema.safeParse(input);
      const narrowed = factsSchemaFor(input).safeParse(input);
      expect(narrowed.success).toBe(whole.success);
      expect(JSON.stringify(narrowed.data)).toBe(JSON.stringify(whole.data));
      expect(issues(narrowed)).toEqual(issues(whole));
    }
  });

  it("returns parsed facts deep-frozen, so the engine takes them without validating them again", () => {
    const input = { entityType: "influencer", followers: { ...approx } };
    const facts = parseFacts(input) as { followers: object };
    expect(Object.isFrozen(facts) && Object.isFrozen(facts.followers)).toBe(true);
    expect(Object.isFrozen(input.followers)).toBe(false);
    expect(isValidated(facts)).toBe(true);
    expect(validateFacts(facts)).toBe(facts);
    expect(() => {
      (facts as Record<string, unknown>).followers = 1;
    }).toThrow(TypeError);
    // A copy is validated like any other input.
    const copy = { ...facts };
    expect(isValidated(copy)).toBe(false);
    expect(validateFacts(copy)).not.toBe(copy);
  });
});

describe("checkRules", () => {
  it("gives each rule the checks that evaluating it gives", () => {
    const factSets = [{}, { entityType: "company", onlineRetailSales: 600_000_00, flagshipStore: true, localSpecialty: false }, { entityType: "influencer", followers: 150_000, onlineRetailSales: approx }];
    let decided = 0;
    for (const policy of ruleBook().policies.keys()) {
      for (const facts of factSets) {
        const evaluated = evaluatePolicy(policy, facts, { asOf: "2021-06-01" }).map((r) => ({ rule: r.rule, checks: r.checks }));
        expect(checkRules(policy, facts, { asOf: "2021-06-01" })).toEqual(evaluated);
        decided += evaluated.filter((r) => r.checks!.length > 0).length;
      }
    }
    expect(decided).toBeGreaterThan(0);
  });
});
