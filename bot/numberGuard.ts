/**
 * The number guard: no number reaches a merchant unless someone accountable wrote it.
 *
 * Rule (shared/eval/README.md): every number in an answer must stand in the user's turns, in a
 * cited quote, or among the award amounts, traces or conditions. Numbers under 100 are exempt,
 * and so is a year ("2022年", or the year of a date such as 2022-12-31). Units are applied before
 * comparing, so 2万 = 20000 = "20,000元" and an award of 2000000 fen grounds "2万元".
 *
 * On top of that, a number's role is checked when `awardAmountsFen` is given: a number presented as an
 * amount the asker gets (after 奖励, 补贴, 给予, 拿, 最高, 可得, 共计…, or in the amount slot of a ✅/⚠️ line)
 * must equal the engine amount of an eligible award in this answer. A threshold, the user's own sales, a
 * rank's amount or a sum copied from a quote is grounded by value but not as the asker's award.
 */
import { findNumbers, mentionToFen, type NumberMention } from "./understanding/numbers.js";

/** What an answer may draw numbers from. */
export interface Grounding {
  /** The user's messages in this conversation. */
  userTexts: readonly string[];
  /** Verbatim clause quotes cited by the answer. */
  quotes: readonly string[];
  /** Award amounts in integer fen (rendered as yuan, 万元 … in the text). */
  amountsFen: readonly number[];
  /** Traces, conditions and policy metadata (dates, document numbers). */
  extraTexts?: readonly string[];
  /**
   * Amounts in fen of the ELIGIBLE awards of this answer: the only values a number in the award role may
   * have. Absent: roles are not checked (texts that present no award, e.g. the evaluation of a question).
   */
  awardAmountsFen?: readonly number[];
}

/** One number in the checked text that nothing grounds. `text.slice(start, end) === raw`. */
export interface UngroundedNumber {
  raw: string;
  start: number;
  end: number;
  /** The value compared, units applied (2万 → 20000). */
  value: number;
  /** "ungrounded": nothing supplies the value; "not_an_award": presented as the asker's award but no eligible award has it. */
  reason: "ungrounded" | "not_an_award";
}

/** Result of `numberGuard`: ok when `ungrounded` is empty. */
export interface NumberGuardResult {
  ok: boolean;
  ungrounded: UngroundedNumber[];
}

/** Numbers below this are exempt: counts of items, clause numbers, percentages, months and days. */
export const EXEMPT_BELOW = 100;

/** Is a mention exempt from grounding (a small number or a year)? */
export function isExemptNumber(m: NumberMention): boolean {
  return m.isYear === true || Math.abs(m.value) < EXEMPT_BELOW;
}

/**
 * Every value the grounding sources allow, units applied: numbers written in the user's turns,
 * quotes and extra texts, plus each award amount in yuan.
 */
export function groundedNumbers(grounding: Grounding): Set<number> {
  const values = new Set<number>();
  const texts = [...grounding.userTexts, ...grounding.quotes, ...(grounding.extraTexts ?? [])];
  for (const text of texts) for (const m of findNumbers(text)) values.add(m.value);
  for (const fen of grounding.amountsFen) values.add(fen / 100);
  return values;
}

/**
 * Check that every number in `text` is grounded and, when `grounding.awardAmountsFen` is given, that every
 * number presented as the asker's award is an eligible award's amount. Returns the offending mentions with
 * their positions, so a staff console can highlight them in an edited draft.
 */
export function numberGuard(text: string, grounding: Grounding): NumberGuardResult {
  const allowed = groundedNumbers(grounding);
  const awards = grounding.awardAmountsFen === undefined ? undefined : new Set(grounding.awardAmountsFen);
  const mentions = findNumbers(text);
  const quoted = quotedSpans(text, grounding.quotes);
  const asAward = awards ? awardRoleMentions(text, mentions) : new Set<NumberMention>();
  for (const m of asAward) if (quoted.some(([from, to]) => m.start >= from && m.end <= to) || describesText(text, m)) asAward.delete(m);
  const ungrounded: UngroundedNumber[] = [];
  for (const m of mentions) {
    const at = { raw: m.raw, start: m.start, end: m.end, value: m.value };
    if (!isExemptNumber(m) && !allowed.has(m.value)) ungrounded.push({ ...at, reason: "ungrounded" });
    else if (asAward.has(m) && !awards!.has(mentionToFen(m) ?? NaN)) ungrounded.push({ ...at, reason: "not_an_award" });
  }
  return { ok: ungrounded.length === 0, ungrounded };
}

/** The figure as written, without the unit after it: "120万元" and "120万" are one form, "1200000元" another. */
const writtenForm = (m: NumberMention) =>
  m.raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, "")
    .replace(/(元|块钱|块|人民币|人次|个月|平方米|个平方|平米|平方|㎡|[人名位个家户间笔单件吨天年月次场期平%])$/, "");

/**
 * A user's figure restated in a form the user did not write ("9万" shown as "90000", "80来万" as "80万元"):
 * numbers in `text` whose value is one the user wrote, that no quote, trace or award supplies, and that
 * stand in no form the user used for that value. Small numbers and years are exempt, as in the guard.
 */
export function restatedUserFigures(text: string, grounding: Grounding): NumberMention[] {
  const userForms = new Map<number, Set<string>>();
  for (const t of grounding.userTexts) {
    for (const m of findNumbers(t)) userForms.set(m.value, new Set([...(userForms.get(m.value) ?? []), writtenForm(m)]));
  }
  // A quote or an engine amount (a range's ends too) may state the same value in its own form.
  const others = groundedNumbers({ userTexts: [], quotes: grounding.quotes, amountsFen: [...grounding.amountsFen, ...(grounding.awardAmountsFen ?? [])] });
  const quoted = quotedSpans(text, grounding.quotes);
  return findNumbers(text).filter((m) => {
    const isQuoted = quoted.some(([from, to]) => m.start >= from && m.end <= to);
    // A date in the machine's form ("2021-01-01") for a year the user wrote in words ("2021年注册").
    if (m.isYear && ISO_DATE.test(m.raw)) return !isQuoted && userForms.has(m.value) && !userForms.get(m.value)!.has(writtenForm(m));
    if (isExemptNumber(m) || others.has(m.value) || isQuoted) return false;
    const forms = userForms.get(m.value);
    return forms !== undefined && !forms.has(writtenForm(m));
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Spans inside quotation marks (nested ones included) that repeat cited clauses word for word, possibly cut
 * with "…": the document speaks there, not the bot.
 */
function quotedSpans(text: string, quotes: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "“" || text[i] === "「") open.push(i);
    else if ((text[i] === "”" || text[i] === "」") && open.length > 0) {
      const from = open.pop()!;
      const pieces = text.slice(from + 1, i).split("…").filter(Boolean);
      if (open.length === 0 && pieces.length > 0 && pieces.every((piece) => quotes.some((q) => q.includes(piece)))) spans.push([from, i + 1]);
    }
  }
  return spans;
}

/** Words that present the money after them as what the asker gets. */
const AWARD_CUE = /(?:奖励|奖补|奖金|补贴|补助|资助|扶持资金|给予|拿|领|最高|可得|可获|获得|得到|享受|共计|合计|总计|一共|总共|发放)/g;
/** Words between a cue and the number that make the number a condition or a rate, not the award ("奖励年零售额100万元…"). */
const NOT_THE_AWARD = /额|粉丝|达到|满|(?<!不)超过|不低于|投资|每|标准|比例|门槛|排名|第/;
/** A threshold ends here ("100万元以上", "100多万", "10w+"), not an amount. */
const THRESHOLD_AFTER = /^\s*(?:以上|以下|以内|及以上|起|多|余|\+)/;
const NOUN_AFTER = /^\p{Script=Han}/u;
const AWARD_NOUN_AFTER = /^(?:奖励|奖金|补贴|补助|资金|现金|的奖励|的补贴)/;
/** How far before a number a cue may stand, within one clause, with no digits between. */
const CUE_REACH = 8;

/**
 * The mentions presented as an amount the asker gets: money (元, or a bare 万/亿 figure) shortly after an award
 * cue in the same clause, the first money figure after the title of a ✅/⚠️ line (the amount slot), and
 * the figures listed after one of those ("分别奖励50万元、30万元").
 */
export function awardRoleMentions(text: string, mentions: readonly NumberMention[] = findNumbers(text)): Set<NumberMention> {
  const roles = new Set<NumberMention>();
  let previous: NumberMention | undefined;
  for (const m of mentions) {
    const listed = previous !== undefined && roles.has(previous) && /^\s*(?:、|和|及|或)\s*$/.test(text.slice(previous.end, m.start));
    if (isMoney(text, m) && (listed || afterCue(text, m) || inAmountSlot(text, m))) roles.add(m);
    previous = m;
  }
  return roles;
}

/** A clause label around a small number ("（三(二)3）", "（六）", "五11"): a reference, not money. */
const LABEL_CHARS = /^[一二三四五六七八九十\d()（）]*$/;

/** Money as an amount: 元 or no unit, not a year, rate, threshold ("100万元以上") or count of something ("10万粉丝"). */
function isMoney(text: string, m: NumberMention): boolean {
  // Not m.atLeast: the reader also sets it for a ceiling ("不超过5万元"); the words around decide here.
  if (m.isYear || (m.unit !== undefined && m.unit !== "元")) return false;
  if (inClauseLabel(text, m)) return false;
  const after = text.slice(m.end);
  if (THRESHOLD_AFTER.test(after)) return false;
  return m.unit === "元" || !NOUN_AFTER.test(after) || AWARD_NOUN_AFTER.test(after);
}

/** An award cue stands at most CUE_REACH characters before, in the same clause, with no other figure or condition word between. */
function afterCue(text: string, m: NumberMention): boolean {
  const clauseStart = Math.max(...CLAUSE_BREAKS.map((p) => text.lastIndexOf(p, m.start - 1))) + 1;
  const before = text.slice(clauseStart, m.start);
  for (const cue of before.matchAll(AWARD_CUE)) {
    const gap = before.slice(cue.index + cue[0].length);
    if (gap.length <= CUE_REACH && !/\d/.test(gap) && !NOT_THE_AWARD.test(gap)) return true;
  }
  return false;
}

/** The number stands in a parenthesised clause label of numerals only ("（三(二)3）"). */
function inClauseLabel(text: string, m: NumberMention): boolean {
  if (m.unit !== undefined || m.value >= EXEMPT_BELOW) return false;
  const open = Math.max(text.lastIndexOf("（", m.start), text.lastIndexOf("(", m.start));
  const close = text.indexOf("）", m.end);
  return open >= 0 && close >= 0 && m.start - open <= 6 && close - m.end <= 6 && LABEL_CHARS.test(text.slice(open, close + 1));
}

const CLAUSE_BREAKS = ["，", "。", "；", "！", "？", "、", "\n", ",", ";", "!", "?"];

/** Marks a line that describes a provision as the text gives it, not the asker's case (its indented lines belong to it). */
export const DESCRIPTION_MARK = "📘";

/**
 * "📘 带货达人线上销售奖励：按条文，符合条件的最高2万元" and the indented lines under it ("　举例（不是你的金额）：…"):
 * the provision as the text gives it. A figure there is the text's (still grounded by value), not the asker's award.
 */
function describesText(text: string, m: NumberMention): boolean {
  let lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
  while (text[lineStart] === "　" && lineStart > 0) lineStart = text.lastIndexOf("\n", lineStart - 2) + 1;
  return text.startsWith(DESCRIPTION_MARK, lineStart);
}

/** "✅ 带货达人线上销售奖励：最高2万元": the first money figure after the title's colon on an eligible line. */
function inAmountSlot(text: string, m: NumberMention): boolean {
  const lineStart = text.lastIndexOf("\n", m.start - 1) + 1;
  const line = text.slice(lineStart, m.start);
  const slot = /^\s*(?:✅|⚠️)[^：:\n]*[：:]([^\d\n]*)$/u.exec(line);
  return slot !== null && !NOT_THE_AWARD.test(slot[1]!);
}
