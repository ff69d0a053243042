/**
 * The contract every mechanism file implements: compile a node of the amount tree once (at load),
 * then evaluate it per fact set, returning the value and the lines that explain it.
 */
import type { FactName, Facts } from "../facts.js";
import type { Amount, Condition } from "../ruleSchema.js";

/** What one mechanism says for one fact set. */
export interface AmountOutcome {
  /** Integer fen; null when a fact is missing or the text gives no figure. */
  valueFen: number | null;
  /** Explanation, one step per line (comparisons keep their word and reading). */
  lines: string[];
  /** Facts whose absence leaves the value open. */
  missing: FactName[];
  /** Set when the facts fall below every tier/place: the provision does not apply (says why). */
  notReached?: string;
  /** Checks the engine could not make (a cap whose fact is unknown…), for the rule's conditions. */
  unchecked?: string[];
}

/** Three-valued result of a condition. */
export interface ConditionOutcome {
  value: boolean | null;
  lines: string[];
  /** Facts that would decide it; empty when decided. */
  missing: FactName[];
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
