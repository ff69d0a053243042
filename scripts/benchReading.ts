/**
 * `npm run bench:reading`: reading one chat message into facts (numbers, places, conditions), for a
 * 2,000-character message (the longest the bot reads) beside a one-line message.
 * Goal: p99 < 2 ms for the long message on the 2-core machine. A script, not a timed test.
 *
 * The same run measures earlier readers as a baseline: `-- --against <rev>` (repeatable; default 33bbc69,
 * the reader before issue 9; `--against none` for none), from its sources (scripts/revisionSources.ts).
 *
 * Each reader runs in its own worker thread, so in its own V8 heap, as the bot runs one reader: the garbage
 * collections in a reader's calls are started by its own allocation. (In one shared heap the baseline's
 * garbage, about twice this tree's, also fills the young generation, and the scavenges it starts land in
 * whichever reader's call is running.) The readers take turns in small blocks, one running while the others
 * wait, so a load spike hits them alike. A worker waits for its turn blocked (Atomics.wait), never back in its
 * event loop: V8 runs a scavenge it has scheduled (the young generation nearly full) when the thread is idle,
 * and an idle moment between blocks would take collections out of the measured calls. So, as in one process
 * reading message after message, every collection of a reader's heap falls in one of its calls.
 * Times are taken inside the worker around each call: wall time, and CPU time (process.cpuUsage: the whole
 * process, which then is that worker and the garbage collector's helper threads), as other processes stretch
 * the wall tails. "calls with a GC" counts the measured calls a collection ran in (the young generation held
 * less after the call than before): these make the tail, and a reader that allocates less has fewer.
 *
 * Steady state: the bot is a long-running process, so the percentiles are of a warm reader. Before measuring,
 * every reader reads the same message WARM_UP_CALLS times, taking turns in the same blocks as the measurement,
 * so each baseline gets exactly the same warm-up; the JIT has then tiered the reader up. Nothing is dropped
 * after that: every measured call counts, garbage collections included. The very first call of each reader
 * (cold, as right after start-up) is shown in its own column.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { againstRevisions, importAt } from "./revisionSources.js";

type Read = (text: string, options: { asOf: string }) => unknown;

/** A worker's set-up: its reader (null = this tree's) and its slot in the shared turn flags. */
interface Setup {
  rev: string | null;
  turns: SharedArrayBuffer;
  slot: number;
}
/** One message read in blocks of calls: the worker runs each block when its turn flag says so. */
interface Phase {
  text: string;
  blocks: Array<{ calls: number; timed: boolean }>;
}
/** A worker's answers: ready (or why not), then per phase the times of its timed calls. */
type Report =
  | { kind: "ready" }
  | { kind: "failed"; error: string }
  | { kind: "done"; wall: number[]; cpu: number[]; withGc: number };

/** Turn flags: the main thread sets a worker's to GO, the worker sets it back to WAIT after its block. */
const WAIT = 0;
const GO = 1;

if (!isMainThread) await serveReader(workerData as Setup);
else await main();

/** Bytes in use in this heap's young generation. */
function youngBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_used_size ?? 0;
}

/** The worker side: load one reader (this tree's, or `rev`'s), then read each phase's blocks on its turns. */
async function serveReader({ rev, turns, slot }: Setup): Promise<void> {
  const port = parentPort!;
  let read: Read;
  try {
    read = rev === null
      ? (await import("../bot/extractFacts.js")).extractFacts
      : (await importAt<{ extractFacts: Read }>(rev, "bot/extractFacts.ts")).extractFacts;
  } catch (error) {
    port.postMessage({ kind: "failed", error: (error instanceof Error ? error.message : String(error)).split("\n")[0]! } satisfies Report);
    return;
  }
  const flags = new Int32Array(turns);
  const options = { asOf: "2026-12-01" };
  port.on("message", ({ text, blocks }: Phase) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    let withGc = 0;
    for (const { calls, timed } of blocks) {
      while (Atomics.load(flags, slot) !== GO) Atomics.wait(flags, slot, WAIT);
      for (let i = 0; i < calls; i++) {
        if (!timed) {
          read(text, options);
          continue;
        }
        // The young generation only fills during a call; it holds less after one when a collection emptied it.
        const young = youngBytes();
        const used = process.cpuUsage();
        const started = performance.now();
        read(text, options);
        const ended = performance.now();
        const spent = process.cpuUsage(used);
        if (youngBytes() < young) withGc++;
        wall.push(ended - started);
        cpu.push((spent.user + spent.system) / 1000);
      }
      Atomics.store(flags, slot, WAIT);
      Atomics.notify(flags, slot);
    }
    port.postMessage({ kind: "done", wall, cpu, withGc } satisfies Report);
  });
  port.postMessage({ kind: "ready" } satisfies Report);
}

/** A reader in its worker. */
interface Reader {
  name: string;
  worker: Worker;
  slot: number;
}

/** The next message of `worker`. */
function nextReport(worker: Worker): Promise<Report> {
  return new Promise<Report>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => worker.removeAllListeners("error"));
}

async function main(): Promise<void> {
  const { MAX_MESSAGE_CHARS } = await import("../bot/extractFacts.js");
  const named = [["this tree", null] as const, ...againstRevisions(process.argv.slice(2), "33bbc69").map((r) => [r, r] as const)];
  const turns = new SharedArrayBuffer(4 * named.length);
  const flags = new Int32Array(turns);
  const readers: Reader[] = [];
  for (const [slot, [name, rev]] of named.entries()) {
    // Workers do not inherit tsx's loader: register it inside the worker, then load this file there.
    const self = new URL(import.meta.url).href;
    const worker = new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`, {
      eval: true,
      workerData: { rev, turns, slot } satisfies Setup,
    });
    const ready = await nextReport(worker);
    if (ready.kind === "ready") readers.push({ name, worker, slot });
    else {
      // No git history (an unpacked copy) or no such revision: measure the others.
      console.log(`bench:reading: skipping ${name}: ${ready.kind === "failed" ? ready.error : ready.kind}`);
      await worker.terminate();
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

  /** Calls each reader makes before it is measured (see the top of this file). */
  const WARM_UP_CALLS = 1000;

  /**
   * Per reader: the first call's time, then, after the warm-up, `rounds` calls; every reader runs the same
   * blocks of `block` calls, one reader's block after another's.
   */
  async function measure(text: string, rounds: number, block: number) {
    const blocks: Phase["blocks"] = [{ calls: 1, timed: true }];
    for (let done = 1; done < WARM_UP_CALLS; done += block) blocks.push({ calls: Math.min(block, WARM_UP_CALLS - done), timed: false });
    for (let done = 0; done < rounds; done += block) blocks.push({ calls: block, timed: true });
    const reports = readers.map((r) => {
      const report = nextReport(r.worker);
      r.worker.postMessage({ text, blocks } satisfies Phase);
      return report;
    });
    for (let b = 0; b < blocks.length; b++) {
      for (const r of readers) {
        Atomics.store(flags, r.slot, GO);
        Atomics.notify(flags, r.slot);
        while (Atomics.load(flags, r.slot) !== WAIT) Atomics.wait(flags, r.slot, GO);
      }
    }
    return (await Promise.all(reports)).map((report) => {
      if (report.kind !== "done") throw new Error(`bench:reading: unexpected ${report.kind}`);
      return { first: report.wall[0]!, wall: report.wall.slice(1), cpu: report.cpu.slice(1), withGc: report.withGc };
    });
  }

  function pct(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }

  const rows: string[][] = [];
  for (const [label, text, rounds, block] of [["2,000 chars", long, 1000, 10], [`one line (${short.length} chars)`, short, 2000, 50]] as const) {
    (await measure(text, rounds, block)).forEach((t, k) => {
      const ms = (v: number) => v.toFixed(3);
      rows.push([readers[k]!.name, label, ms(pct(t.wall, 50)), ms(pct(t.wall, 99)), ms(pct(t.cpu, 50)), ms(pct(t.cpu, 99)), ms(t.first), `${t.withGc}/${rounds}`]);
    });
  }
  for (const r of readers) await r.worker.terminate();
  const header = ["reader", "message", "wall p50 ms", "wall p99 ms", "cpu p50 ms", "cpu p99 ms", "first call ms", "calls with a GC"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${WARM_UP_CALLS} warm-up calls per reader, each in its own worker thread; goal: this tree's 2,000-char p99 < 2 ms`);
}
