/**
 * `npm run bench:turn`: an offline turn through ask's pipeline (extraction, retrieval, rules, wording).
 * Goal: p50 < 5 ms, p99 < 20 ms on the 2-core machine. A script, not a timed test.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { PolicyBot } from "../bot/policyBot.js";

const turns = readFileSync("test/fixtures/dev.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((line) => (JSON.parse(line) as { turns: string[] }).turns);

const bot = await PolicyBot.create({ rateLimit: false, log: () => {} });
const ROUNDS = 40;
const times: number[] = [];
for (let round = 0; round < ROUNDS + 2; round++) {
  for (const [i, text] of turns.entries()) {
    const started = performance.now();
    await bot.handle({ channel: "cli", chatId: `bench-${round}-${i}`, userId: "u", text, isPrivate: true });
    if (round >= 2) times.push(performance.now() - started); // two warm-up rounds
  }
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
console.log(`turns: ${times.length}  p50: ${pct(50).toFixed(2)} ms  p99: ${pct(99).toFixed(2)} ms  max: ${times.at(-1)!.toFixed(2)} ms  (goal p50 < 5 ms, p99 < 20 ms)`);
