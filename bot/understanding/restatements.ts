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

/**
 * "2017年就已经过了100万 2018年又卖了130万": a figure with no cue, dated by a year, followed by another year's
 * stated figure of the same unit that 又/也/还 sets beside it, is the same fact in the earlier year (the reader of
 * earlier years then keeps it apart from the activity year's figure).
 */
export function readComparedYears(text: string, stated: readonly Stated[], mentions: readonly NumberMention[], uncued: readonly NumberMention[]): Stated[] {
  const out: Stated[] = [];
  for (const u of uncued) {
    if (u.isYear) continue;
    const i = firstStartingFrom(mentions, u.start);
    const year = mentions[i - 1];
    if (!year?.isYear || /[，,。！!？?；;\n]/.test(text.slice(year.end, u.start))) continue;
    const [nextYear, next] = [mentions[i + 1], mentions[i + 2]];
    if (!nextYear?.isYear || !next || next.unit !== u.unit || !AGAIN.test(text.slice(nextYear.end, next.start))) continue;
    for (const s of stated) if (s.mention === next) out.push({ fact: s.fact, mention: u });
  }
  return out;
}
