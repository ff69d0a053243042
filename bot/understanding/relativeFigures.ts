/**
 * Figures said relative to another: "2020年卖了60万 2021年翻了一倍", "21年比20年多卖了30万", "20年70万 21年涨了一半",
 * "增长了两成", "差两万到100万", "离100万还差两万". The figure stated is another year's (or the target's): taken as
 * it stands it decides on the wrong figure. The words give the value of the later time as an interval: the base
 * times the factor, the base plus or minus the difference, the target less the shortfall.
 */
import type { FactName } from "../../rules/facts.js";
import type { Quantity } from "../../rules/facts.js";
import type { Stated } from "./instances.js";
import type { NumberMention } from "./numbers.js";
import { tailReader } from "./tailReader.js";
import { scan, WordFinder } from "./wordFinder.js";

/** Where a relative phrase can start: its verb, 比 (比去年多…), or 差/离/距离 of a shortfall. */
const ANCHORS = new WordFinder([
  "翻", "涨", "增长", "增加", "多卖", "多了", "多出", "提高", "提升", "降", "下降", "减少", "少卖", "少了", "跌", "掉了", "腰斩", "比", "差", "离", "距离",
]);

/**
 * At the anchor: the comparison (比去年, 比20年), an adverb, the verb and its direction. Group 1: a rising verb;
 * group 2: a falling one.
 */
const VERB = tailReader(
  /^(?:比[^，,。！!？?；;\d]{0,6}?|比\s?\d{2,4}年\s?)?(?:又|还|都|直接|足足|整整|就)?(?:(翻了?|涨了?|增长了?|增加了?|多卖了?|多出了?|多了|多|提高了?|提升了?)|(降了?|下降了?|减少了?|少卖了?|少了|少|跌了?|掉了?))(?:个|足足|整整|将近)?/,
);
/** After the verb: a factor word. 倍/番 after 翻 without a count is one (翻倍, 翻番). */
const FACTOR = tailReader(/^(?:(两|2)番|(?:一|1)?(?:个)?(?:倍|番)|(一半)|([一二两三四五六七八九])成(?![交功为立本员都果绩品型熟长])|(\d{1,3}(?:\.\d+)?)\s?[%％])/);
/** 腰斩: halved. */
const HALVED = tailReader(/^腰斩/);
/** "差两万到100万", "差两万就到100万", "差2万才100万": the shortfall before the target. */
const SHORT_THEN_TARGET = /^差(?:个|了)?$/;
const BETWEEN_SHORT_AND_TARGET = /^\s?(?:就|才|还)?(?:能|可以)?(?:到|达到|过|破|够)?\s?$/;
/** "离100万还差两万", "距离100万差2万", "到100万还差两万". */
const TARGET_THEN_SHORT = /^\s?(?:还|就|只)?差(?:了|个)?\s?$/;

/** Words between the base figure and the phrase that start another time: a year, or 现在/今年/后来…. */
const LATER_TIME = /现在|如今|目前|后来|第二年|次年|这年|这一年/;
/** Before a year: it is the comparison's object (比20年), not the time the phrase speaks of. */
const COMPARED_YEAR = /(?:比|较|跟|和|同|相比)\s?$/;
/** How far the phrase may stand from the base figure. */
const REACH = 40;

/** A rate right after a rising or falling verb ("增长了两成", "涨了30%"): the figure of a relative phrase. */
const RATE_VERB_BEFORE = /(?:翻|涨|增长|增加|提高|提升|多|降|下降|减少|少|跌)了?\s?$/;

/** Is the % mention `m` the rate of a relative phrase (so its year dates a figure)? */
export function isRelativeRate(text: string, m: NumberMention): boolean {
  return m.unit === "%" && RATE_VERB_BEFORE.test(text.slice(Math.max(0, m.wordsStart - 4), m.wordsStart));
}

/** A value of `fact` the words give, replacing what was read for it. */
export interface RelativeFigure {
  fact: FactName;
  low: number;
  high: number;
  /** The user's words: the base figure and the phrase ("60万，2021年翻了一倍"), or the shortfall ("差两万到100万"). */
  words: string;
  /** The base figure, of an earlier time (absent for a shortfall). */
  base?: NumberMention;
  /** The year of the base figure, when one dates it. */
  baseYear?: number;
}

/** A figure's value as `fact` (an interval in the fact's unit), or null when it is none. */
export type ValueOf = (fact: FactName, m: NumberMention) => Quantity | null;

/**
 * The relative figures of `text`. `stated` are the figures attributed so far, in order; `activityYear` the year
 * the facts are of. A phrase counts only after a later time than its base figure's (a year not compared with 比,
 * or 现在/后来…), and when a year dates it, only if that is the activity year.
 */
export function readRelativeFigures(
  text: string,
  mentions: readonly NumberMention[],
  stated: readonly Stated[],
  activityYear: number | undefined,
  valueOf: ValueOf,
): RelativeFigure[] {
  const hits = scan(ANCHORS, text);
  if (hits.length === 0) return [];
  const out: RelativeFigure[] = [];
  for (const hit of hits) {
    const short = hit.word === "差" || hit.word === "离" || hit.word === "距离" ? shortfall(text, hit.start, hit.end, mentions, stated, valueOf) : null;
    if (short) {
      out.push(short);
      continue;
    }
    const verb = VERB(text, hit.start, 16);
    if (!verb) continue;
    const after = hit.start + verb[0].length;
    let lowFactor = 1;
    let highFactor = 1;
    let delta: NumberMention | undefined;
    let end = after;
    const rising = verb[1] !== undefined;
    const f = FACTOR(text, after, 8);
    const halved = !f && hit.word === "腰斩" ? HALVED(text, hit.start, 2) : null;
    if (halved) {
      lowFactor = highFactor = 0.5;
      end = hit.start + 2;
    } else if (f) {
      const ratio = f[1] ? 3 : f[2] ? 0.5 : f[3] ? tenths(f[3]) / 10 : f[4] ? Number(f[4]) / 100 : 1;
      // 翻 counts doublings (翻两番 = ×4); other verbs add the ratio (涨了一倍 = ×2, 涨了一半 = ×1.5).
      if (!rising && (f[1] || (!f[2] && !f[3] && !f[4]))) continue;
      if (verb[1]?.startsWith("翻") && !f[1] && (f[2] || f[3] || f[4])) continue;
      const k = rising ? 1 + ratio : 1 - ratio;
      if (!(k > 0)) continue;
      lowFactor = highFactor = k;
      end = after + f[0].length;
    } else {
      if (verb[1]?.startsWith("翻")) continue;
      delta = mentionAt(mentions, after);
      if (!delta || delta.isYear || delta.unit === "%") continue;
      end = delta.end;
    }
    const base = baseBefore(text, mentions, stated, hit.start, delta, activityYear);
    if (!base) continue;
    const b = valueOf(base.stated.fact, base.stated.mention);
    if (b === null) continue;
    const [bl, bh] = bounds(b);
    let low = bl * lowFactor;
    let high = bh * highFactor;
    if (delta) {
      const d = valueOf(base.stated.fact, delta);
      if (d === null) continue;
      const [dl, dh] = bounds(d);
      [low, high] = rising ? [bl + dl, bh + dh] : [bl - dh, bh - dl];
      if (!(low >= 0)) continue;
    }
    out.push({
      fact: base.stated.fact,
      low: Math.round(low),
      high: Number.isFinite(high) ? Math.round(high) : Infinity,
      words: `${base.stated.mention.words}，${text.slice(base.timeStart, end).trim()}`,
      base: base.stated.mention,
      baseYear: base.year,
    });
  }
  return out;
}

function tenths(c: string): number {
  return "一二三四五六七八九".indexOf(c) + 1 || (c === "两" ? 2 : 0);
}

function bounds(q: Quantity): [number, number] {
  return typeof q === "number" ? [q, q] : [q.low, q.high ?? Infinity];
}

/** The mention starting at `at` (a space or 了 between allowed). */
function mentionAt(mentions: readonly NumberMention[], at: number): NumberMention | undefined {
  for (const m of mentions) if (m.wordsStart >= at && m.wordsStart <= at + 1) return m;
  return undefined;
}

/**
 * The base of a phrase at `at`: the last figure stated before it (not its difference), of a numeric fact, with a
 * later time between them: a year (the activity year, when one is known) not compared by 比, or 现在/后来….
 */
function baseBefore(
  text: string,
  mentions: readonly NumberMention[],
  stated: readonly Stated[],
  at: number,
  delta: NumberMention | undefined,
  activityYear: number | undefined,
): { stated: Stated; timeStart: number; year?: number } | undefined {
  let base: Stated | undefined;
  for (const s of stated) if (s.mention.end <= at && s.mention !== delta && !s.mention.isYear && (!base || s.mention.start > base.mention.start)) base = s;
  if (!base || at - base.mention.end > REACH) return undefined;
  // No other figure of that fact between them: the phrase is about the base.
  let year: number | undefined;
  for (const m of mentions) if (m.isYear && m.end <= base.mention.start) year = m.value;
  let timeStart = -1;
  for (const m of mentions) {
    if (!m.isYear || m.start < base.mention.end || m.start >= at) continue;
    if (COMPARED_YEAR.test(text.slice(Math.max(0, m.start - 2), m.start))) continue;
    if (activityYear !== undefined && m.value !== activityYear) return undefined;
    if (year !== undefined && m.value <= year) return undefined;
    timeStart = m.start;
    break;
  }
  if (timeStart < 0) {
    const later = LATER_TIME.exec(text.slice(base.mention.end, at));
    if (!later) return undefined;
    timeStart = base.mention.end + later.index;
  }
  return { stated: base, timeStart, year };
}

/** "差两万到100万", "差两万就到100万", "离100万还差两万": the target less the shortfall, below the target. */
function shortfall(
  text: string,
  start: number,
  end: number,
  mentions: readonly NumberMention[],
  stated: readonly Stated[],
  valueOf: ValueOf,
): RelativeFigure | null {
  const i = mentions.findIndex((m) => m.wordsStart >= end && m.wordsStart <= end + 2);
  if (i < 0) return null;
  const first = mentions[i]!;
  if (first.isYear) return null;
  let gap: NumberMention;
  let target: NumberMention;
  let last: number;
  const factOf = (m: NumberMention) => stated.find((s) => s.mention === m)?.fact;
  if (text[start] === "差") {
    if (!SHORT_THEN_TARGET.test(text.slice(start, first.wordsStart))) return null;
    // "差两万到100万" is read as one range: its low end is the shortfall, its high end the target.
    if (!first.exact && /[到至]/.test(first.raw) && first.interval.low > 0) {
      const fact = factOf(first);
      if (!fact) return null;
      const q = valueOf(fact, first);
      if (q === null || typeof q === "number" || q.high === null || !(q.low < q.high)) return null;
      const v = q.high - q.low;
      return { fact, low: v, high: v, words: text.slice(start, first.end) };
    }
    const next = mentions[i + 1];
    if (!next || next.isYear || !BETWEEN_SHORT_AND_TARGET.test(text.slice(first.end, next.wordsStart))) return null;
    [gap, target, last] = [first, next, next.end];
  } else {
    const next = mentions[i + 1];
    if (!next || next.isYear || !TARGET_THEN_SHORT.test(text.slice(first.end, next.wordsStart))) return null;
    [gap, target, last] = [next, first, next.end];
  }
  const fact = factOf(target) ?? factOf(gap);
  if (!fact) return null;
  const t = valueOf(fact, target);
  const g = valueOf(fact, gap);
  if (t === null || g === null) return null;
  const [tl] = bounds(t);
  const [gl, gh] = bounds(g);
  if (!(gh < tl)) return null;
  return { fact, low: tl - gh, high: tl - gl, words: text.slice(start, last) };
}
