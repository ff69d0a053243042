/**
 * Clause and sentence boundaries. Readers ask "where does the clause around this word start and end?"
 * for every number and every word they find; the breaks of a text are therefore collected once and
 * each question is a binary search, so reading stays linear in the message's length.
 */

/** Characters that end a clause. */
export const CLAUSE_BREAK: ReadonlySet<string> = new Set("，,。！!？?；;\n");
/** Characters that end a sentence. */
export const SENTENCE_BREAK: ReadonlySet<string> = new Set("。！!？?；;\n");

/** Break positions of the last text seen, per set of breaks: one message is read by many calls. */
const seen = new WeakMap<ReadonlySet<string>, { text: string; at: number[] }>();
/** Each set of breaks by character code: text[i] would copy every Chinese character of a new message into a string. */
const codesOf = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();

function breaksOf(text: string, breaks: ReadonlySet<string>): number[] {
  const known = seen.get(breaks);
  if (known?.text === text) return known.at;
  let codes = codesOf.get(breaks);
  if (!codes) codesOf.set(breaks, (codes = new Set([...breaks].filter((c) => c.length === 1).map((c) => c.charCodeAt(0)))));
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (codes.has(text.charCodeAt(i))) at.push(i);
  seen.set(breaks, { text, at });
  return at;
}

/** Index of the first break at or after `pos` in the sorted positions (at.length when none). */
function firstAtOrAfter(at: number[], pos: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the clause holding `pos` starts: just after the last break before `pos`, but not before `limit`. */
export function breakBefore(text: string, pos: number, breaks: ReadonlySet<string>, limit = 0): number {
  const at = breaksOf(text, breaks);
  const i = firstAtOrAfter(at, pos) - 1;
  return i >= 0 && at[i]! >= limit ? at[i]! + 1 : limit;
}

/** Where the clause holding `pos` ends: the first break at or after `pos`, but not after `limit`. */
export function breakAfter(text: string, pos: number, breaks: ReadonlySet<string>, limit = text.length): number {
  const at = breaksOf(text, breaks);
  const i = firstAtOrAfter(at, pos);
  return i < at.length && at[i]! < limit ? at[i]! : limit;
}
