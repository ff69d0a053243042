/**
 * Regex tests of a window of the message, text[from, to), read in place instead of in a copy: readers ask them
 * for every word and every year of a long message, and a slice per look was a string allocated per look. (For
 * a window right after a position, /^…/ patterns, see tailReader.ts.)
 *
 * Each test reads the text itself first, with a copy of the pattern that matches wherever the original can
 * match in the window (and maybe elsewhere); only when that copy matches is the window sliced and the original
 * asked, so every answer is the original's on the slice. Most looks find nothing, and then nothing is sliced.
 */
import { breakAfter } from "./clauses.js";
import { literal } from "./literalPattern.js";

/**
 * `pattern.test(text.slice(from, at))` for a pattern anchored at the end (/…$/): the words right before `at`.
 * The copy is a look-behind at `at`, without the pattern's negative look-arounds (a word after the window, or
 * before it, could fail one that the slice passes): it matches whenever the slice does.
 */
export function headTester(pattern: RegExp): (text: string, from: number, at: number) => boolean {
  const source = pattern.source;
  if (!source.endsWith("$") || source.endsWith("\\$") || pattern.global || pattern.sticky) {
    throw new Error(`headTester: /${source}/ must end with $ and have neither g nor y`);
  }
  const body = withoutNegativeLookarounds(source.slice(0, -1));
  assertNoEdgeReads(body, source);
  assertBounded(body, source);
  const behind = new RegExp(`(?<=${body})`, `${pattern.flags}y`);
  return (text, from, at) => {
    behind.lastIndex = at;
    return behind.test(text) && pattern.test(text.slice(from, at));
  };
}

/**
 * `pattern.test(text.slice(from, to))` for a pattern with neither anchors nor look-arounds: a match anywhere in
 * the window. The copy is tried, sticky, at each position of the window; a match there that ends inside the
 * window is a match of the slice, and one that runs past it is checked on the slice.
 */
export function windowTester(pattern: RegExp): (text: string, from: number, to: number) => boolean {
  const source = pattern.source;
  if (pattern.global || pattern.sticky) throw new Error(`windowTester: /${source}/ must have neither g nor y`);
  if (withoutNegativeLookarounds(source) !== source) throw new Error(`windowTester: /${source}/ must have no look-around`);
  assertNoEdgeReads(source, source);
  const sticky = new RegExp(source, `${pattern.flags}y`);
  const empty = pattern.test("");
  return (text, from, to) => {
    if (from >= to) return empty;
    for (let p = from; p < to; p++) {
      sticky.lastIndex = p;
      if (!sticky.test(text)) continue;
      if (sticky.lastIndex <= to) return true;
      return pattern.test(text.slice(from, to));
    }
    return false;
  };
}

/**
 * A look-behind with an unbounded repeat of most characters (`[^，。]*`, `.+`) scans back, at every look, as far as
 * the repeat reaches: a look per word of a long message without breaks read most of the message again each time.
 * Such patterns are refused; "one of some words earlier in the clause" is `WordEarlierInClause`, decided once per
 * message. A repeat of a narrow class (`\s*`, `[家个]+`) stops at the first other character and is kept.
 */
function assertBounded(body: string, source: string): void {
  // Whether the atom before the current position takes most characters: a negated class, ".", \S \D \W, or a group.
  let broad = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      broad = "SDW".includes(body[i + 1] ?? "");
      i++;
    } else if (c === "[") {
      broad = body[i + 1] === "^";
      i = classEnd(body, i);
    } else if (c === "*" || c === "+" || (c === "{" && /^\{\d*,\}/.test(body.slice(i)))) {
      if (broad) throw new Error(`headTester: /${source}/ repeats without bound; use WordEarlierInClause for words earlier in the clause`);
    } else broad = c === "." || c === ")";
  }
}

/**
 * `/(word1|word2|…)[^breaks]*$/.test(text.slice(from, at))`: one of `words` stands in text[from, at) with no break
 * between it and `at` (the words earlier in the clause holding `at`). The words are found once per message, each
 * with the next break after it; a look is then a search among those few places, not a scan back to the clause's
 * start per look. `begin` starts a message (the first look reads it), so nothing is carried from one reading to
 * the next.
 */
export class WordEarlierInClause {
  /** The words, shortest first: at one position the shortest word ends first, the best for "no break after it". */
  readonly #words: RegExp;
  readonly #breaks: ReadonlySet<string>;
  #text: string | null = null;
  /** Per word found in the message, left to right: where it starts, where it ends, and the first break after it. */
  #starts = new Int32Array(16);
  #ends = new Int32Array(16);
  #breaksAfter = new Int32Array(16);
  #count = 0;

  constructor(words: readonly string[], breaks: ReadonlySet<string>) {
    for (const w of words) {
      // A break inside a word would make a longer word at the same place the better one.
      if (w === "" || [...w].some((c) => breaks.has(c))) throw new Error(`WordEarlierInClause: "${w}" is empty or holds a break`);
    }
    const sorted = [...words].sort((a, b) => a.length - b.length);
    this.#words = new RegExp(sorted.map(literal).join("|"), "g");
    this.#breaks = breaks;
  }

  /** A new message: the next look finds the words in it. */
  begin(): void {
    this.#text = null;
  }

  test(text: string, from: number, at: number): boolean {
    if (this.#text !== text) this.#read(text);
    // The words are few (most messages hold none): the first starting at or after `from`, then on while they start before `at`.
    let i = 0;
    while (i < this.#count && this.#starts[i]! < from) i++;
    for (; i < this.#count && this.#starts[i]! < at; i++) {
      if (this.#ends[i]! <= at && this.#breaksAfter[i]! >= at) return true;
    }
    return false;
  }

  /** Every position where a word starts (the shortest there), found by the regex: a match array only per word found. */
  #read(text: string): void {
    this.#text = text;
    this.#count = 0;
    const words = this.#words;
    words.lastIndex = 0;
    for (let m = words.exec(text); m !== null; m = words.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (this.#count === this.#starts.length) this.#grow();
      this.#starts[this.#count] = start;
      this.#ends[this.#count] = end;
      this.#breaksAfter[this.#count] = breakAfter(text, end, this.#breaks);
      this.#count++;
      words.lastIndex = start + 1;
    }
  }

  #grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#starts = grown(this.#starts);
    this.#ends = grown(this.#ends);
    this.#breaksAfter = grown(this.#breaksAfter);
  }
}

/**
 * What reads the text outside the match (anchors, word boundaries, positive look-arounds) would make the copy
 * answer differently from the slice: such patterns are refused rather than read wrongly.
 */
function assertNoEdgeReads(body: string, source: string): void {
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      const next = body[i + 1];
      if (next === "b" || next === "B" || (next !== undefined && next >= "1" && next <= "9")) {
        throw new Error(`/${source}/: \\${next} reads past its match; test a slice instead`);
      }
      i++;
    } else if (c === "[") i = classEnd(body, i);
    else if (c === "^" || c === "$" || body.startsWith("(?=", i) || body.startsWith("(?<=", i)) {
      throw new Error(`/${source}/: ${c === "(" ? "a look-around" : c} reads past its match; test a slice instead`);
    }
  }
}

/** The pattern source without its negative look-arounds, (?!…) and (?<!…): a pattern that matches more. */
export function withoutNegativeLookarounds(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
    } else if (c === "[") {
      const end = classEnd(source, i);
      out += source.slice(i, end + 1);
      i = end;
    } else if (source.startsWith("(?!", i) || source.startsWith("(?<!", i)) {
      i = groupEnd(source, i);
    } else out += c;
  }
  return out;
}

/** Index of the ] closing the character class opened at `open` (in JavaScript the first unescaped one: [] is empty). */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]") return i;
  }
  return source.length - 1;
}

/** Index of the ) closing the group opened at `open`. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (c === "[") i = classEnd(source, i);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return source.length - 1;
}
