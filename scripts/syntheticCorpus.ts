/**
 * A synthetic policy corpus for scale benchmarks: the shipped policies, plus copies of them with
 * invented region names, scaled amounts and a fraction of random character noise (so copies are
 * similar, as real policies of neighbouring counties are, but never identical). Written to a folder
 * of the caller's choosing (a temporary one); never part of the repository.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POLICY_DIR } from "../knowledge/knowledgeBase.js";
import { loadCorpus } from "../knowledge/loadCorpus.js";
import type { PolicyMeta } from "../knowledge/policyMeta.js";

export interface SyntheticCorpusOptions {
  /** Share of ordinary Chinese characters replaced by another character of the same document. */
  noise?: number;
  seed?: number;
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** Characters that carry document structure (heading numbers, 第X条) and are never replaced. */
const STRUCTURE = /[〇零一二三四五六七八九十百千万亿第条章节款项附件]/;
const HAN = /[\u4e00-\u9fff]/;
const NAME_CHARS = "青岚溪桐柏松河源泉川岭峰湖湾林禾丰安宁嘉兴德隆昌盛和泰永平清远兰芳桂梅竹枫榆杉槐栖凤鸣鹤云霞".split("");
const FACTORS = [0.5, 0.8, 1.5, 2, 3];

/**
 * Writes the shipped policies plus generated copies into `dir` until it holds at least `clauses`
 * clauses; returns the number of policies written.
 */
export function writeSyntheticCorpus(dir: string, clauses: number, options: SyntheticCorpusOptions = {}): number {
  const noise = options.noise ?? 0.03;
  const next = random(options.seed ?? 42);
  mkdirSync(dir, { recursive: true });
  const source = loadCorpus(DEFAULT_POLICY_DIR);
  const metaFile = JSON.parse(readFileSync(join(DEFAULT_POLICY_DIR, "policies.json"), "utf8")) as { policies: PolicyMeta[] };
  const metas: PolicyMeta[] = [];
  let total = 0;
  for (const policy of source.policies) {
    copyFileSync(policy.path, join(dir, policy.meta.file));
    metas.push(metaFile.policies.find((m) => m.id === policy.meta.id)!);
    total += policy.clauses.length;
  }
  const realNames = source.policies.flatMap((p) => [...p.meta.aliases, p.meta.region.county, p.meta.region.city].filter((n): n is string => !!n));
  const usedNames = new Set<string>();
  const newName = (): string => {
    for (;;) {
      const name = Array.from({ length: 3 }, () => NAME_CHARS[Math.floor(next() * NAME_CHARS.length)]).join("");
      if (!usedNames.has(name) && !realNames.some((real) => real.includes(name) || name.includes(real))) {
        usedNames.add(name);
        return name;
      }
    }
  };
  for (let copy = 1; total < clauses; copy++) {
    const original = source.policies[(copy - 1) % source.policies.length]!;
    const meta = metas.find((m) => m.id === original.meta.id)!;
    const county = newName();
    const city = newName();
    const id = `${meta.id}-s${copy}`;
    // Longest names first, so 平阴县 becomes 青岚溪县 rather than 青岚溪县县.
    const renames = [
      ...meta.aliases.map((a) => [a, a.endsWith("县") || a.endsWith("市") ? `${county}${a.slice(-1)}` : county] as const),
      ...(meta.region.county ? [[meta.region.county, `${county}县`] as const] : []),
      ...(meta.region.city ? [[meta.region.city, `${city}市`] as const, [meta.region.city.replace(/市$/, ""), city] as const] : []),
    ].sort((a, b) => b[0].length - a[0].length);
    const chars = [...new Set(original.text)].filter((c) => HAN.test(c) && !STRUCTURE.test(c));
    const text = original.text
      .split("\n")
      .map((line) => {
        let out = line;
        for (const [from, to] of renames) out = out.replaceAll(from, to);
        // Short lines are headings and signatures: left as they are, so the clause tree stays the same.
        if (out.length < 20) return out;
        // Amounts change; years and list numbers (line-leading, bracketed, before 、 or .) do not.
        out = out.replace(/\d+(\.\d+)?(?![.．、])/g, (number, _fraction, at: number) => {
          if (/^(19|20)\d\d$/.test(number) || /^\s*$/.test(out.slice(0, at)) || /[(（]\s*$/.test(out.slice(0, at))) return number;
          const scaled = Number(number) * FACTORS[Math.floor(next() * FACTORS.length)]!;
          return Number.isInteger(Number(number)) ? String(Math.max(1, Math.round(scaled))) : scaled.toFixed(1);
        });
        return [...out].map((c) => (HAN.test(c) && !STRUCTURE.test(c) && next() < noise ? chars[Math.floor(next() * chars.length)]! : c)).join("");
      })
      .join("\n");
    const file = `${id}.txt`;
    writeFileSync(join(dir, file), text);
    const { places: _places, nearby: _nearby, ...rest } = meta as PolicyMeta & { places?: unknown; nearby?: unknown };
    metas.push({
      ...rest,
      ...("places" in meta ? { places: [] } : {}),
      ...("nearby" in meta ? { nearby: [] } : {}),
      id,
      file,
      issuer: `${county}县人民政府`,
      region: { province: meta.region.province, city: `${city}市`, county: `${county}县` },
      aliases: [county, `${county}县`],
    } as PolicyMeta);
    total += original.clauses.length;
  }
  writeFileSync(join(dir, "policies.json"), JSON.stringify({ about: "synthetic benchmark corpus", policies: metas }, null, 1));
  return metas.length;
}
