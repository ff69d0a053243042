/**
 * `npm run bench:rules`: median time to evaluate every rule of all five policies for one fact set
 * (facts validation included). Target < 50 µs. A script, not a timed test.
 */
import { evaluateAll, listRules } from "../evaluatePolicy.js";

const FACT_SETS = [
  { followers: 150_000, onlineRetailSales: 120_000_000, activityYear: 2021, entityType: "influencer" },
  { onlineRetailSales: 15_000_000_000, localContribution: 30_000_000, rank: 2, entityType: "company" },
  { activity: "liveContest", expenses: 4_000_000, trainees: 30, trainingDays: 0.5, mealProvided: true, computerPractice: true },
  {},
];
const ROUNDS = 2_000;

const rules = listRules().length;
for (let i = 0; i < 500; i++) for (const f of FACT_SETS) evaluateAll(f, { asOf: "2021-06-01" }); // warm up

for (const facts of FACT_SETS) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    evaluateAll(facts, { asOf: "2021-06-01" });
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`${rules} rules, facts ${JSON.stringify(facts).slice(0, 60)}: median ${median.toFixed(1)} µs, p95 ${p95.toFixed(1)} µs`);
}
