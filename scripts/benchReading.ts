/**
 * `npm run bench:reading`: reading one chat message into facts (numbers, places, conditions), for a
 * 2,000-character message (the longest the bot reads) beside a one-line message in the same run.
 * Goal: p99 < 2 ms for the long message on the 2-core machine. A script, not a timed test.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { extractFacts, MAX_MESSAGE_CHARS } from "../bot/extractFacts.js";

const lines = ["dev-chat.jsonl", "qa-quantities.jsonl", "qa-situations.jsonl"].flatMap((file) =>
  readFileSync(`test/fixtures/${file}`, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { turns: string[] }).turns),
);
// A voice-to-text run-on: realistic turns joined until the reader's limit.
let long = "";
for (let i = 0; long.length < MAX_MESSAGE_CHARS; i++) long += `${lines[i % lines.length]} `;
long = long.slice(0, MAX_MESSAGE_CHARS);
const short = lines[0]!;

function measure(text: string, rounds: number): { p50: number; p99: number } {
  for (let i = 0; i < 50; i++) extractFacts(text, { asOf: "2026-12-01" });
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    extractFacts(text, { asOf: "2026-12-01" });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { p50: pct(50), p99: pct(99) };
}

const base = measure(short, 2000);
const big = measure(long, 500);
console.log(`one line (${short.length} chars): p50 ${base.p50.toFixed(3)} ms  p99 ${base.p99.toFixed(3)} ms`);
console.log(`2,000 chars: p50 ${big.p50.toFixed(3)} ms  p99 ${big.p99.toFixed(3)} ms  (${(big.p99 / base.p99).toFixed(1)}× the one-line p99; goal p99 < 2 ms)`);
