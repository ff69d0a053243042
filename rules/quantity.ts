/**
 * Reading a numeric fact that may be approximate: its bounds, and how a trace names it. Every
 * mechanism is monotone in its inputs, so evaluating at the two bounds gives the whole range.
 */
import type { ApproxValue, Quantity, QuantityPart } from "./facts.js";

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

/** The instances of a fact stated several times, or null when it was stated once. */
export function partsOf(v: Quantity | undefined): readonly QuantityPart[] | null {
  return isApprox(v) && v.parts ? v.parts : null;
}

/**
 * Several instances of one fact as one value: their sum, with the user's words of each ("5w、8w").
 * The sum is what a reader of the total sees; caps per event, site or year read the parts.
 */
export function sumParts(parts: readonly QuantityPart[]): ApproxValue {
  let low = 0;
  let high: number | null = 0;
  for (const p of parts) {
    low += p.low;
    high = high === null || p.high === null ? null : high + p.high;
  }
  return { low, high, words: parts.map((p) => p.words).join("、"), parts: [...parts] };
}

/** One instance as a fact value, keeping the user's words so traces quote them. */
export function partValue(p: QuantityPart): ApproxValue {
  return { low: p.low, high: p.high, words: p.words };
}
