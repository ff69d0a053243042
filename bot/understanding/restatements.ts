/**
 * A figure said again, more precisely, right after itself: "头一回过了100万 一百一二十万", "过了一千万
 * 一千零几十万的样子". The second number has no cue word of its own and lies within what the first allows,
 * so it narrows the same fact; it is neither a second instance nor a contradiction.
 */
import { lastEndingBy, type PartOf, type Stated } from "./instances.js";
import { firstStartingFrom } from "./spans.js";
import type { NumberMention } from "./numbers.js";

/** Only blanks or a comma between the two figures. */
const ADJACENT = /^[\s，,]*$/;

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
    const before = lastEndingBy(mentions, u.start, (m) => !m.isYear);
    if (!before || before.exact || before.unit !== u.unit || !ADJACENT.test(text.slice(before.end, u.end - u.words.length))) continue;
    // Every fact the figure before was read as (platform sales are also online retail sales).
    for (const s of stated.filter((x) => x.mention === before)) {
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
const AGAIN = /又|也|还|再|才/;

/** Words that present an earlier year's figure as already reached ("2018年就已经过了500万"): a later year's figure of the same kind follows. */
const ALREADY = /就|已经|早就|已/;

/** A clause break between two positions: a figure then belongs to another statement. */
const BREAK = /[，,。！!？?；;\n]/;

/**
 * Two years' figures of one fact, one of them with no cue of its own, set beside each other by 又/也/还 after the
 * later year, or by 就/已经 before the earlier one: the uncued one is the same fact in its own year (the reader of
 * earlier years then keeps the two apart). Either figure may be the uncued one: "2017年就已经过了100万 2018年又卖了130万",
 * "2018年就已经过了500万 2019年卖了600万" (the earlier),
 * "2018年销售收入就过了两百万 2019年还是两百多万" (the later).
 */
export function readComparedYears(text: string, stated: readonly Stated[], mentions: readonly NumberMention[], uncued: readonly NumberMention[]): Stated[] {
  const out: Stated[] = [];
  const sameFactAs = (figure: NumberMention | undefined, u: NumberMention) => {
    if (figure?.unit !== u.unit) return;
    for (const s of stated) if (s.mention === figure) out.push({ fact: s.fact, mention: u });
  };
  for (const u of uncued) {
    if (u.isYear) continue;
    const i = firstStartingFrom(mentions, u.start);
    const year = mentions[i - 1];
    if (!year?.isYear || BREAK.test(text.slice(year.end, u.start))) continue;
    // The earlier year's figure: another year's figure follows with 又/也/还, or this one was already reached (就/已经).
    const [nextYear, next] = [mentions[i + 1], mentions[i + 2]];
    if (nextYear?.isYear && next && nextYear.value > year.value && (AGAIN.test(text.slice(nextYear.end, next.start)) || ALREADY.test(text.slice(year.end, u.start)))) sameFactAs(next, u);
    // The later year's figure: 又/也/还 after its own year, an earlier year's figure before it.
    const [prevYear, prev] = [mentions[i - 3], mentions[i - 2]];
    if (prevYear?.isYear && !prev?.isYear && prevYear.value < year.value && AGAIN.test(text.slice(year.end, u.start))) sameFactAs(prev, u);
  }
  return out;
}
