/**
 * `npm run bench:reading`: reading one chat message into facts (numbers, places, conditions), for a
 * 2,000-character message (the longest the bot reads) beside a one-line message.
 * Goal: p99 < 2 ms for the long message on the 2-core machine. A script, not a timed test.
 *
 * The same run measures earlier readers as a baseline: `-- --against <rev>` (repeatable; default 33bbc69,
 * the reader before issue 9; `--against none` for none), from its sources (scripts/revisionSources.ts).
 * Readers take turns in small blocks, so a load spike hits them alike;
 * CPU time per call (process.cpuUsage) is reported beside wall time, as other processes stretch the wall tails.
 *
 * Steady state: the bot is a long-running process, so the percentiles are of a warm reader. Before measuring,
 * every reader reads the same message WARM_UP_CALLS times, taking turns in the same blocks as the measurement,
 * so each baseline gets exactly the same warm-up; the JIT has then tiered the reader up and the young
 * generation has grown to its working size. Nothing is dropped after that: every measured call counts,
 * garbage collections included. The very first call of each reader (cold, as right after start-up) is shown
 * in its own column.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { extractFacts, MAX_MESSAGE_CHARS } from "../bot/extractFacts.js";
import { againstRevisions, importAt } from "./revisionSources.js";

type Read = (text: string, options: { asOf: string }) => unknown;

const against = againstRevisions(process.argv.slice(2), "33bbc69");
const readers: Array<{ name: string; read: Read }> = [{ name: "this tree", read: extractFacts }];
for (const rev of against) {
  try {
    readers.push({ name: rev, read: (await importAt<{ extractFacts: Read }>(rev, "bot/extractFacts.ts")).extractFacts });
  } catch (error) {
    // No git history (an unpacked copy) or no such revision: measure the others.
    console.log(`bench:reading: skipping ${rev}: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}

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

interface Times {
  wall: number[];
  cpu: number[];
}

/** Calls each reader makes before it is measured (see the top of this file). */
const WARM_UP_CALLS = 1000;

/** Per reader: the first call's wall time, then `rounds` calls taken in blocks of `block` calls in turn, after the warm-up. */
function measure(text: string, rounds: number, block: number): Array<Times & { first: number }> {
  const options = { asOf: "2026-12-01" };
  const first = readers.map((r) => {
    const started = performance.now();
    r.read(text, options);
    return performance.now() - started;
  });
  for (let done = 1; done < WARM_UP_CALLS; done += block) {
    for (const r of readers) for (let i = 0; i < Math.min(block, WARM_UP_CALLS - done); i++) r.read(text, options);
  }
  const times = readers.map((_, k) => ({ first: first[k]!, wall: [] as number[], cpu: [] as number[] }));
  for (let done = 0; done < rounds; done += block) {
    readers.forEach((r, k) => {
      for (let i = 0; i < block; i++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        r.read(text, options);
        times[k]!.wall.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        times[k]!.cpu.push((used.user + used.system) / 1000);
      }
    });
  }
  return times;
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const rows: string[][] = [];
for (const [label, text, rounds, block] of [["2,000 chars", long, 1000, 10], [`one line (${short.length} chars)`, short, 2000, 50]] as const) {
  measure(text, rounds, block).forEach((t, k) => {
    const ms = (v: number) => v.toFixed(3);
    rows.push([readers[k]!.name, label, ms(pct(t.wall, 50)), ms(pct(t.wall, 99)), ms(pct(t.cpu, 50)), ms(pct(t.cpu, 99)), ms(t.first)]);
  });
}
const header = ["reader", "message", "wall p50 ms", "wall p99 ms", "cpu p50 ms", "cpu p99 ms", "first call ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${WARM_UP_CALLS} warm-up calls per reader; goal: this tree's 2,000-char p99 < 2 ms`);
