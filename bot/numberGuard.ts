/**
 * The number guard: no number reaches a merchant unless someone accountable wrote it.
 *
 * Rule (shared/eval/README.md): every number in an answer must stand in the user's turns, in a
 * cited quote, or among the award amounts, traces or conditions. Numbers under 100 are exempt,
 * and so is a year ("2022年", or the year of a date such as 2022-12-31). Units are applied before
 * comparing, so 2万 = 20000 = "20,000元" and an award of 2000000 fen grounds "2万元".
 */
import { findNumbers, type NumberMention } from "./chineseNumbers.js";

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
}

/** One number in the checked text that nothing grounds. `text.slice(start, end) === raw`. */
export interface UngroundedNumber {
  raw: string;
  start: number;
  end: number;
  /** The value compared, units applied (2万 → 20000). */
  value: number;
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
 * Check that every number in `text` is grounded. Returns the ungrounded mentions with their
 * positions, so a staff console can highlight them in an edited draft.
 */
export function numberGuard(text: string, grounding: Grounding): NumberGuardResult {
  const allowed = groundedNumbers(grounding);
  const ungrounded: UngroundedNumber[] = [];
  for (const m of findNumbers(text)) {
    if (isExemptNumber(m) || allowed.has(m.value)) continue;
    ungrounded.push({ raw: m.raw, start: m.start, end: m.end, value: m.value });
  }
  return { ok: ungrounded.length === 0, ungrounded };
}
