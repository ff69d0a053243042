/**
 * Reading a numeric fact that may be approximate: its bounds, and how a trace names it. Every
 * mechanism is monotone in its inputs, so evaluating at the two bounds gives the whole range.
 */
import type { ApproxValue, Quantity } from "./facts.js";

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
