/**
 * A figure said again, more precisely, right after itself: "头一回过了100万 一百一二十万", "过了一千万
 * 一千零几十万的样子". The second number has no cue word of its own and lies within what the first allows,
 * so it narrows the same fact; it is neither a second instance nor a contradiction.
 */
import { lastEndingBy, type PartOf, type Stated } from "./instances.js";
import { firstStartingFrom } from "./spans.js";
import { windowTester } from "./windowTests.js";
import type { NumberMention } from "./numbers.js";

/** A blank or a comma: only these may stand between a figure and its restatement (read in place). */
const BLANK_OR_COMMA = /[\s，,]/y;

/** text[from, to) holds only blanks and commas. */
function adjacent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    BLANK_OR_COMMA.lastIndex = i;
    if (!BLANK_OR_COMMA.test(text)) return false;
  }
  return true;
}

const isNoYear = (m: NumberMention) => !m.isYear;

/**
 * The numbers of `uncued` that restate the stated figure just before them, as statements of its fact.
 * `partOf` gives a mention's interval in the fact's unit (null when it cannot be the fact).
 */
export function readRestatements(
  text: string,
  stated: readonly Stated[],
  mentions: readonly NumberMention[],
  uncued: readonly NumberMention[],
  partOf: PartOf,
): Stated[] {
  const out: Stated[] = [];
  for (const u of uncued) {
    if (u.isYear) continue;
    const before = lastEndingBy(mentions, u.start, isNoYear);
    if (!before || before.exact || before.unit !== u.unit || !adjacent(text, before.end, u.end - u.words.length)) continue;
    // Every fact the figure before was read as (platform sales are also online retail sales).
    for (const s of stated) {
      if (s.mention !== before) continue;
      const outer = partOf(s.fact, before);
      const inner = partOf(s.fact, u);
      if (!outer || !inner) continue;
      const within = inner.low >= outer.low && (outer.high === null || (inner.high !== null && inner.high <= outer.high));
      if (within) out.push({ fact: s.fact, mention: u });
    }
  }
  return out;
}

/** Words that set a later year's figure beside an earlier one ("2018年又卖了", "今年也做了"). */
const AGAIN = windowTester(/又|也|还|再|才/);

/** Words that present an earlier year's figure as already reached ("2018年就已经过了500万"): a later year's figure of the same kind follows. */
const ALREADY = windowTester(/就|已经|早就|已/);

/** A clause break between two positions: a figure then belongs to another statement. */
const BREAK = windowTester(/[，,。！!？?；;\n]/);

/**
 * Two years' figures of one fact, one of them with no cue of its own, set beside each other by 又/也/还 after the
 * later year, or by 就/已经 before the earlier one: the uncued one is the same fact in its own year (the reader of
 * earlier years then keeps the two apart). Either figure may be the uncued one: "2017年就已经过了100万 2018年又卖了130万",
 * "2018年就已经过了500万 2019年卖了600万" (the earlier),
 * "2018年销售收入就过了两百万 2019年还是两百多万" (the later). The words between are read in place (windowTests.ts):
 * this runs for every figure no cue word claimed.
 */
export function readComparedYears(text: string, stated: readonly Stated[], mentions: readonly NumberMention[], uncued: readonly NumberMention[]): Stated[] {
  const out: Stated[] = [];
  for (const u of uncued) {
    if (u.isYear) continue;
    const i = firstStartingFrom(mentions, u.start);
    const year = mentions[i - 1];
    if (!year?.isYear || BREAK(text, year.end, u.start)) continue;
    // The earlier year's figure: another year's figure follows with 又/也/还, or this one was already reached (就/已经).
    const nextYear = mentions[i + 1];
    const next = mentions[i + 2];
    if (nextYear?.isYear && next && nextYear.value > year.value && (AGAIN(text, nextYear.end, next.start) || ALREADY(text, year.end, u.start))) {
      sameFactAs(stated, next, u, out);
    }
    // The later year's figure: 又/也/还 after its own year, an earlier year's figure before it.
    const prevYear = mentions[i - 3];
    const prev = mentions[i - 2];
    if (prevYear?.isYear && !prev?.isYear && prevYear.value < year.value && AGAIN(text, year.end, u.start)) sameFactAs(stated, prev, u, out);
  }
  return out;
}

/** `u` states each fact `figure` was read as, when both have one unit. */
function sameFactAs(stated: readonly Stated[], figure: NumberMention | undefined, u: NumberMention, out: Stated[]): void {
  if (figure?.unit !== u.unit) return;
  for (const s of stated) if (s.mention === figure) out.push({ fact: s.fact, mention: u });
}
