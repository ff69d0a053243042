/**
 * Reading a numeric fact that may be approximate: its bounds, and how a trace names it. Every
 * mechanism is monotone in its inputs, so evaluating at the two bounds gives the whole range.
 */
import type { ApproxValue, FactName, Facts, Quantity, QuantityPart } from "./facts.js";

/** Bounds of a numeric fact: [v, v] when exact; `high` is Infinity when the user gave no upper bound. */
export interface Bounds {
  low: number;
  high: number;
  /** The user's words for an approximate value. */
  words?: string;
}

export function isApprox(v: unknown): v is ApproxValue {
  return typeof v === "object" && v !== null && "low" in v && "words" in v;
}

export function boundsOf(v: Quantity): Bounds {
  if (!isApprox(v)) return { low: v, high: v };
  return { low: v.low, high: v.high ?? Infinity, words: v.words };
}

/** Bounds as a range: one number when exact. */
export const isExact = (b: Bounds) => b.low === b.high;

/** The instances of a fact stated several times, or null when it was stated once (or as items of one sum). */
export function partsOf(v: Quantity | undefined): readonly QuantityPart[] | null {
  return isApprox(v) && v.parts && !v.items ? v.parts : null;
}

/**
 * The value of a fact stated as several instances. Where instances add up (the vocabulary's `adds`:
 * the costs of two events, people of two groups) it is their sum; otherwise (the days of two sessions,
 * sales on two platforms' pages) every instance lies within it, so a line the instances straddle is asked
 * about rather than decided by one of them. Caps per event, site or year read the parts.
 */
export function combineParts(parts: readonly QuantityPart[], adds: boolean): { low: number; high: number | null } {
  let low = adds ? 0 : Infinity;
  let high: number | null = adds ? 0 : -Infinity;
  for (const p of parts) {
    low = adds ? low + p.low : Math.min(low, p.low);
    high = high === null || p.high === null ? null : adds ? high + p.high : Math.max(high, p.high);
  }
  return { low, high };
}

/** Several instances as one fact value, with the user's words of each ("5w、8w") unless `words` is given. */
export function fromParts(parts: readonly QuantityPart[], adds: boolean, words = parts.map((p) => p.words).join("、")): ApproxValue {
  return { ...combineParts(parts, adds), words, parts: [...parts] };
}

/** One instance as a fact value, keeping the user's words so traces quote them. */
export function partValue(p: QuantityPart): ApproxValue {
  return { low: p.low, high: p.high, words: p.words };
}

/** One instance: the facts with each stated-several-times input replaced by this instance's part. */
export interface Instance {
  facts: Facts;
  words: string;
  year?: number;
}

/**
 * The instances the inputs were stated in, paired by position ("3期 每期2天 每期45个人"); null when no
 * input was stated several times, or when the counts differ so that no pairing is sure (then the totals
 * are used, capped as a whole).
 */
export function instancesOf(facts: Facts, inputs: readonly FactName[]): Instance[] | null {
  const stated = inputs.flatMap((f) => {
    const parts = partsOf(facts[f] as Parameters<typeof partsOf>[0]);
    return parts ? [{ fact: f, parts }] : [];
  });
  if (stated.length === 0) return null;
  const count = stated[0]!.parts.length;
  if (stated.some((s) => s.parts.length !== count)) return null;
  return Array.from({ length: count }, (_, i) => {
    const own: Record<string, unknown> = { ...facts };
    const here: QuantityPart[] = stated.map((s) => s.parts[i]!);
    stated.forEach((s, j) => (own[s.fact] = partValue(here[j]!)));
    const year = here.find((p) => p.year !== undefined)?.year ?? (facts.activityYear as number | undefined);
    return { facts: own as Facts, words: here.map((p) => p.words).join("，"), ...(year !== undefined ? { year } : {}) };
  });
}
