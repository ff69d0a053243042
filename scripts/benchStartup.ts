/**
 * `npm run bench:startup`: one `ask --json` question from a cold process, 5 runs each, median wall
 * time, CPU time and peak RSS (GNU time, /usr/bin/time, for the children's figures). Rows: the npm
 * script as a user types it (`npm run --silent ask …`, which adds npm's own start, ~0.3 s CPU), the
 * process itself (`node scripts/run.mjs adapters/cli/ask.ts …`: one bundle of the sources run with V8's
 * code cache, data files read from the parsed- and validated-data cache; what the goal is about), the
 * same with that data cache emptied before every run (every YAML file parsed and validated again), and
 * tsx transpiling on the fly (the old npm script), all measured in the same run; `-- --against DIR` adds
 * the same process run in another checkout (e.g. a `git worktree` of an older commit) as a baseline.
 * Goal: < 0.6 s wall and < 150 MB.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { YAML_CACHE_DIR } from "../rules/ruleFiles.js";

const QUESTION = "我在平阴做带货达人，去年卖了300万，有奖励吗";
const RUNS = 5;
const TIME = "/usr/bin/time";
if (!existsSync(TIME)) {
  console.error(`bench:startup needs GNU time at ${TIME} (Debian: apt-get install time)`);
  process.exit(2);
}

const { values } = parseArgs({ options: { against: { type: "string" } } });
const emptyYamlCache = () => rmSync(YAML_CACHE_DIR, { recursive: true, force: true });
const ways: Array<[name: string, command: string[], beforeEach?: () => void, cwd?: string]> = [
  ["npm run --silent ask (now: scripts/run.mjs)", ["npm", "run", "--silent", "ask", "--", "--json", QUESTION]],
  ["node scripts/run.mjs adapters/cli/ask.ts", ["node", "scripts/run.mjs", "adapters/cli/ask.ts", "--json", QUESTION]],
  ["the same, parsed/validated-data cache emptied before each run", ["node", "scripts/run.mjs", "adapters/cli/ask.ts", "--json", QUESTION], emptyYamlCache],
  ["before: tsx adapters/cli/ask.ts (the old npm script)", ["node", "node_modules/tsx/dist/cli.mjs", "adapters/cli/ask.ts", "--json", QUESTION]],
];
if (values.against) {
  const cwd = resolve(values.against);
  ways.push([`baseline: node scripts/run.mjs adapters/cli/ask.ts in ${values.against}`, ["node", "scripts/run.mjs", "adapters/cli/ask.ts", "--json", QUESTION], undefined, cwd]);
  spawnSync("node", ["scripts/run.mjs", "adapters/cli/ask.ts", "--json", QUESTION], { stdio: "ignore", cwd });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// One unmeasured run first, so the compiled copy exists and files are in the page cache.
spawnSync(ways[1]![1][0]!, ways[1]![1].slice(1), { stdio: "ignore" });

console.log(`${RUNS} runs each, median; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (a busy machine stretches wall time, not CPU time)`);
console.log("| command | wall | CPU (user+sys) | peak RSS |");
console.log("| --- | --- | --- | --- |");
for (const [name, command, beforeEach, cwd] of ways) {
  const walls: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    beforeEach?.();
    const run = spawnSync(TIME, ["-f", "@@ %e %U %S %M", ...command], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
    const line = run.stderr.split("\n").find((l) => l.startsWith("@@ "));
    if (run.status !== 0 || !line || !run.stdout.includes('"status"')) {
      console.error(`${name}: failed (exit ${run.status})\n${run.stderr.slice(-500)}`);
      process.exit(1);
    }
    const [wall, user, system, maxKb] = line.slice(3).split(" ").map(Number) as [number, number, number, number];
    walls.push(wall);
    cpu.push(user + system);
    rss.push(maxKb / 1024);
  }
  console.log(`| ${name} | ${median(walls).toFixed(2)} s | ${median(cpu).toFixed(2)} s | ${Math.round(median(rss))} MB |`);
}
