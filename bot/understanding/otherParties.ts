/**
 * Other parties: "同行卖了500万 我才80万", "第一名那家卖了3个亿", "隔壁老王粉丝20万", "她粉丝5万 卖了60万 我能拿多少".
 * What is said of a peer, a neighbour, a friend or the firm ranked above is none of the asker's facts: its figures
 * and its place in a ranking are not the asker's. The span of such words starts at the word naming the other
 * party and runs to the asker speaking of themselves again (我, 咱们…), the end of the sentence, or a pause
 * followed by anything but more of what the other party did ("卖了…", "也…").
 */
import { CLAUSE_BREAK, SENTENCE_BREAK } from "./clauses.js";
import type { Span } from "./spans.js";
import { scan, WordFinder } from "./wordFinder.js";

/** Words naming someone other than the asker. */
const OTHER_WORDS = new WordFinder([
  "同行", "人家", "别人", "别家", "隔壁", "对面", "友商", "竞争对手", "对手", "他家", "他们家", "她家", "她们家", "他们", "她们",
  "朋友", "亲戚", "邻居", "老乡", "同学", "同事", "她", "他", "那家", "那个", "那位",
]);
/** Before 他/她 these make another word: 其他, 吉他. */
const NOT_PRONOUN_BEFORE = /[其吉]$/;
/** 那家/那个/那位 name another party after a place in a ranking: "第一名那家", "第二的那个", "老大那家". */
const RANK_BEFORE_THAT = /(?:第[一二两三四五六七八九十\d]{1,2}(?:名|位)?|老[大二三])的?$/;
/** 我们那家店: the asker's own. */
const FIRST_PERSON_BEFORE = /(?:我|咱|俺)们?的?$/;
/** "排全县第三 第一名卖了800万": a place in a ranking, starting what is said, with a verb after it, beside another ranking. */
const RANK_DOES = /第[一二三四五六七八九十\d]{1,2}(?:名|位)(?=卖|做|销|拿|有|是)/y;
/** What stands before such a place: the start of the message, a pause or a break. */
const PAUSE_BEFORE = /^$|[\s，,。！!？?；;]$/;
/** The asker speaking of themselves again (自己 and 本人 are read beside it). */
const FIRST_PERSON = /[我咱俺]/;
/** After a pause, these go on telling what the other party did ("她粉丝5万 卖了60万"). */
const GOES_ON = /^[卖销做拿领有也还都才就]/;
/** An other party's words reach at most this far. */
const MAX_REACH = 30;

/** The spans of `text` that speak of other parties, in order. */
export function otherPartySpans(text: string): OtherSpan[] {
  const spans: OtherSpan[] = [];
  for (const hit of scan(OTHER_WORDS, text)) {
    let start = hit.start;
    const before = text.slice(Math.max(0, hit.start - 4), hit.start);
    if ((hit.word === "她" || hit.word === "他") && NOT_PRONOUN_BEFORE.test(before)) continue;
    if (hit.word.startsWith("那")) {
      const rank = RANK_BEFORE_THAT.exec(before);
      if (rank) start = hit.start - rank[0].length;
      else if (hit.word !== "那家" || FIRST_PERSON_BEFORE.test(before)) continue;
    }
    spans.push({ start, end: reach(text, hit.end) });
  }
  const first = text.indexOf("第");
  // Only beside another ranking, the asker's own ("排全县第三"): two 第 at least.
  if (first >= 0 && text.indexOf("第", first + 1) >= 0) {
    for (let at = first; at >= 0; at = text.indexOf("第", at + 1)) {
      RANK_DOES.lastIndex = at;
      const r = RANK_DOES.exec(text);
      if (r && PAUSE_BEFORE.test(text.slice(Math.max(0, at - 1), at))) spans.push({ start: at, end: reach(text, at + r[0].length) });
    }
  }
  return merged(spans);
}

/** A span of words about another party: [start, end). */
export interface OtherSpan extends Span {
  end: number;
}

/** The spans sorted, overlapping ones joined. */
function merged(spans: OtherSpan[]): OtherSpan[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start);
  const out: OtherSpan[] = [spans[0]!];
  for (const s of spans) {
    const last = out[out.length - 1]!;
    if (s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

/** Where the other party's words started before `from` end. */
function reach(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_REACH);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (SENTENCE_BREAK.has(c)) return i;
    if (FIRST_PERSON.test(c) || (c === "自" && text[i + 1] === "己") || (c === "本" && text[i + 1] === "人")) return i;
    if (CLAUSE_BREAK.has(c) || /\s/.test(c)) {
      let j = i + 1;
      while (j < limit && (CLAUSE_BREAK.has(text[j]!) || /\s/.test(text[j]!))) j++;
      if (!GOES_ON.test(text.slice(j, j + 1))) return i;
      i = j - 1;
    }
  }
  return limit;
}

/** Does [start, end) lie inside one of the (sorted) spans? */
export function insideOther(spans: readonly OtherSpan[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start > start) return false;
    if (end <= s.end) return true;
  }
  return false;
}
