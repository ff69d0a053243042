/**
 * `npm run bench:turn`: an offline turn through ask's pipeline (extraction, retrieval, rules, wording), over the
 * turns of dev.jsonl. Goal: p50 < 5 ms, p99 < 20 ms on the 2-core machine. A script, not a timed test.
 *
 * The same run measures earlier bots as a baseline: `-- --against <rev>` (repeatable; default 33bbc69, the bot
 * before issue 9; `--against none` for none), from their sources (scripts/revisionSources.ts). The bots take the
 * same turn one after the other, so a load spike hits them alike; CPU time per turn is reported beside wall time,
 * and this tree's p50 and p99 as a ratio to each baseline's (issue 9: at most +20%).
 *
 * Every bot first answers the turns for {@link WARM_UP_ROUNDS} rounds, taking turns exactly as in the measured
 * rounds, so what is measured is the long-running bot's steady state (JIT tiered up, lazily loaded dictionaries
 * and indexes in memory) for this tree and each baseline alike; a few rounds left functions that run once a turn
 * still being optimised.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { PolicyBot } from "../bot/policyBot.js";
import { againstRevisions, importAt } from "./revisionSources.js";

interface Bot {
  handle(msg: { channel: string; chatId: string; userId: string; text: string; isPrivate: boolean }): Promise<unknown>;
}
interface BotClass {
  create(options: { rateLimit: false; log: () => void }): Promise<Bot>;
}

const options = { rateLimit: false, log: () => {} } as const;
const bots: Array<{ name: string; bot: Bot }> = [{ name: "this tree", bot: await PolicyBot.create(options) }];
for (const rev of againstRevisions(process.argv.slice(2), "33bbc69")) {
  try {
    const { PolicyBot: Old } = await importAt<{ PolicyBot: BotClass }>(rev, "bot/policyBot.ts");
    bots.push({ name: rev, bot: await Old.create(options) });
  } catch (error) {
    // No git history (an unpacked copy) or no such revision: measure the others.
    console.log(`bench:turn: skipping ${rev}: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}

const turns = readFileSync("test/fixtures/dev.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((line) => (JSON.parse(line) as { turns: string[] }).turns);

const ROUNDS = 40;
/** Rounds every bot answers before measuring (same order, same turns). */
const WARM_UP_ROUNDS = 10;
const times = bots.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
  for (const [i, text] of turns.entries()) {
    for (const [k, { bot }] of bots.entries()) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await bot.handle({ channel: "cli", chatId: `bench-${round}-${i}`, userId: "u", text, isPrivate: true });
      if (round < WARM_UP_ROUNDS) continue;
      times[k]!.wall.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      times[k]!.cpu.push((used.user + used.system) / 1000);
    }
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (v: number) => v.toFixed(2);
const rows = bots.map(({ name }, k) => {
  const t = times[k]!;
  const ratio = (p: number) => (k === 0 ? "" : `${(pct(times[0]!.cpu, p) / pct(t.cpu, p)).toFixed(2)}×`);
  return [name, ms(pct(t.wall, 50)), ms(pct(t.wall, 99)), ms(pct(t.cpu, 50)), ms(pct(t.cpu, 99)), ratio(50), ratio(99)];
});
const header = ["bot", "wall p50 ms", "wall p99 ms", "cpu p50 ms", "cpu p99 ms", "this tree / it, cpu p50", "cpu p99"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
console.log(`${times[0]!.cpu.length} turns each; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; goal: p50 < 5 ms, p99 < 20 ms, and at most 1.20× the baseline`);
