/**
 * The contract every mechanism file implements: compile a node of the amount tree once (at load),
 * then evaluate it per fact set, returning the value and the lines that explain it.
 */
import type { FactName, Facts } from "../facts.js";
import type { Amount, Condition, Period } from "../ruleSchema.js";

/**
 * An approximate figure that lies on both sides of a line the text draws: "80来万" against "85万元".
 * The bot asks for the exact figure and names the line.
 */
export interface Straddle {
  fact: FactName;
  /** The user's words ("80来万"). */
  words: string;
  /** The line as the engine shows it ("85万元"). */
  line: string;
}

/** What one mechanism says for one fact set. */
export interface AmountOutcome {
  /** Integer fen; null when a fact is missing or the text gives no figure. For a range: its lower end. */
  valueFen: number | null;
  /** Set when the amount is a range because an input is approximate: the upper end (Infinity = open). */
  highFen?: number;
  /** Lines an approximate input straddles (the value is then what is certain so far). */
  straddles?: Straddle[];
  /** Explanation, one step per line (comparisons keep their word and reading). */
  lines: string[];
  /** Facts whose absence leaves the value open. */
  missing: FactName[];
  /** Set when the facts fall below every tier/place: the provision does not apply (says why). */
  notReached?: string;
  /** Checks the engine could not make (a cap whose fact is unknown…), for the rule's conditions. */
  unchecked?: string[];
  /** The amount for one month / one year of a support paid over time (see `Factor.period`). */
  perPeriod?: PeriodAmount[];
  /** A conditional part the user said nothing of, neither its condition nor its figures (see sum's `leftOutAsNone`). */
  unstated?: boolean;
}

/** The amount of one period of a support paid over time: "每年3.6万元". */
export interface PeriodAmount {
  period: Period;
  amountFen: number;
}

/** Three-valued result of a condition. */
export interface ConditionOutcome {
  value: boolean | null;
  lines: string[];
  /** Facts that would decide it; empty when decided. */
  missing: FactName[];
  /** Undecided because an approximate figure straddles a line. */
  straddles?: Straddle[];
}

export type AmountEvaluator = (facts: Facts) => AmountOutcome;
export type ConditionEvaluator = (facts: Facts) => ConditionOutcome;

/** What a mechanism's compiler may use: compile children, and the rule it belongs to. */
export interface CompileContext {
  amount(node: Amount): AmountEvaluator;
  condition(node: Condition): ConditionEvaluator;
  /** Clause id of the rule being compiled. */
  clause: string;
}

/** Adds names not yet present (keeps first-seen order). */
export function addMissing(into: FactName[], more: readonly FactName[]): FactName[] {
  for (const f of more) if (!into.includes(f)) into.push(f);
  return into;
}

/** Indents child lines under a step. */
export function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `  ${l}`);
}

/** Adds straddles not yet present (one per fact and line). */
export function addStraddles(into: Straddle[], more: readonly Straddle[] | undefined): Straddle[] {
  for (const s of more ?? []) if (!into.some((x) => x.fact === s.fact && x.line === s.line)) into.push(s);
  return into;
}

/** The upper end of an outcome's amount (its value when exact). */
export function highOf(o: AmountOutcome): number | null {
  return o.valueFen === null ? null : (o.highFen ?? o.valueFen);
}
