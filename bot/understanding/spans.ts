import { breakAfter, breakBefore } from "./clauses.js";

/** Positions of things read from a message, each with the index of its first character. */
export interface Span {
  start: number;
}

/**
 * Index of the first span starting at or after `pos` (spans.length when none), in spans sorted by start:
 * a binary search instead of a scan of a long message from the top.
 */
export function firstStartingFrom(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks over a message's positions (one byte each), from a buffer kept between messages: a new Uint8Array
 * per message is an off-heap allocation (~6 µs for 2,000 positions) that every scavenge then has to sweep.
 * `take` lends the kept buffer zeroed, as a view of exactly `length` positions; `give` returns it. While it is
 * lent (a nested reading, or a reader that threw before giving it back) `take` allocates a new one instead.
 */
const MARKS_KEPT_AT_MOST = 1 << 14;

export class Marks {
  #buffer = new Uint8Array(0);
  #lent = false;

  take(length: number): Uint8Array {
    // A whole document (far past a chat message) gets its own marks rather than a kept buffer its size.
    if (this.#lent || length > MARKS_KEPT_AT_MOST) return new Uint8Array(length);
    if (this.#buffer.length < length) this.#buffer = new Uint8Array(length);
    this.#lent = true;
    return this.#buffer.fill(0, 0, length).subarray(0, length);
  }

  give(marks: Uint8Array): void {
    if (marks.buffer === this.#buffer.buffer) this.#lent = false;
  }
}

/** Clauses and sentences longer than this are treated as ending there: keeps long messages linear. */
const MAX_SPAN = 120;

/** Where the clause (or sentence) holding `pos` starts, looking back at most MAX_SPAN characters. */
export function lastBreakBefore(text: string, pos: number, breaks: ReadonlySet<string>): number {
  return breakBefore(text, pos, breaks, Math.max(0, pos - MAX_SPAN));
}

/** Where the clause (or sentence) holding `pos` ends, looking ahead at most MAX_SPAN characters. */
export function nextBreakAfter(text: string, pos: number, breaks: ReadonlySet<string>): number {
  return breakAfter(text, pos, breaks, Math.min(text.length, pos + MAX_SPAN));
}
