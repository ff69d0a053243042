/**
 * Retrieval at scale: over synthetic corpora of N clauses (the shipped policies plus noisy copies with
 * other region names and amounts, see syntheticCorpus.ts), measures index build, opening the saved
 * index, filtered and unfiltered search, one full bot turn and peak memory, each beside exact brute
 * force measured in the same run. Every stage runs in its own process, so peak RSS is the stage's own:
 * the process's ru_maxrss, which counts every thread (the build's worker threads included), the same
 * figure `/usr/bin/time -v` reports as "Maximum resident set size".
 *
 *   npm run bench:retrieval                          # 1k and 10k clauses
 *   npm run bench:retrieval -- --clauses 100000      # the 100k target (several minutes; run sparingly)
 *   npm run bench:retrieval -- --clauses 10000 --m 16 --ef-construction 100 --ef 32,64,128,256
 *   npm run bench:retrieval -- --clauses 100000 --baseline /tmp/old   # also builds the same corpus with
 *                                                    # the code of another checkout (with node_modules)
 *
 * Recall@10 counts a returned passage as correct when its exact cosine is at least the exact 10th
 * best (copies of one clause can tie exactly; any of the tied passages is a right answer).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chatExpansion } from "../knowledge/chatSynonyms.js";
import { HashedEmbeddings } from "../knowledge/hashedEmbeddings.js";
import { openKnowledgeBase, type KnowledgeBase } from "../knowledge/knowledgeBase.js";
import { progressBar } from "../knowledge/progressBar.js";
import { HNSW_DEFAULTS, type HnswParams } from "../knowledge/vectorIndex.js";
import { random, writeSyntheticCorpus } from "./syntheticCorpus.js";

const { values } = parseArgs({
  options: {
    clauses: { type: "string", default: "1000,10000" },
    queries: { type: "string", default: "300" },
    m: { type: "string", default: String(HNSW_DEFAULTS.m) },
    "ef-construction": { type: "string", default: String(HNSW_DEFAULTS.efConstruction) },
    ef: { type: "string", default: String(HNSW_DEFAULTS.efSearch) },
    stage: { type: "string" },
    dir: { type: "string" },
    baseline: { type: "string" },
  },
});
const hnsw: HnswParams = { m: Number(values.m), efConstruction: Number(values["ef-construction"]), efSearch: Number(values.ef!.split(",")[0]) };
const efs = values.ef!.split(",").map(Number);
const K = 10;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The same queries in every stage: clause titles, text fragments, chat templates; each with one policy to filter to. */
function queries(kb: KnowledgeBase, count: number): Array<{ text: string; policy: string }> {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const topics = ["带货达人", "旗舰店", "跨境电商", "电商园区", "房租补贴", "培训补助", "流量补贴", "电商村", "快递物流", "网店", "直播基地", "淘宝村", "有效期"];
  const templates = ["{t} 能拿多少", "{t}政策怎么申请", "我做{t}，去年卖了300万，有奖励吗", "{t}有什么补贴", "{t} 条件是什么？"];
  const out: Array<{ text: string; policy: string }> = [];
  while (out.length < count) {
    const clause = pick(kb.clauses);
    const kind = out.length % 3;
    const from = Math.floor(next() * Math.max(1, clause.text.length - 20));
    const text = kind === 0 && clause.title ? clause.title : kind === 1 ? clause.text.slice(from, from + 6 + Math.floor(next() * 20)) : pick(templates).replace("{t}", pick(topics));
    out.push({ text, policy: clause.policyId });
  }
  return out;
}

/** The text the dense leg embeds for a query (the query plus its chat expansion, as ClauseSearch does). */
const denseText = (query: string) => `${query} ${chatExpansion(query)}`;

async function open(dir: string, rebuild = false): Promise<KnowledgeBase> {
  return openKnowledgeBase({ policyDir: join(dir, "policies"), dataDir: join(dir, "data"), embeddings: offline(), rebuild, hnsw, progress: progressBar(), log: () => {} });
}

function offline() {
  const embeddings = new HashedEmbeddings();
  return { embeddings, id: embeddings.id };
}

/** Stage 1: build and save the index from the policy files. */
async function buildStage(dir: string) {
  const cpu = cpuMs();
  const kb = await open(dir, true);
  const measured = { buildMs: kb.index.millis, buildCpuMs: cpuMs() - cpu, buildRssMb: peakRssMb() };
  // Counted after measuring: the built index reads each policy's clauses back only when asked.
  return { clauses: kb.clauses.length, policies: kb.policies.length, passages: kb.index.passages, ...measured };
}

/** Stage 2: brute force — every vector in memory, cosine against all of them (policy rows only when filtered). */
async function referenceStage(dir: string) {
  const kb = await open(dir);
  const embeddings = new HashedEmbeddings();
  const d = embeddings.dimensions;
  const all = new Float32Array(readFileSync(join(kb.index.dir, "vectors.f32")).buffer.slice(0));
  const policyOfRow = kb.searchIndex.passageClauseIds.map((id) => id.slice(0, id.indexOf(":")));
  const rows = policyOfRow.length;
  const filtered: number[] = [];
  const unfiltered: number[] = [];
  const result = queries(kb, Number(values.queries)).map(({ text, policy }) => {
    const q = embeddings.embedSync(denseText(text));
    const brute = (policyOnly: boolean) => {
      const scores: Array<[number, number]> = [];
      for (let r = 0; r < rows; r++) {
        if (policyOnly && policyOfRow[r] !== policy) continue;
        let dot = 0;
        for (let i = 0, at = r * d; i < d; i++, at++) dot += q[i]! * all[at]!;
        scores.push([r, dot]);
      }
      scores.sort((a, b) => b[1] - a[1]);
      return scores.slice(0, K).map(([, s]) => s);
    };
    let t = performance.now();
    const inPolicy = brute(true);
    filtered.push(performance.now() - t);
    t = performance.now();
    const everywhere = brute(false);
    unfiltered.push(performance.now() - t);
    return { inPolicy, everywhere };
  });
  writeFileSync(join(dir, "reference.json"), JSON.stringify(result));
  return { bruteFilteredP50: percentile(filtered, 50), bruteFilteredP99: percentile(filtered, 99), bruteP50: percentile(unfiltered, 50), bruteP99: percentile(unfiltered, 99) };
}

/** Stage 3: open the saved index and search it as the bot does; recall against stage 2. */
async function searchStage(dir: string) {
  let t = performance.now();
  const kb = await open(dir);
  const openMs = performance.now() - t;
  const reference = JSON.parse(readFileSync(join(dir, "reference.json"), "utf8")) as Array<{ inPolicy: number[]; everywhere: number[] }>;
  const list = queries(kb, Number(values.queries));
  const index = kb.searchIndex;
  for (const { text, policy } of list.slice(0, 20)) kb.search(text, { policyIds: [policy] }); // warm-up
  /** Wall time of fn in ms; its CPU time goes to `cpu` (a busy machine stretches wall time, not CPU time). */
  const cpu: Record<string, number[]> = {};
  let bucket = "";
  const time = (fn: () => unknown) => {
    const used = process.cpuUsage();
    const start = performance.now();
    fn();
    const wall = performance.now() - start;
    const { user, system } = process.cpuUsage(used);
    (cpu[bucket] ??= []).push((user + system) / 1000);
    return wall;
  };
  const cpuP99 = (name: string) => percentile(cpu[name] ?? [], 99);
  bucket = "hybridFiltered";
  const hybridFiltered = list.map(({ text, policy }) => time(() => kb.search(text, { policyIds: [policy] })));
  bucket = "hybrid";
  const hybrid = list.map(({ text }) => time(() => kb.search(text)));
  const embeddings = new HashedEmbeddings();
  /** Share of returned rows whose exact cosine reaches the exact K-th best. */
  const recall = (rows: number[], text: string, reference: number[]) => {
    // A passage sharing nothing with the query (cosine 0) is no neighbour: a query without content words has none.
    const exact = reference.filter((score) => score > 0);
    if (exact.length === 0) return 1;
    const q = embeddings.embedSync(denseText(text));
    const floor = exact.at(-1)! - 1e-6;
    const good = rows.filter((row) => index.vectors.nearestIn(q, 1, [[row, row + 1]])[0]!.score >= floor).length;
    return Math.min(good, exact.length) / exact.length;
  };
  const rowOf = new Map(index.passageClauseIds.map((id, row) => [id, row]));
  const rowsOf = (clauses: { id: string }[]) => clauses.map((c) => rowOf.get(c.id)!);
  const denseFiltered: number[] = [];
  let recallFiltered = 0;
  bucket = "denseFiltered";
  list.forEach(({ text, policy }, i) => {
    let found: { id: string }[] = [];
    denseFiltered.push(time(() => (found = index.nearestClauses(denseText(text), { policyIds: [policy], k: K }))));
    recallFiltered += recall(rowsOf(found), text, reference[i]!.inPolicy);
  });
  const sweep = efs.map((ef) => {
    index.vectors.setEfSearch(ef);
    bucket = `ef${ef}`;
    const times: number[] = [];
    let sum = 0;
    list.forEach(({ text }, i) => {
      let found: { id: string }[] = [];
      times.push(time(() => (found = index.nearestClauses(denseText(text), { k: K }))));
      sum += recall(rowsOf(found), text, reference[i]!.everywhere);
    });
    return { ef, p50: percentile(times, 50), p99: percentile(times, 99), cpuP99: cpuP99(bucket), recall: sum / list.length };
  });
  return {
    openMs,
    hybridFilteredP50: percentile(hybridFiltered, 50),
    hybridFilteredP99: percentile(hybridFiltered, 99),
    hybridFilteredCpuP99: cpuP99("hybridFiltered"),
    hybridCpuP99: cpuP99("hybrid"),
    denseFilteredCpuP99: cpuP99("denseFiltered"),
    hybridP50: percentile(hybrid, 50),
    hybridP99: percentile(hybrid, 99),
    denseFilteredP50: percentile(denseFiltered, 50),
    denseFilteredP99: percentile(denseFiltered, 99),
    recallFiltered: recallFiltered / list.length,
    sweep,
    searchRssMb: peakRssMb(),
  };
}

/** Stage 4: whole bot turns (dev questions) over the large catalog, as `ask` runs them. */
async function turnStage(dir: string) {
  const { PolicyBot } = await import("../bot/policyBot.js");
  const { PolicyCatalog } = await import("../bot/policyCatalog.js");
  const t = performance.now();
  const catalog = await PolicyCatalog.open({ policyDir: join(dir, "policies"), dataDir: join(dir, "data"), embeddings: offline(), hnsw, log: () => {} });
  const openMs = performance.now() - t;
  const bot = await PolicyBot.create({ catalog, rateLimit: false, log: () => {} });
  const turns = readFileSync("test/fixtures/dev.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line) as { turns: string[] }).turns);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const [i, text] of turns.entries()) {
      const used = process.cpuUsage();
      const start = performance.now();
      await bot.handle({ channel: "cli", chatId: `bench-${round}-${i}`, userId: "u", text, isPrivate: true });
      if (round === 0) continue;
      times.push(performance.now() - start);
      const { user, system } = process.cpuUsage(used);
      cpuTimes.push((user + system) / 1000);
    }
  }
  return { botOpenMs: openMs, turnP50: percentile(times, 50), turnP99: percentile(times, 99), turnCpuP99: percentile(cpuTimes, 99), turnRssMb: peakRssMb() };
}

const STAGES = { build: buildStage, reference: referenceStage, search: searchStage, turn: turnStage } as const;

if (values.stage) {
  const result = await STAGES[values.stage as keyof typeof STAGES](values.dir!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  /** Runs a stage in a process of its own, with this script or (`checkout`) the same script of another checkout. */
  const run = <S extends keyof typeof STAGES>(stage: S, dir: string, checkout?: string): Awaited<ReturnType<(typeof STAGES)[S]>> => {
    const script = checkout ? join(checkout, "scripts", "benchRetrieval.ts") : self;
    const args = [...process.execArgv, script, "--stage", stage, "--dir", dir, "--m", values.m!, "--ef-construction", values["ef-construction"]!, "--ef", values.ef!, "--queries", values.queries!];
    const child = spawnSync(process.execPath, args, { cwd: checkout, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`stage ${stage}${checkout ? ` of ${checkout}` : ""} failed (exit ${child.status})`);
    return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
  };
  const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  /** How many times faster than brute force. */
  const ratio = (ours: number, brute: number) => `${(brute / ours).toFixed(brute / ours < 10 ? 1 : 0)}× faster`;
  console.log(`hnsw M=${hnsw.m} efConstruction=${hnsw.efConstruction}; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`);
  const rows: string[] = [];
  const sweeps: string[] = [];
  for (const n of values.clauses!.split(",").map(Number)) {
    const dir = mkdtempSync(join(tmpdir(), `bench-${n}-`));
    try {
      const policies = writeSyntheticCorpus(join(dir, "policies"), n);
      console.error(`${n}: ${policies} policies generated in ${dir}`);
      // The baseline builds first: each build removes the other indexes, and the later stages open this code's.
      const baseline = values.baseline ? run("build", dir, values.baseline) : null;
      const build = run("build", dir);
      const reference = run("reference", dir);
      const search = run("search", dir);
      const turn = run("turn", dir);
      const ef0 = search.sweep[0]!;
      const buildTime = (b: typeof build) => `${(b.buildMs / 1000).toFixed(1)} s (cpu ${(b.buildCpuMs / 1000).toFixed(1)} s)`;
      const mb = (x: number) => `${Math.round(x).toLocaleString("en")} MB`;
      rows.push(
        `| ${build.clauses} | ${build.passages} | ${buildTime(build)}${baseline ? `; baseline ${buildTime(baseline)}` : ""} | ` +
          `${mb(build.buildRssMb)}${baseline ? `; baseline ${mb(baseline.buildRssMb)}, ${(build.buildRssMb / baseline.buildRssMb).toFixed(2)}×` : ""} | ${ms(search.openMs)} ms | ` +
          `${ms(search.denseFilteredP50)} / ${ms(search.denseFilteredP99)} (cpu ${ms(search.denseFilteredCpuP99)}) ms; brute force ${ms(reference.bruteFilteredP50)} / ${ms(reference.bruteFilteredP99)} ms, ${ratio(search.denseFilteredP50, reference.bruteFilteredP50)}; recall ${search.recallFiltered.toFixed(3)} | ` +
          `${ms(ef0.p50)} / ${ms(ef0.p99)} (cpu ${ms(ef0.cpuP99)}) ms; brute force ${ms(reference.bruteP50)} / ${ms(reference.bruteP99)} ms, ${ratio(ef0.p50, reference.bruteP50)}; recall ${ef0.recall.toFixed(3)} | ` +
          `${ms(search.hybridFilteredP50)} / ${ms(search.hybridFilteredP99)} (cpu ${ms(search.hybridFilteredCpuP99)}) ms | ${ms(search.hybridP50)} / ${ms(search.hybridP99)} (cpu ${ms(search.hybridCpuP99)}) ms | ` +
          `${ms(turn.turnP50)} / ${ms(turn.turnP99)} (cpu ${ms(turn.turnCpuP99)}) ms | ${mb(search.searchRssMb)} / ${mb(turn.turnRssMb)} |`,
      );
      for (const s of search.sweep) sweeps.push(`| ${build.clauses} | ${hnsw.m} | ${hnsw.efConstruction} | ${s.ef} | ${ms(s.p50)} / ${ms(s.p99)} (cpu ${ms(s.cpuP99)}) ms | ${s.recall.toFixed(3)} | ${(build.buildMs / 1000).toFixed(1)} s |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log("\nWall-clock p50 / p99, with the CPU-time p99 in brackets; brute force = cosine against every vector in memory.");
  console.log(`Peak RSS of each stage's process (all its threads); baseline = ${values.baseline ?? "none"}, built from the same corpus in this run.`);
  console.log("| clauses | passages | build | build peak RSS | open saved index | filtered dense p50 / p99, vs brute force, recall@10 | unfiltered dense p50 / p99, vs brute force, recall@10 | filtered hybrid search p50 / p99 | unfiltered hybrid p50 / p99 | one turn p50 / p99 | peak RSS searching / serving turns |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
  console.log("\n| clauses | M | efConstruction | ef | unfiltered dense p50 / p99 | recall@10 | build |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const row of sweeps) console.log(row);
}
