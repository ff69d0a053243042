/**
 * Years in a message: the activity year a figure belongs to ("去年卖了两千多万"), a date fact next to its words
 * ("2020年3月成立"), the months of operation since a registration ("一直正常经营到现在"), and figures of earlier
 * years ("2018年就过了500万") that go to the fact holding the best earlier value.
 */
import { FACT_NAMES, FACTS, VOCABULARY, type FactName, type Facts } from "../../rules/facts.js";
import { earlierYear, type EarlierYear } from "./derivedFacts.js";
import { boundsOf } from "../../rules/quantity.js";
import { breakAfter, CLAUSE_BREAK, SENTENCE_BREAK } from "./clauses.js";
import { literal } from "./literalPattern.js";
import type { NumberMention } from "./numbers.js";
import type { mentionToQuantity } from "./quantities.js";
import { lastBreakBefore, nextBreakAfter } from "./spans.js";
import { tailTester } from "./tailReader.js";
import { headTester, windowTester } from "./windowTests.js";

/** The user's own words for each fact they stated. */
type Sources = Partial<Record<FactName, string>>;

/**
 * Date facts a year next to their words dates ("2019年注册"), and what else opens a business in that year
 * ("2021年3月回来办了个小微电商公司"), from the vocabulary's `cues` and `opened`; any other year is the activity year.
 */
const DATE_MARKS = FACT_NAMES.flatMap((fact) => {
  const spec = FACTS[fact];
  if (spec.unit !== "date" || !(spec.cues || spec.opened)) return [];
  const side = (s: "b" | "a") => (spec.cues ?? []).filter((c) => c.side !== s).flatMap((c) => c.words);
  const any = (ws: readonly string[]) => ws.map(literal).join("|");
  const before = side("a");
  const after = side("b");
  const o = spec.opened;
  const afterRe = after.length ? new RegExp(any(after)) : null;
  const beforeRe = before.length ? new RegExp(any(before)) : null;
  const opened = o ? new RegExp(`^[^，,。]{0,4}(?:${any(o.verbs)})了?(?:${any(o.measures)})[^，,。\\s]{0,6}(?:${any(o.things)})`) : null;
  // "网店2019年3月才开的": the thing before the year, its opening after it.
  const openedAfter = o ? new RegExp(`^份?[才就是]{0,2}(?:${any(o.verbs)})(?:的|起来)`) : null;
  return [{
    fact,
    /** For the words of a date found: the cue right after the year. */
    after: afterRe,
    openedAfter,
    // The tests read the message in place (windowTests.ts, tailReader.ts): a look per year, no copy of its words.
    afterIn: afterRe ? windowTester(afterRe) : null,
    beforeIn: beforeRe ? windowTester(beforeRe) : null,
    openedIn: opened ? tailTester(opened) : null,
    openedAfterIn: openedAfter ? tailTester(openedAfter) : null,
    thingBefore: o ? new RegExp(`(?:${any(o.things)})[^，,。\\s]{0,4}$`) : null,
  }];
});

/** Facts holding the best value of another fact in earlier years ("首次突破"), by that fact (rules/facts.yaml `earlierOf`). */
const EARLIER_OF = new Map(
  Object.entries(VOCABULARY.facts).flatMap(([name, spec]) => (spec.earlierOf ? [[spec.earlierOf as FactName, name as FactName] as const] : [])),
);

/** The fact holding the best earlier value of `fact` ("首次突破"), if the vocabulary has one. */
export function earlierFactOf(fact: FactName): FactName | undefined {
  return EARLIER_OF.get(fact);
}

/**
 * "2018年就过了500万 2019年又卖了600万": figures dated before the activity year go to the fact holding the best
 * earlier value (the highest of them), so a threshold crossed before is not first crossed now. Returns the
 * figures that stay with `fact`.
 */
export function readEarlierYears<A extends { mention: NumberMention }>(
  fact: FactName,
  list: A[],
  mentions: readonly NumberMention[],
  facts: Record<string, unknown>,
  sources: Sources,
  quantityOf: (fact: FactName, m: NumberMention) => ReturnType<typeof mentionToQuantity>,
): A[] {
  const earlier = EARLIER_OF.get(fact);
  const activity = facts.activityYear as number | undefined;
  if (!earlier || activity === undefined) return list;
  // Counted first: most messages date no figure before the activity year, and then nothing is copied.
  let earlierCount = 0;
  for (const a of list) if ((yearBefore(mentions, a.mention) ?? activity) < activity) earlierCount++;
  if (earlierCount === 0 || earlierCount === list.length) return list;
  const yearOf = (m: NumberMention) => yearBefore(mentions, m);
  const before = list.filter((a) => (yearOf(a.mention) ?? activity) < activity);
  const values = before.flatMap((a) => {
    const v = quantityOf(earlier, a.mention);
    return "value" in v ? [boundsOf(v.value)] : [];
  });
  if (values.length === 0) return list;
  const low = Math.max(...values.map((b) => b.low));
  const high = Math.max(...values.map((b) => b.high));
  const words = before.map((a) => `${yearOf(a.mention)}年${a.mention.words}`).join("、");
  facts[earlier] = { low, high: Number.isFinite(high) ? high : null, words };
  sources[earlier] = words;
  return list.filter((a) => !before.includes(a));
}

/** The last year named before the figure `m`, found from the end: no filtered copy of the mentions per figure. */
function yearBefore(mentions: readonly NumberMention[], m: NumberMention): number | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]!.isYear && mentions[i]!.end <= m.start) return mentions[i]!.value;
  return undefined;
}

/** The business has run without a break since it was registered: "一直正常经营到现在", "经营至今". */
const RUNNING_SINCE = /一直|至今|到现在|到今天|没停过|持续经营/;

/**
 * "2021年3月…落户 … 一直正常经营到现在": a registration date and continuous operation give the months of
 * operation, counted to `asOf` (whole months), so the bot does not ask for what was said.
 */
export function readOperatingSince(text: string, asOf: string, facts: Record<string, unknown>, sources: Sources): void {
  const since = facts.registrationDate;
  if (typeof since !== "string" || facts.operatingMonths !== undefined || !RUNNING_SINCE.test(text)) return;
  const [y0, m0] = since.split("-").map(Number) as [number, number];
  const [y1, m1] = asOf.split("-").map(Number) as [number, number];
  const months = (y1 - y0) * 12 + (m1 - m0);
  if (months < 0) return;
  // Kept in the user's terms (从2021年3月至今), not as a month count they never wrote.
  const words = `从${y0}年${m0}月至今`;
  facts.operatingMonths = { low: months, high: months, words };
  sources.operatingMonths = words;
}

const isCalendarYear = (m: NumberMention) => !!m.isYear && !m.relative;

/** "2021年卖了", "去年的销售": the year of a sales figure, never a date fact. */
const SALES_YEAR = windowTester(/年[^，,。]{0,3}(卖|销售|零售|营业)/);

/** Words after a year that make it the year of a past event, never the activity year ("2020年申报时虚报过"). */
const NOT_ACTIVITY_YEAR = tailTester(new RegExp(
  `^[^，,。\\d]{0,6}(?:${FACT_NAMES.flatMap((f) => ((FACTS[f] as { notActivityYear?: true }).notActivityYear ? FACTS[f].aliases : [])).map(literal).join("|") || "(?!)"})`,
));

/** How far after a year a figure may stand and still be that year's ("去年网店卖了两千一百多万"). */
const YEAR_REACH = 16;

/**
 * Does the year mention at `i` date a figure: the next number after it, before another year and a sentence
 * break, is one of the user's figures ("去年卖了两千一百多万" yes; "今年打算申请", "去年拿过500万那一档" no)?
 */
function datesFigure(text: string, mentions: readonly NumberMention[], i: number, isFigure: (m: NumberMention) => boolean): boolean {
  const next = mentions[i + 1];
  if (!next || next.isYear || !isFigure(next) || next.start - mentions[i]!.end > YEAR_REACH) return false;
  // No sentence break between them: a look-up in the message's break positions, no copy.
  return breakAfter(text, mentions[i]!.end, SENTENCE_BREAK, next.start) >= next.start;
}

/**
 * Years: a date fact next to its words (a registration date next to 注册/成立), otherwise the activity year: the
 * last one named, or when some of them date a figure ("去年卖了两千多万 今年打算申请"), the last of those — a
 * figure's own year, not the year of applying. A month written with that year ("2023年9月办的直播大赛") is the
 * activity's month, so a policy that ended mid-year is judged by it. Returns the note to show when several
 * activity years count.
 */
export function readYears(
  text: string,
  mentions: NumberMention[],
  facts: Record<string, unknown>,
  sources: Sources,
  datedWords: Map<FactName, string>,
  isFigure: (m: NumberMention) => boolean,
  known?: Facts,
): string | undefined {
  const explicitYear = mentions.find(isCalendarYear);
  // 当年 in a message naming no year is the year an earlier turn named ("23年3月份成立的" … "当年纳统…"), looked up once.
  let earlier: EarlierYear | undefined | null = null;
  const activity = ACTIVITY_YEARS;
  activity.begin(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (!m.isYear) continue;
    // 当年 is the year named elsewhere in the message ("2021年注册，当年…"), else in an earlier turn, else the as-of year.
    if (m.relative === "当年" && !explicitYear && earlier === null) {
      earlier = earlierYear(known);
      // That year is the date's: the date stands in this message as 当年, so its yes/no fact follows (当年新注册登记).
      if (earlier?.of) {
        facts[earlier.of] = known![earlier.of];
        datedWords.set(earlier.of, m.words);
      }
    }
    const year = m.relative === "当年" ? (explicitYear?.value ?? earlier?.year ?? m.value) : m.value;
    if (year < 1990 || year > 2100) continue;
    const clauseStart = lastBreakBefore(text, m.start, CLAUSE_BREAK);
    // The rest of the clause is read only as far as the date marks look (8 and 16 characters).
    const restEnd = nextBreakAfter(text, m.end, CLAUSE_BREAK);
    // The words after the year (up to 8 and 16 characters within its clause) and the 3 before it, read in place.
    const rest8 = Math.min(restEnd, m.end + 8) - m.end;
    const rest16 = Math.min(restEnd, m.end + 16) - m.end;
    const before = Math.max(clauseStart, m.start - 3);
    const salesYear = SALES_YEAR(text, m.start, Math.min(text.length, m.end + 6));
    // "但是之前16年就过过200万了", "早在17年就…": a year told as history is not the year asked about.
    const history = HISTORY_BEFORE(text, Math.max(clauseStart, m.start - 4), m.start) || HISTORY_AFTER(text, m.end, rest8);
    if (!salesYear && NOT_ACTIVITY_YEAR(text, m.end, 10)) continue;
    // A plain loop: this runs for every year of the message.
    let dated: (typeof DATE_MARKS)[number] | undefined;
    if (!salesYear) for (const d of DATE_MARKS) {
      if (d.afterIn?.(text, m.end, m.end + rest8) || d.beforeIn?.(text, before, m.start) || d.openedIn?.(text, m.end, rest16) ||
        (d.openedAfterIn?.(text, m.end, rest8) && d.thingBefore!.test(text.slice(Math.max(clauseStart, m.start - 8), m.start)))) {
        dated = d;
        break;
      }
    }
    if (dated) {
      facts[dated.fact] = m.date ?? `${year}-${String(m.month ?? 1).padStart(2, "0")}-01`;
      const after = text.slice(m.end, m.end + rest8);
      const cue = dated.after?.exec(after) ?? dated.openedAfter?.exec(after);
      datedWords.set(dated.fact, text.slice(m.start, cue ? m.end + cue.index + cue[0].length : m.end));
    }
    else {
      // The words are read only of the year that counts (a mention builds them when asked).
      const said = year === m.value || explicitYear === undefined ? i : mentions.indexOf(explicitYear);
      activity.add(year, said, activityMonthOf(m, text, rest8), datesFigure(text, mentions, i, isFigure), history);
    }
  }
  // Years told as history count only when no other year is named.
  activity.skipHistory = activity.history < activity.count;
  // The years that date a figure, when some but not all do; else all of them.
  const figures = activity.skipHistory ? activity.figures - activity.historyFigures : activity.figures;
  const figuresOnly = figures > 0 && figures < activity.count - (activity.skipHistory ? activity.history : 0);
  const last = activity.last(figuresOnly);
  if (last < 0) return undefined;
  const lastYear = activity.year[last]!;
  facts.activityYear = lastYear;
  // "2023年" or "去年": whether the user wrote a calendar year or one counted from today.
  sources.activityYear = mentions[activity.said[last]!]!.words;
  // The month of the last mention of that year that may date the activity (not "2023年9月才到账").
  const dating = activity.lastDating(figuresOnly, lastYear);
  if (dating >= 0 && activity.month[dating]! > 0) {
    facts.activityMonth = `${lastYear}-${String(activity.month[dating]).padStart(2, "0")}-01`;
    sources.activityMonth = mentions[activity.said[dating]!]!.words;
  }
  return activity.otherYear(figuresOnly, lastYear) ? `提到了几个年份，按${lastYear}年计算。` : undefined;
}

/** Before a year: it is told as history ("之前16年", "早在17年", "以前19年"). */
const HISTORY_BEFORE = headTester(/(?:之前|以前|早在|当初|原先|原来)\s?$/);
/** After a year: what happened then was already so ("16年就过过200万了", "17年就已经突破了", "20年就超过500万"). */
const HISTORY_AFTER = tailTester(/^\s?(?:的时候)?(?:就|早就)(?:已经)?(?:[^，,。\d]{0,3}过(?:了|过)|突破|超过|达到)/);

/** `month` of ActivityYears: the month dates no activity (it is one of applying or payment). */
const NOT_ACTIVITY = -1;
/** `month` of ActivityYears: no month was written with the year. */
const NO_MONTH = -2;

/**
 * The activity years a message names, in arrays kept between messages (a long message names dozens of years,
 * and a record per year was garbage for each): per year, its value, the mention whose words name it (an index
 * into the mentions), the month written with it, and whether it dates a figure.
 */
class ActivityYears {
  year = new Int32Array(64);
  said = new Int32Array(64);
  month = new Int32Array(64);
  datesFigure = new Uint8Array(64);
  isHistory = new Uint8Array(64);
  count = 0;
  /** How many of them date a figure. */
  figures = 0;
  /** How many are told as history, and how many of those date a figure. */
  history = 0;
  historyFigures = 0;
  /** Leave the years told as history out of `last`, `lastDating` and `otherYear`. */
  skipHistory = false;

  /** Starts a message of at most `capacity` years. */
  begin(capacity: number): void {
    this.count = 0;
    this.figures = 0;
    this.history = 0;
    this.historyFigures = 0;
    this.skipHistory = false;
    if (capacity <= this.year.length) return;
    this.year = new Int32Array(capacity);
    this.said = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.datesFigure = new Uint8Array(capacity);
    this.isHistory = new Uint8Array(capacity);
  }

  add(year: number, said: number, month: number | null | undefined, datesFigure: boolean, history: boolean): void {
    const k = this.count++;
    this.isHistory[k] = history ? 1 : 0;
    if (history) {
      this.history++;
      if (datesFigure) this.historyFigures++;
    }
    this.year[k] = year;
    this.said[k] = said;
    this.month[k] = month === null ? NOT_ACTIVITY : month === undefined ? NO_MONTH : month;
    this.datesFigure[k] = datesFigure ? 1 : 0;
    if (datesFigure) this.figures++;
  }

  /** The last year (of those dating a figure, with `figuresOnly`), or -1. */
  last(figuresOnly: boolean): number {
    for (let k = this.count - 1; k >= 0; k--) if ((!figuresOnly || this.datesFigure[k]) && !this.#skipped(k)) return k;
    return -1;
  }

  /** The last mention of `year` with a month that may date the activity (none written counts too), or -1. */
  lastDating(figuresOnly: boolean, year: number): number {
    for (let k = this.count - 1; k >= 0; k--) {
      if ((!figuresOnly || this.datesFigure[k]) && !this.#skipped(k) && this.year[k] === year && this.month[k] !== NOT_ACTIVITY) return k;
    }
    return -1;
  }

  /** Another year than `year` is among them. */
  otherYear(figuresOnly: boolean, year: number): boolean {
    for (let k = 0; k < this.count; k++) if ((!figuresOnly || this.datesFigure[k]) && this.year[k] !== year) return true;
    return false;
  }

  #skipped(k: number): boolean {
    return this.skipHistory && this.isHistory[k] === 1;
  }
}
const ACTIVITY_YEARS = new ActivityYears();

/** After a month: it is when the user applies or is paid, or the first of several months ("3月到5月"), no activity's month. */
const NOT_ACTIVITY_MONTH = tailTester(/^\s*(?:份)?(?:[到至~～—-]|(?:才|就|去|再|要|想|准备|打算)?(?:申请|申报|报名|提交|递交|兑现|到账|发钱|拨付))/);

/** The month written with a year mention ("2023年9月", "2023年9月15日"); null when it dates no activity (read in the `window` characters after it). */
function activityMonthOf(m: NumberMention, text: string, window: number): number | null | undefined {
  const month = m.month ?? (m.date ? Number(m.date.slice(5, 7)) : undefined);
  return month === undefined || !NOT_ACTIVITY_MONTH(text, m.end, window) ? month : null;
}
