/**
 * `npm run rules:coverage [-- --policy ID] [--uncovered]`: every amount of every clause, and the rule or
 * notAwards entry that accounts for it. Last line: "coverage: covered/total (pct%)". Exit 1 when any
 * amount is unaccounted for.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadCorpus } from "../../knowledge/loadCorpus.js";
import { checkCoverage } from "../coverage.js";
import { ruleBook } from "../evaluatePolicy.js";

const { values } = parseArgs({ options: { policy: { type: "string" }, uncovered: { type: "boolean", default: false } } });
const corpus = loadCorpus(fileURLToPath(new URL("../../knowledge/policies/", import.meta.url)));
for (const p of corpus.problems) process.stderr.write(`${p}\n`);
const clauses = corpus.clauses.filter((c) => !values.policy || c.policyId === values.policy);
const report = checkCoverage(clauses, ruleBook().files);

const byPolicy = new Map<string, { covered: number; total: number }>();
for (const { mention, coveredBy } of report.lines) {
  const tally = byPolicy.get(mention.policy) ?? { covered: 0, total: 0 };
  tally.total++;
  if (coveredBy) tally.covered++;
  byPolicy.set(mention.policy, tally);
  if (!values.uncovered || !coveredBy) console.log(`${coveredBy ? "ok  " : "MISS"} ${mention.clause.padEnd(26)} ${mention.literal.padEnd(10)} ${coveredBy ?? "neither used by a rule nor listed in notAwards"}`);
}
const pct = (c: number, t: number) => (t === 0 ? 100 : Math.floor((c / t) * 1000) / 10);
for (const [policy, t] of byPolicy) console.log(`${policy}: ${t.covered}/${t.total} (${pct(t.covered, t.total)}%)`);
console.log(`coverage: ${report.covered}/${report.total} (${pct(report.covered, report.total)}%)`);
process.exitCode = report.covered === report.total ? 0 : 1;
