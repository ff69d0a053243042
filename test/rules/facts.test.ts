/** The facts schema builds each fact's value schema on first use: it must validate exactly as the schemas built at once. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FACT_NAMES, FACTS, FactsSchema, factValueSchema, type FactName } from "../../rules/facts.js";

const eager = z.strictObject(Object.fromEntries(FACT_NAMES.map((n) => [n, factValueSchema(n).optional()])));

/** Values of every kind a fact may be given, good and bad. */
function samples(name: FactName): unknown[] {
  const enumValue = Object.keys(FACTS[name].values ?? {})[0];
  return [
    0, 1, 7, 1.5, 100_000_000, -3, Number.MAX_SAFE_INTEGER + 2, "5", "2021-06-01", "2021-6-1", true, false, null, enumValue, "nope",
    { low: 10, high: 20, words: "十几" }, { low: 20, high: 10, words: "反了" }, { low: 10, high: null, words: "10以上" }, { low: 1, high: 2 },
    { low: 10, high: 30, words: "两次", parts: [{ low: 10, high: 10, words: "10" }, { low: 20, high: 20, words: "20", year: 2021 }] },
    { low: 10, high: 30, words: "不符", parts: [{ low: 10, high: 10, words: "10" }] }, { low: 1, high: 2, words: "x", extra: 1 }, [],
  ];
}

const outcome = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return JSON.stringify(r.success ? { data: r.data } : { issues: r.error.issues });
};

describe("the facts schema", () => {
  it("accepts and rejects every value of every fact, with the same data and messages, as the schemas built at once", () => {
    for (const name of FACT_NAMES) {
      for (const value of samples(name)) expect(outcome(FactsSchema, { [name]: value }), `${name}: ${JSON.stringify(value)}`).toBe(outcome(eager, { [name]: value }));
      for (const value of samples(name)) expect(outcome(FactsSchema.shape[name], value)).toBe(outcome(eager.shape[name]!, value));
    }
  });

  it("takes absent facts as unknown and rejects a fact name it does not know, as before", () => {
    expect(outcome(FactsSchema, {})).toBe(outcome(eager, {}));
    expect(outcome(FactsSchema, { noSuchFact: 1, annualSales: -1 })).toBe(outcome(eager, { noSuchFact: 1, annualSales: -1 }));
    expect(FactsSchema.safeParse({ noSuchFact: 1 }).success).toBe(false);
    const several = Object.fromEntries(FACT_NAMES.map((n) => [n, samples(n)[1]]));
    expect(outcome(FactsSchema, several)).toBe(outcome(eager, several));
  });
});
