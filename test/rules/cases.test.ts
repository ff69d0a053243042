/**
 * Runs the OpenFisca-style case files test/rules/cases/<policy-id>.yaml against the rule engine.
 * Money facts may be written as the text writes money ("100万元"); expected amounts are exact fen.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { evaluatePolicy } from "../../rules/evaluatePolicy.js";
import { FactsError } from "../../rules/factsError.js";
import { FACTS, type FactName } from "../../rules/facts.js";
import { MONEY_LITERAL, parseMoney } from "../../rules/money.js";

const CASES_DIR = join(import.meta.dirname, "cases");

const CaseSchema = z.strictObject({
  name: z.string(),
  rule: z.string().optional(),
  asOf: z.string().optional(),
  facts: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    eligible: z.boolean().nullable().optional(),
    amountFen: z.number().int().nullable().optional(),
    upTo: z.boolean().optional(),
    inForce: z.boolean().nullable().optional(),
    missing: z.array(z.string()).optional(),
    traceIncludes: z.string().optional(),
    conditionsInclude: z.string().optional(),
    /** A bad fact: evaluation must throw FactsError naming this fact. */
    errorNames: z.string().optional(),
  }),
});
const FileSchema = z.strictObject({ policy: z.string(), asOf: z.string(), cases: z.array(CaseSchema).min(1) });

/** Money facts written "100万元" become fen; everything else passes through to validation. */
function toFacts(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      typeof v === "string" && MONEY_LITERAL.test(v) && FACTS[k as FactName]?.unit === "fen" ? parseMoney(v) : v,
    ]),
  );
}

const files = readdirSync(CASES_DIR).filter((f) => f.endsWith(".yaml")).sort();

describe("rule case files", () => {
  it("exist for the policies encoded here", () => {
    expect(files).toEqual(expect.arrayContaining(["pingyin-2020.yaml", "dongying-2020.yaml", "liaocheng-2022.yaml"]));
  });
});

for (const file of files) {
  const data = FileSchema.parse(parse(readFileSync(join(CASES_DIR, file), "utf8")));
  describe(`${data.policy} (${file})`, () => {
    for (const c of data.cases) {
      it(c.name, () => {
        const facts = toFacts(c.facts);
        const run = () => evaluatePolicy(data.policy, facts, { asOf: c.asOf ?? data.asOf });
        if (c.expect.errorNames) {
          expect(run).toThrow(FactsError);
          try {
            run();
          } catch (error) {
            expect((error as FactsError).fact).toBe(c.expect.errorNames);
            expect((error as Error).message).toContain(c.expect.errorNames);
            expect((error as Error).message).not.toContain("\n");
          }
          return;
        }
        const results = run();
        const r = results.find((x) => x.rule === c.rule);
        expect(r, `rule ${c.rule} in ${data.policy}`).toBeDefined();
        const e = c.expect;
        const context = `${c.rule}\n${r!.trace.join("\n")}\nconditions: ${r!.conditions.join(" | ")}`;
        if (e.eligible !== undefined) expect(r!.eligible, context).toBe(e.eligible);
        if (e.amountFen !== undefined) expect(r!.amountFen, context).toBe(e.amountFen);
        if (e.upTo !== undefined) expect(r!.upTo).toBe(e.upTo);
        if (e.inForce !== undefined) expect(r!.inForce, context).toBe(e.inForce);
        if (e.missing !== undefined) expect(r!.missing, context).toEqual(e.missing);
        if (e.traceIncludes) expect(r!.trace.join("\n"), context).toContain(e.traceIncludes);
        if (e.conditionsInclude) expect(r!.conditions.join("\n"), context).toContain(e.conditionsInclude);
      });
    }
  });
}
