/**
 * Several instances of one quantity in a message, read as the parts of one sum:
 *  - multiplied: "3期 每期40人" (3 × 40), "2场 每场实际花了8万", "三个行政村各建了一个网点";
 *  - listed: "一场花了4万5 另一场花了7万多", "自建站花了60k 亚马逊推广又花了70k", "2021年花了三十来万 2022年花了16万";
 *  - by channel: "亚马逊上卖了2100万 速卖通上卖了1400万" (money each introduced by another channel of sale);
 *  - joined: "招了3个登记失业人员和1个应届毕业的大学生", "两个失业登记的 一个应届大学毕业生" (the second number has
 *    no cue word of its own; a kind ending in 的 and a pause list kinds as well as 和 does).
 * Facts whose instances add up (the vocabulary's `adds`) are read in all three forms. Others (the days of
 * a session, sales) only when listed within one year ("一期培训了2天 另一期1天"): the engine then pairs
 * them with the other instances, and a line they straddle is asked about. Each part keeps the user's
 * words and the year named before it, so the engine can cap each event and each year.
 *
 * A list needs a word that makes it one (又, 另一场, 和, 第二, a year or "一场" before the next figure);
 * without one, or when the message corrects itself, the figures stay competing statements of one value.
 */
import { FACT_NAMES, FACTS, VOCABULARY, type FactName, type FactSpec, type QuantityPart } from "../../rules/facts.js";
import { breakAfter, breakBefore, SENTENCE_BREAK } from "./clauses.js";
import type { NumberMention } from "./numbers.js";
import { firstStartingFrom } from "./spans.js";
import { readYearParts, type YearParts } from "./yearParts.js";

/** A number attributed to a fact. */
export interface Stated {
  fact: FactName;
  mention: NumberMention;
  /** The cue word that named it, when a specific one did ("研发费用", "软硬件"). */
  cue?: string;
}

/** A fact stated as several instances. */
export interface Instances {
  fact: FactName;
  parts: QuantityPart[];
  /** The user's words: each figure as written, a multiplied one with its count ("3期，每期45个人"). */
  words: string;
  /** The numbers read into it (joined ones and the counts that multiplied them included). */
  mentions: NumberMention[];
  /** The instances add up (else the value spans them). */
  adds: boolean;
  /** Items of one sum, not separate events ("研发费用62万 买软硬件18万"): the total counts, no cap applies per item. */
  items?: true;
}

/** A mention's interval in the fact's unit, or null when it cannot be the fact. */
export type PartOf = (fact: FactName, m: NumberMention) => { low: number; high: number | null } | null;

/** Units that count events: a number with one of them before a figure starts a new instance ("一场花了5w"). */
const EVENT_UNITS: ReadonlySet<string> = new Set(["场", "次", "期"]);
/** Measure words after 每 that a count can carry ("3期 … 每期", "2场 … 每场", "三个村 … 每个村"). */
const EACH_MEASURES = "期场次回个家户名位人";
/** Words between two figures that list them as separate instances. */
const LISTED = /又|还|再|另|加上|外加|以及|和|跟|与|及|分别|第[二三四五六七八九十\d]|后来|然后|接着|、/;
/** Words that make the later figure a restatement, a share or a correction of the earlier one. */
const RESTATED = /其中|不是|而是|应该|改成|更正|说错|其实|准确|确切|也就是|就是|即|或者|还是/;
/** Words that make a figure the total of the others ("一共花了13万"). */
const TOTAL_BEFORE = /(一共|总共|合计|共计|总计|加起来|总的)[^\d，,。]{0,3}$/;
/** A character of each of TOTAL_BEFORE's words (共 计 总 起): without one in reach, no slice to test. */
const TOTAL_CHAR_CODES = [0x5171, 0x8ba1, 0x603b, 0x8d77];
/** "一共花了13万": a total word within the six characters before `start`. */
function totalBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 6);
  for (let i = from; i < start; i++) if (TOTAL_CHAR_CODES.includes(text.charCodeAt(i))) return TOTAL_BEFORE.test(text.slice(from, start));
  return false;
}
/** Joined by a conjunction to the figure before it ("3个登记失业人员和1个…"). */
const JOINED = /和|跟|与|及|还有|加上|外加|另外|另有|以及|、/;
/** "分别花了3万 5万 6万5": 分别 before the first figure makes the figures after it one list, a blank apart being enough. */
/** "两个失业登记的 一个应届毕业生": a kind closed by 的 and a pause before the next figure lists kinds, like 和. */
const KIND_THEN_NEXT = /^[^\d，,。！!？?；;\s]{1,10}的[\s，,、]+$/;
/** "2个是登记失业人员 1个是应届毕业的大学生": counts each followed by 是 and their kind, then a pause, list kinds. */
const KIND_IS_THEN_NEXT = /^\s?(?:都是|是)[^，,。！!？?；;\s]{1,14}[\s，,、]+$/;
/** Units a count of people or things is written with (or none). */
const COUNTED: ReadonlySet<string | undefined> = new Set([undefined, "个", "名", "位", "人", "家"]);
const RESPECTIVELY_BEFORE = /分别[^\d，,。！!？?；;]{0,4}$/;
const SEPARATORS_ONLY = /^[\s，,、]*$/;
/** "一层80平 一层60平", "一个店30万 另一个店20万": 一 and one measure word right before a figure (the measure is captured). */
const ONE_OF_BEFORE = /(?:另|还有)?一(?:个)?([^\d\s，,。！!？?；;、])\s?[^\d\s，,。！!？?；;]{0,3}$/;

const addsUp = (fact: FactName) => (FACTS[fact] as FactSpec).adds !== undefined;
/** Sales add up within a year; figures of two years are two years' values, not a sum. */
const withinYear = (fact: FactName) => (FACTS[fact] as FactSpec).adds === "withinYear";
const isBound = (m: NumberMention) => m.below === true || !Number.isFinite(m.interval.high);

/**
 * Reads the facts stated as several instances. `stated` are the numbers attributed to facts, `unattributed`
 * those no cue word claimed (a joined one becomes an instance of the fact before it). `correction`: the
 * message corrects an earlier value, so its figures are no list.
 */
export function readInstances(
  text: string,
  stated: readonly Stated[],
  mentions: readonly NumberMention[],
  unattributed: readonly NumberMention[],
  partOf: PartOf,
  correction: boolean,
): Instances[] {
  const all = inOrder(stated, joined(text, stated, mentions, unattributed));
  const out: Instances[] = [];
  countFigures(all);
  // Each fact at its first figure, in the order facts were first stated.
  for (let i = 0; i < all.length; i++) {
    const fact = all[i]!.fact;
    const figures = takeFigureCount(fact);
    if (figures === 0) continue;
    // One figure is an instance only when multiplied ("3期 每期40人"): most facts are stated once, and need no list.
    if (figures === 1) {
      const m = all[i]!.mention;
      const once = addsUp(fact) ? multiplier(text, m, mentions) ?? sessionsAfter(text, fact, m, mentions, unattributed) : null;
      const found = once && added(text, fact, [m], [once], stated, mentions, partOf, correction);
      if (found) out.push(found);
      continue;
    }
    const list = figuresOf(all, i, figures);
    const found = addsUp(fact)
      ? added(text, fact, list, multipliers(text, list, mentions), stated, mentions, partOf, correction)
      : spread(text, fact, list, mentions, partOf, correction);
    if (found) out.push(found);
  }
  return out;
}

/** Statements in order of their figures (statements of one figure keep theirs); mostly in order already. */
function inOrder(stated: readonly Stated[], joinedOnes: readonly Stated[]): readonly Stated[] {
  const all = joinedOnes.length === 0 ? stated : stated.concat(joinedOnes);
  if (startsInOrder(all)) return all;
  // An insertion sort, stable: the few joined figures move back to their places.
  const sorted = all === stated ? stated.slice() : (all as Stated[]);
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    let j = i;
    for (; j > 0 && sorted[j - 1]!.mention.start > s.mention.start; j--) sorted[j] = sorted[j - 1]!;
    sorted[j] = s;
  }
  return sorted;
}

/**
 * How many figures each fact has in the message being read, by the fact's index: a table kept between calls,
 * as a map of lists per fact would be garbage for every message (and most facts have one figure, no list).
 */
const FACT_INDEX: ReadonlyMap<FactName, number> = new Map(FACT_NAMES.map((f, i) => [f, i]));
const FIGURES = new Int32Array(FACT_NAMES.length);

function countFigures(all: readonly Stated[]): void {
  for (const s of all) FIGURES[FACT_INDEX.get(s.fact)!] = 0;
  for (const s of all) FIGURES[FACT_INDEX.get(s.fact)!]!++;
}

/** The figure count of `fact`, once: 0 the next time (the fact is read at its first figure). */
function takeFigureCount(fact: FactName): number {
  const i = FACT_INDEX.get(fact)!;
  const n = FIGURES[i]!;
  FIGURES[i] = 0;
  return n;
}

/** The `count` figures of the fact of all[first], from there on (a list of its final size: a long message names sales twenty times). */
function figuresOf(all: readonly Stated[], first: number, count: number): NumberMention[] {
  const fact = all[first]!.fact;
  const list = new Array<NumberMention>(count);
  for (let i = first, k = 0; i < all.length && k < count; i++) if (all[i]!.fact === fact) list[k++] = all[i]!.mention;
  return list;
}

/** The multiplier of each figure of `list`, by index. */
function multipliers(text: string, list: readonly NumberMention[], mentions: readonly NumberMention[]): Array<Multiplied | null> {
  const times = new Array<Multiplied | null>(list.length);
  for (let k = 0; k < list.length; k++) times[k] = multiplier(text, list[k]!, mentions);
  return times;
}

/** No figures: what `added` starts from before it finds a count or a total (most lists have neither). */
const NONE: readonly NumberMention[] = [];

/**
 * The instances of a fact whose instances add up, from its figures (`list`) and the multiplier of each (`times`,
 * by index), or null when the figures are no list: a restatement, a correction, or sales of several years.
 */
function added(
  text: string,
  fact: FactName,
  list: readonly NumberMention[],
  times: ReadonlyArray<Multiplied | null>,
  stated: readonly Stated[],
  mentions: readonly NumberMention[],
  partOf: PartOf,
  correction: boolean,
): Instances | null {
  const totals = totalsIn(text, list);
  const counts = countsOf(times);
  // The figures that are instances (neither a count nor, in a list, a total of them), and their multipliers.
  let items = list;
  let itemTimes = times;
  if (counts.length > 0 || (list.length > 1 && totals.length > 0)) {
    items = [];
    itemTimes = [];
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (counts.includes(m) || (list.length > 1 && totals.includes(m))) continue;
      (items as NumberMention[]).push(m);
      (itemTimes as Array<Multiplied | null>).push(times[i]!);
    }
  }
  if (items.length === 0 || (items.length === 1 && !itemTimes[0])) return null;
  // Sales of two years are two values (not read as parts at all).
  if (withinYear(fact) && severalYears(mentions, items)) return null;
  const ofYear = items.length > 1 && withinYear(fact) ? yearPartsOf(text, items) : null;
  const listed = items.length > 1 && (isList(text, items, mentions) || byChannel(text, fact, items) || ofYear !== null);
  const cues = items.length > 1 && !correction && !listed ? namedApart(fact, items, stated) : null;
  if (items.length > 1 && !cues && (correction || !listed)) return null;
  const parts = partsOf(fact, items, itemTimes, mentions, partOf);
  if (!parts) return null;
  // "一季度20万 二季度35万": the rest of the year was not said: the year's figure is at least the parts' sum.
  if (ofYear && !ofYear.whole) parts.push({ low: 0, high: null, words: REST_OF_YEAR, ...(parts[0]!.year !== undefined ? { year: parts[0]!.year } : {}) });
  // "一共三个班 一个班45人": a total that is the count multiplying a figure totals the things counted, not the figure.
  if (parts.length < 2 || !totalAgrees(totals.filter((t) => !counts.includes(t)), parts, fact, partOf)) return null;
  const words = items.map((m, i) => multipliedWords(text, m, itemTimes[i]!));
  // Items keep the word naming each, so that a correction naming one replaces that one only.
  if (cues) parts.forEach((p, i) => (p.cue = cues[i]));
  return { fact, parts, words: words.join("、"), mentions: [...list, ...counts], adds: true, ...(cues ? { items: true as const } : {}) };
}

/** The words standing for the parts of a year not said. */
export const REST_OF_YEAR = "其余月份未说";

/** "上半年卖了60万 下半年卖了70万": each figure said of another part of one year (bot/understanding/yearParts.ts). */
function yearPartsOf(text: string, items: readonly NumberMention[]): YearParts | null {
  return readYearParts(text, items.map((m) => m.wordsStart), items.map((m) => m.end));
}

/** The figures of `list` with a total word before them ("一共花了13万"); NONE when none has. */
function totalsIn(text: string, list: readonly NumberMention[]): readonly NumberMention[] {
  for (const m of list) if (totalBefore(text, m.start)) return list.filter((x) => totalBefore(text, x.start));
  return NONE;
}

/** "三个行政村各建了一个网点": the counts multiplying figures (and the 一个X standing for 每), no instances of their own; NONE when none is. */
function countsOf(times: ReadonlyArray<Multiplied | null>): readonly NumberMention[] {
  let counts: NumberMention[] | undefined;
  for (const t of times) {
    if (!t) continue;
    counts ??= [];
    if (!counts.includes(t.count)) counts.push(t.count);
    if (t.one && !counts.includes(t.one)) counts.push(t.one);
  }
  return counts ?? NONE;
}

/** A figure as the user wrote it, a multiplied one with its count ("3期，每期45个人", "三个行政村各建了一个"). */
function multipliedWords(text: string, m: NumberMention, times: Multiplied | null): string {
  if (!times) return m.words;
  // "来了35个学员 … 2期": the count said after the figure.
  if (times.count.start >= m.end) return `${m.words}，${times.count.words}`;
  return times.count.start >= times.from ? text.slice(times.from, m.end) : `${times.count.words}，${text.slice(times.from, m.end)}`;
}

/**
 * A fact whose instances do not add up, listed with different values in one year ("一期培训了2天 另一期1天"):
 * its parts, to pair with the other instances. Figures of different years stay as they are (the last
 * year named counts), and so do figures no word sets apart.
 */
function spread(
  text: string,
  fact: FactName,
  list: readonly NumberMention[],
  mentions: readonly NumberMention[],
  partOf: PartOf,
  correction: boolean,
): Instances | null {
  if (list.length < 2 || correction || severalYears(mentions, list) || !isList(text, list, mentions)) return null;
  const parts = partsOf(fact, list, null, mentions, partOf);
  if (!parts) return null;
  if (parts.every((p) => p.low === parts[0]!.low && p.high === parts[0]!.high)) return null;
  return { fact, parts, words: list.map((m) => m.words).join("、"), mentions: [...list], adds: false };
}

/**
 * The parts, each multiplied by its count (`times`, by index; null: none is) and dated by the year named before
 * it; null when one cannot be the fact.
 */
function partsOf(
  fact: FactName,
  items: readonly NumberMention[],
  times: ReadonlyArray<Multiplied | null> | null,
  mentions: readonly NumberMention[],
  partOf: PartOf,
): QuantityPart[] | null {
  const parts: QuantityPart[] = [];
  for (let k = 0; k < items.length; k++) {
    const m = items[k]!;
    const interval = partOf(fact, m);
    if (!interval) return null;
    const year = yearBefore(mentions, m);
    const count = times?.[k] ? countRange(times[k]!.count)! : ONE;
    // "好几场 每场…": the events beyond the fewest the count allows may not have been held (nothing, up to the figure).
    for (let i = 0; i < count.most; i++) {
      const part: QuantityPart = { low: i < count.least ? interval.low : 0, high: interval.high, words: m.words };
      if (year !== undefined) part.year = year;
      parts.push(part);
    }
  }
  return parts;
}

const isYear = (m: NumberMention) => m.isYear === true;

/** The value of the last year named before `m`. */
function yearBefore(mentions: readonly NumberMention[], m: NumberMention): number | undefined {
  return lastEndingBy(mentions, m.start, isYear)?.value;
}

/** Figures dated by more than one year (each by the last year named before it). */
function severalYears(mentions: readonly NumberMention[], list: readonly NumberMention[]): boolean {
  const first = yearBefore(mentions, list[0]!);
  for (let i = 1; i < list.length; i++) if (yearBefore(mentions, list[i]!) !== first) return true;
  return false;
}

/**
 * Numbers with no cue that continue the figure of the same unit just before: joined by 和/跟/、
 * ("3个登记失业人员和1个应届毕业的大学生"), or the next year's figure ("2021年推广费用12万 2022年二十来万").
 */
function joined(text: string, stated: readonly Stated[], mentions: readonly NumberMention[], unattributed: readonly NumberMention[]): Stated[] {
  const out: Stated[] = [];
  // The first figure of each chain of joined ones: 分别 before it lists every figure of the chain.
  let head: Map<NumberMention, NumberMention> | undefined;
  for (const u of unattributed) {
    if (u.isYear) continue;
    const before = lastEndingBy(mentions, u.start, isNoYear);
    // The first statement of the figure before (stated ones before joined ones).
    const s = (before && (firstStatementOf(stated, before) ?? firstStatementOf(out, before))) || partOfYearBefore(text, stated, out, mentions, u);
    if (!s || !addsUp(s.fact) || s.mention.unit !== u.unit) continue;
    const inBetween = countWithin(mentions, s.mention.end, u.start);
    const first = head?.get(s.mention) ?? s.mention;
    const conjoined = inBetween === 0 && (conjoinedGap(text, s.mention.end, u) || (respectively(text, first) && separatorsOnly(text, s.mention.end, u.start)));
    const year = inBetween === 1 ? firstWithin(mentions, s.mention.end, u.start) : undefined;
    const nextYear = year?.isYear === true && separatorsOnly(text, s.mention.end, year.start) && separatorsOnly(text, year.end, u.start);
    const nextPart = !conjoined && !nextYear && isNextPartOfYear(text, s, u);
    if ((conjoined || nextYear || nextPart) && !sentenceEndsIn(text, s.mention.end, u.start)) {
      out.push({ fact: s.fact, mention: u });
      (head ??= new Map()).set(u, first);
    }
  }
  return out;
}

/** "上半年卖了五十来万 下半年六十多万": `u` is the next part of the year's figure `s`, its verb left out. */
function isNextPartOfYear(text: string, s: Stated, u: NumberMention): boolean {
  return withinYear(s.fact) && u.start - s.mention.end <= 10 && readYearParts(text, [s.mention.wordsStart, u.wordsStart], [s.mention.end]) !== null;
}

/**
 * The statement of the figure before `u` when only words of a part of a year ("下半年", "二季度", read as numbers
 * of their own) stand between: null when there is none such.
 */
function partOfYearBefore(text: string, stated: readonly Stated[], joinedSoFar: readonly Stated[], mentions: readonly NumberMention[], u: NumberMention): Stated | null {
  for (let i = firstStartingFrom(mentions, u.start) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (u.start - m.end > 10) return null;
    const s = firstStatementOf(stated, m) ?? firstStatementOf(joinedSoFar, m);
    if (s) return isNextPartOfYear(text, s, u) ? s : null;
  }
  return null;
}

/** The first statement of figure `m` in `list`. */
function firstStatementOf(list: readonly Stated[], m: NumberMention): Stated | undefined {
  for (const s of list) if (s.mention === m) return s;
  return undefined;
}

/** "3个…和1个…", "两个失业登记的 一个…": a short gap (from `from` to `u`) that joins a counted figure to the one before. */
function conjoinedGap(text: string, from: number, u: NumberMention): boolean {
  if (u.unit === undefined || u.start - from > 12) return false;
  const gap = text.slice(from, u.start);
  return JOINED.test(gap) || KIND_THEN_NEXT.test(gap);
}

/** How many mentions lie wholly within [from, to). */
function countWithin(mentions: readonly NumberMention[], from: number, to: number): number {
  let n = 0;
  for (let i = firstStartingFrom(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) if (mentions[i]!.end <= to) n++;
  return n;
}

/** The first mention lying wholly within [from, to). */
function firstWithin(mentions: readonly NumberMention[], from: number, to: number): NumberMention | undefined {
  for (let i = firstStartingFrom(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) if (mentions[i]!.end <= to) return mentions[i];
  return undefined;
}

const SEPARATOR = /[\s，,、]/y;
/** text[from, to) holds only blanks, commas and 、 (SEPARATORS_ONLY, read in place). */
function separatorsOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    SEPARATOR.lastIndex = i;
    if (!SEPARATOR.test(text)) return false;
  }
  return true;
}

const SENTENCE_END = /[。！!？?；;\n]/y;
/** A sentence ends in text[from, to). */
function sentenceEndsIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    SENTENCE_END.lastIndex = i;
    if (SENTENCE_END.test(text)) return true;
  }
  return false;
}

/** 分别 stands right before this figure ("分别花了3万"). */
function respectively(text: string, first: NumberMention): boolean {
  const wordsStart = first.end - first.words.length;
  return RESPECTIVELY_BEFORE.test(text.slice(Math.max(0, wordsStart - 8), wordsStart));
}

/** A figure's count ("3期" for "每期40人"), where the words of the multiplied figure start, and the "一个班" standing for 每. */
interface Multiplied {
  count: NumberMention;
  from: number;
  one?: NumberMention;
}

/**
 * The count a figure is multiplied by: "每期45个人" with "3期" in the sentence, "每场实际花了8万" with
 * "2场", "各建了一个网点" after "三个行政村". Null when the figure stands for itself.
 */
function multiplier(text: string, m: NumberMention, mentions: readonly NumberMention[]): Multiplied | null {
  const previous = lastEndingBy(mentions, m.start, isAny);
  // "每个站点装修电脑LED屏投入都在三万多": what each one spent may be named between 每 and the figure.
  const from = Math.max(breakBefore(text, m.start, SENTENCE_BREAK), m.start - 18, previous?.end ?? 0);
  // The last 每 (else 各) in [from, m.start), found in place: this runs for every figure of a fact that adds.
  let each = lastIn(text, "每", from, m.start);
  let eachFrom = from;
  // "每期半天 50个人": the 每 of the figure just before, with only a blank between, governs this one too.
  if (each < 0 && previous && previous.end === from && (m.start === from || (m.start === from + 1 && blankOrComma(text, from)))) {
    eachFrom = Math.max(from - previous.words.length - 3, 0);
    each = lastIn(text, "每", eachFrom, previous.start);
  }
  if (each >= 0) return countOfEach(text, m, mentions, eachFrom + each);
  const every = lastIn(text, "各", from, m.start);
  if (every >= 0) return countBeforeEvery(text, m, mentions, from + every);
  return previous ? oneOfEach(text, m, previous, mentions) : null;
}

/** "3期 … 每期45个人": the count, in the sentence, of the measure word after the 每 at `at`. */
function countOfEach(text: string, m: NumberMention, mentions: readonly NumberMention[], at: number): Multiplied | null {
  // The measure word, past a 一 ("每一期"): 每月/每年/每天/每个月 are a rate in time, not a count of instances.
  const measureAt = text.charCodeAt(at + 1) === YI ? at + 2 : at + 1;
  if (measureAt >= Math.min(text.length, at + 4) || !EACH_MEASURES.includes(text[measureAt]!) || text.startsWith("个月", measureAt)) return null;
  // "三回 … 每回": the number reader writes 回 as 次.
  const unit = text[measureAt] === "回" ? "次" : text[measureAt]!;
  // "三个行政村各建了一个 每个投了两万五": one each multiplies nothing; the count of them does.
  const count = nearestCount(text, m, mentions, unit, at, 2) ?? nearestCount(text, m, mentions, unit, at, 1);
  return count ? { count, from: at } : null;
}
const YI = "一".charCodeAt(0);

/** "三个行政村各建了一个网点": the count with a unit ending at most ten characters before the 各 at `at`. */
function countBeforeEvery(text: string, m: NumberMention, mentions: readonly NumberMention[], at: number): Multiplied | null {
  let count: NumberMention | undefined;
  for (let i = firstCountAround(text, m, mentions), to = sentenceEnd(text, m); i < mentions.length && mentions[i]!.start < to; i++) {
    const x = mentions[i]!;
    if (isCountFor(x, m, to) && x.end <= at && at - x.end <= 10 && x.unit !== undefined) count = x;
  }
  return count ? { count, from: count.start } : null;
}

const BLANK_OR_COMMA = /[\s，,]/y;
/** text[at] is a blank or a comma (read in place, no one-character string). */
function blankOrComma(text: string, at: number): boolean {
  BLANK_OR_COMMA.lastIndex = at;
  return BLANK_OR_COMMA.test(text);
}

/*
 * The counts a figure per thing may be multiplied by: whole numbers (1 to 100) in the sentence of the figure `m`,
 * other than `m`. They are looked through in place (from firstCountAround while a mention starts before
 * sentenceEnd, each tested by isCountFor): this runs for every figure of a fact that adds.
 */

/** Index of the first mention of the sentence of `m`. */
function firstCountAround(text: string, m: NumberMention, mentions: readonly NumberMention[]): number {
  return firstStartingFrom(mentions, breakBefore(text, m.start, SENTENCE_BREAK));
}

function sentenceEnd(text: string, m: NumberMention): number {
  return breakAfter(text, m.end, SENTENCE_BREAK);
}

function isCountFor(x: NumberMention, m: NumberMention, to: number): boolean {
  return x.end <= to && x !== m && !x.isYear && x.exact && Number.isInteger(x.value) && x.value >= 1 && x.value <= 100;
}

const ONE = { least: 1, most: 1 };

/**
 * The whole numbers a count allows: "3期" 3 to 3, "三四场" 3 to 4, "好几场" 2 to 9, "十几场" 11 to 19; null when it
 * is no count of 1 to 100 things (a year, a bound such as 不到5场 or 超过3场, a fraction).
 */
function countRange(x: NumberMention): { least: number; most: number } | null {
  if (!isCount(x)) return null;
  return x.exact ? { least: x.value, most: x.value } : { least: leastOf(x), most: mostOf(x) };
}

const leastOf = (x: NumberMention) => (x.interval.lowInclusive ? Math.ceil(x.interval.low) : Math.floor(x.interval.low) + 1);
const mostOf = (x: NumberMention) => (x.interval.highInclusive ? Math.floor(x.interval.high) : Math.ceil(x.interval.high) - 1);

/** countRange(x) is not null (tested with no object made: this runs for every count near a figure that adds). */
function isCount(x: NumberMention): boolean {
  if (x.isYear || x.below || x.atLeast) return false;
  if (x.exact) return Number.isInteger(x.value) && x.value >= 1 && x.value <= 100;
  const least = leastOf(x);
  const most = mostOf(x);
  return least >= 1 && most <= 100 && least <= most;
}

/** A count for `m` in its sentence (ending by `to`), exact or a range ("好几场"). */
function isCountRangeFor(x: NumberMention, m: NumberMention, to: number): boolean {
  return x.end <= to && x !== m && isCount(x);
}

/** The count of `unit`, at least `least`, starting nearest to `at` (the first of two as near). */
function nearestCount(text: string, m: NumberMention, mentions: readonly NumberMention[], unit: string, at: number, least: number): NumberMention | undefined {
  let best: NumberMention | undefined;
  for (let i = firstCountAround(text, m, mentions), to = sentenceEnd(text, m); i < mentions.length && mentions[i]!.start < to; i++) {
    const x = mentions[i]!;
    if (!isCountRangeFor(x, m, to) || x.unit !== unit || x.value < least) continue;
    if (!best || Math.abs(x.start - at) < Math.abs(best.start - at)) best = x;
  }
  return best;
}

/** 分 before a count divides what was said into that many ("分3期", "分成两场"): no multiplier. */
const DIVIDED_BEFORE = /分(?:成|为|了)?\s?$/;

/**
 * "培训班一天 来了35个学员 管吃管住 有上机 2期": a count of sessions (期/场/次) said after the only figure of a fact
 * counted at each session (the vocabulary's perSession), in its sentence, says how many sessions had that many.
 * Not when the figure is a total ("一共来了90个学员") or the count divides it ("分3期").
 */
function sessionsAfter(text: string, fact: FactName, m: NumberMention, mentions: readonly NumberMention[], unattributed: readonly NumberMention[]): Multiplied | null {
  if (!(FACTS[fact] as FactSpec).perSession || totalBefore(text, m.wordsStart)) return null;
  for (let i = firstStartingFrom(mentions, m.end), to = sentenceEnd(text, m); i < mentions.length && mentions[i]!.start < to; i++) {
    const x = mentions[i]!;
    if (x.unit === undefined || !EVENT_UNITS.has(x.unit) || !unattributed.includes(x)) continue;
    const range = x.end <= to ? countRange(x) : null;
    if (!range || range.most < 2 || DIVIDED_BEFORE.test(text.slice(Math.max(0, x.wordsStart - 3), x.wordsStart))) return null;
    return { count: x, from: m.wordsStart };
  }
  return null;
}

/** What may stand between "一个班" / "一场" and its figure: the counted noun and a verb, no other figure or pause. */
const ONE_TO_FIGURE = /^[^\d\s，,。！!？?；;、]{0,5}$/;

/**
 * "一共三个班 一个班四十五个人", "办了3期 一期40人", "两场大赛 一场花了5万": 一 with the measure word (and noun) of a
 * count said before, right before the only such figure of the sentence, is each of them, as 每 is. Not when
 * the sentence has another 一X ("一场花了5w 一场花了8w" lists two events).
 */
function oneOfEach(text: string, m: NumberMention, one: NumberMention, mentions: readonly NumberMention[]): Multiplied | null {
  if (one.value !== 1 || one.chinese !== true || one.unit === undefined || !EACH_MEASURES.includes(one.unit)) return null;
  const between = text.slice(one.end, m.start);
  if (!ONE_TO_FIGURE.test(between) || text[one.start - 1] === "另" || text[one.start - 1] === "第") return null;
  // A measure word that counts things of any kind (个, 家) must count the same noun: "三个班 … 一个班".
  const noun = EVENT_UNITS.has(one.unit) ? "" : between[0] ?? "";
  if (noun === "" && !EVENT_UNITS.has(one.unit)) return null;
  let count: NumberMention | undefined;
  for (let i = firstCountAround(text, m, mentions), to = sentenceEnd(text, m); i < mentions.length && mentions[i]!.start < to; i++) {
    const x = mentions[i]!;
    if (!isCountFor(x, m, to) || x.unit !== one.unit) continue;
    if (x !== one && x.value === 1) return null;
    if (x.end <= one.start && x.value >= 2 && text.startsWith(noun, x.end)) count = x;
  }
  return count ? { count, from: one.start, one } : null;
}

/** The offset from `from` of the last `char` in text[from, to), or -1: only that stretch is read (lastIndexOf would run to the top). */
function lastIn(text: string, char: string, from: number, to: number): number {
  const code = char.charCodeAt(0);
  for (let at = to - 1; at >= from; at--) if (text.charCodeAt(at) === code) return at - from;
  return -1;
}

const isNoYear = (m: NumberMention) => !m.isYear;

function startsInOrder(all: readonly Stated[]): boolean {
  for (let i = 1; i < all.length; i++) if (all[i]!.mention.start < all[i - 1]!.mention.start) return false;
  return true;
}
const isAny = () => true;

/**
 * "研发费用62万 买软硬件18万": money of a fact that adds, each figure named by its own specific cue word, is
 * several items of one sum (a repeated word, "费用12万 费用15万", is a restatement). Returns those words.
 */
function namedApart(fact: FactName, items: readonly NumberMention[], stated: readonly Stated[]): string[] | null {
  if (FACTS[fact].unit !== "fen" || items.some(isBound)) return null;
  const cues = items.map((m) => stated.find((s) => s.mention === m && s.fact === fact)?.cue);
  return cues.every((c) => c !== undefined) && new Set(cues).size === cues.length ? cues : null;
}

/** Every figure after the first is set apart as another instance, and none is a bound or a restatement. */
function isList(text: string, items: readonly NumberMention[], mentions: readonly NumberMention[]): boolean {
  if (items.some(isBound)) return false;
  const listedAfter = respectively(text, items[0]!);
  if (parallel(text, items)) return true;
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    const m = items[i]!;
    const gap = text.slice(prev.end, m.start);
    if (RESTATED.test(gap)) return false;
    const setApart = LISTED.test(gap) || KIND_THEN_NEXT.test(gap) || (COUNTED.has(prev.unit) && KIND_IS_THEN_NEXT.test(gap)) || (listedAfter && SEPARATORS_ONLY.test(gap)) || yearOrEventWithin(mentions, prev.end, m.start);
    if (!setApart) return false;
  }
  return true;
}

/** A year or a count of events ("第二场", "2022年") lies wholly within [from, to). */
function yearOrEventWithin(mentions: readonly NumberMention[], from: number, to: number): boolean {
  for (let i = firstStartingFrom(mentions, from); i < mentions.length && mentions[i]!.start < to; i++) {
    const x = mentions[i]!;
    if (x.end <= to && (x.isYear || (x.unit !== undefined && EVENT_UNITS.has(x.unit)))) return true;
  }
  return false;
}

/** The channels of sale (rules/facts.yaml `channels`), longest first. */
const CHANNEL = new RegExp(
  [...VOCABULARY.channels].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)",
  "gi",
);

/**
 * "亚马逊上卖了2100万 速卖通上卖了1400万": money of one fact, each figure introduced by another channel of sale
 * (the last one named since the figure before), is what each channel sold: parts of one sum.
 */
function byChannel(text: string, fact: FactName, items: readonly NumberMention[]): boolean {
  if (FACTS[fact].unit !== "fen" || items.some(isBound)) return false;
  const seen: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    const wordsStart = m.end - m.words.length;
    const stretch = text.slice(i === 0 ? Math.max(0, wordsStart - 12) : items[i - 1]!.end, wordsStart);
    if (i > 0 && RESTATED.test(stretch)) return false;
    let channel: string | undefined;
    CHANNEL.lastIndex = 0;
    for (let hit = CHANNEL.exec(stretch); hit !== null; hit = CHANNEL.exec(stretch)) channel = hit[0].toUpperCase();
    if (channel === undefined || seen.includes(channel)) return false;
    seen.push(channel);
  }
  return true;
}

/**
 * "一层80平 一层60平": every figure is introduced the same way, by 一 and one measure word, so each is one of
 * several things of that kind (a count before it, "租了两层", says how many; it is not required).
 */
function parallel(text: string, items: readonly NumberMention[]): boolean {
  let measure: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    const wordsStart = m.end - m.words.length;
    const from = i === 0 ? Math.max(0, wordsStart - 6) : items[i - 1]!.end;
    // No 一 in reach of the figure: ONE_OF_BEFORE cannot match, and the words before it are not copied.
    if (!yiBefore(text, from, wordsStart)) return false;
    const gap = text.slice(from, wordsStart);
    if (i > 0 && RESTATED.test(gap)) return false;
    const one = ONE_OF_BEFORE.exec(gap)?.[1];
    if (one === undefined || (measure !== undefined && one !== measure)) return false;
    measure = one;
  }
  return true;
}

/** How far before a figure ONE_OF_BEFORE's 一 may stand: 一, 个, the measure, a blank and three characters. */
const ONE_OF_REACH = 7;

/** A 一 in the last ONE_OF_REACH characters of text[from, to). */
function yiBefore(text: string, from: number, to: number): boolean {
  for (let i = Math.max(from, to - ONE_OF_REACH); i < to; i++) if (text.charCodeAt(i) === YI) return true;
  return false;
}

/*
 * Mentions are sorted by start and each is at least one character long, so those ending by a position all
 * stand before the first mention starting at it: a binary search replaces a scan of the whole message.
 */

/** The last mention (in order) that ends by `pos` and passes `test`. */
export function lastEndingBy(mentions: readonly NumberMention[], pos: number, test: (m: NumberMention) => boolean): NumberMention | undefined {
  for (let i = firstStartingFrom(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end <= pos && test(m)) return m;
  }
  return undefined;
}

/** A stated total ("一共花了13万") must be able to be the sum of the parts; otherwise the figures disagree. */
function totalAgrees(totals: readonly NumberMention[], parts: readonly QuantityPart[], fact: FactName, partOf: PartOf): boolean {
  const low = parts.reduce((a, p) => a + p.low, 0);
  const high = parts.some((p) => p.high === null) ? Infinity : parts.reduce((a, p) => a + p.high!, 0);
  return totals.every((t) => {
    const total = partOf(fact, t);
    return total !== null && total.low <= high && (total.high ?? Infinity) >= low;
  });
}
