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
