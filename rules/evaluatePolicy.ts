/**
 * The rule engine's public API: evaluate the cited rules of one or all policies for a fact set, and
 * list the rules so the bot can pick the relevant ones. Rule files are validated and compiled once, on
 * first use; a bad rule file throws a one-line RuleSchemaError naming it.
 */
import { fileURLToPath } from "node:url";
import { loadPolicyMeta } from "../knowledge/policyMeta.js";
import type { AwardResult, StatedCheck } from "./awardResult.js";
import type { FactName } from "./facts.js";
import { compilePolicy, type CompiledPolicy, type RuleInfo } from "./compilePolicy.js";
import { validateFacts } from "./factsError.js";
import { readRuleFiles, validateOnce, type RuleFileEntry } from "./ruleFiles.js";
import { parsePolicyRuleFile, ruleFileKey, RuleSchemaError, type PolicyRuleFile } from "./ruleSchema.js";
import type { ValidityWindow } from "./validity.js";

export type { RuleInfo } from "./compilePolicy.js";

const POLICY_DIR = fileURLToPath(new URL("../knowledge/policies/", import.meta.url));

export interface EvaluateOptions {
  /** "Today" for validity when the facts name no activity year; default: the real date. */
  asOf?: string;
  /** Only these rule ids (default: every rule of the policy). Exclusivity applies among those evaluated. */
  ruleIds?: readonly string[];
  /** Another rule book, e.g. a policy's draft rules before staff confirm them (default: rules/policies/). */
  book?: RuleBook;
  /**
   * Facts the caller inferred rather than heard (the applicant type guessed from a follower count): a provision
   * for another applicant lists who may apply as a condition to meet instead of failing.
   */
  guessed?: readonly FactName[];
}

export interface EvaluateAllOptions {
  asOf?: string;
  /** Policies to evaluate (default: all, in policies.json order). */
  policyIds?: readonly string[];
}

/** The loaded rule book: validated files and compiled policies, by id. */
export interface RuleBook {
  files: ReadonlyMap<string, PolicyRuleFile>;
  policies: ReadonlyMap<string, CompiledPolicy>;
}

/**
 * Validates and compiles rule files (default: every file of rules/policies/) against the validity
 * windows in policies.json; policies come in policies.json order.
 */
export function buildRuleBook(entries: readonly RuleFileEntry[] = readRuleFiles(), policyDir: string = POLICY_DIR): RuleBook {
  const order = loadPolicyMeta(policyDir);
  const metas = new Map(order.map((m) => [m.id, m]));
  const parsed = new Map<string, PolicyRuleFile>();
  for (const entry of entries) {
    const file = validateOnce(entry, ruleFileKey(), () => parsePolicyRuleFile(entry.data, entry.source, entry.lineOf));
    if (!metas.has(file.policy)) throw new RuleSchemaError(`${entry.source}: policy "${file.policy}" is not in policies.json`);
    if (parsed.has(file.policy)) throw new RuleSchemaError(`${entry.source}: policy "${file.policy}" has two rule files`);
    parsed.set(file.policy, file);
  }
  const files = new Map<string, PolicyRuleFile>();
  const policies = new Map<string, CompiledPolicy>();
  for (const meta of order) {
    const file = parsed.get(meta.id);
    if (!file) continue;
    const window: ValidityWindow = { from: meta.effectiveFrom, until: meta.validUntil, ...(meta.periodQuote ? { quote: meta.periodQuote } : {}) };
    files.set(file.policy, file);
    policies.set(file.policy, compilePolicy(file, window));
  }
  return { files, policies };
}

let book: RuleBook | null = null;

/** The rule book of rules/policies/, loaded once. */
export function ruleBook(): RuleBook {
  book ??= buildRuleBook();
  return book;
}

/** Forgets the loaded rule book, so rules confirmed by staff answer from the next question on. */
export function reloadRuleBook(): void {
  book = null;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The last `asOf` that passed: a turn evaluates several times for the same day. */
let checkedAsOf = "";

function checkAsOf(asOf: string | undefined): string {
  if (asOf === undefined) return today();
  if (asOf === checkedAsOf) return asOf;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new RangeError(`asOf: expected YYYY-MM-DD, got "${asOf}"`);
  checkedAsOf = asOf;
  return asOf;
}

function policyOf(policyId: string, book: RuleBook = ruleBook()): CompiledPolicy {
  const p = book.policies.get(policyId);
  if (!p) throw new RangeError(`unknown policy "${policyId}" (known: ${[...book.policies.keys()].join(", ")})`);
  return p;
}

/**
 * Evaluates the rules of one policy for `facts`, in document order. Facts are validated first: a bad
 * value throws FactsError naming the fact. Results carry eligibility, amount in fen, citations, trace,
 * unchecked conditions and the facts still missing.
 */
export function evaluatePolicy(policyId: string, facts: unknown, options: EvaluateOptions = {}): AwardResult[] {
  const valid = validateFacts(facts);
  const asOf = checkAsOf(options.asOf);
  return policyOf(policyId, options.book).evaluate(valid, asOf, options.ruleIds ? new Set(options.ruleIds) : undefined, options.guessed);
}

/**
 * The worded tests (旗舰店, C2C…) the facts decide, per rule of one policy: the `checks` that
 * {@link evaluatePolicy} gives each result, without evaluating the rules. Facts and `asOf` are checked alike.
 */
export function checkRules(policyId: string, facts: unknown, options: Pick<EvaluateOptions, "asOf" | "ruleIds" | "book"> = {}): Array<{ rule: string; checks: StatedCheck[] }> {
  const valid = validateFacts(facts);
  checkAsOf(options.asOf);
  return policyOf(policyId, options.book).checks(valid, options.ruleIds ? new Set(options.ruleIds) : undefined);
}

/** Evaluates every rule of the given (default: all) policies for one fact set. */
export function evaluateAll(facts: unknown, options: EvaluateAllOptions = {}): AwardResult[] {
  const valid = validateFacts(facts);
  const asOf = checkAsOf(options.asOf);
  const ids = options.policyIds ?? [...ruleBook().policies.keys()];
  return ids.flatMap((id) => policyOf(id).evaluate(valid, asOf));
}

/** Every rule of every policy (or of one), for selection: keywords, entity types, facts read. */
export function listRules(policyId?: string): RuleInfo[] {
  const policies = policyId ? [policyOf(policyId)] : [...ruleBook().policies.values()];
  return policies.flatMap((p) => p.rules);
}

/** One rule by policy and rule id, or undefined. */
export function getRule(policyId: string, ruleId: string): RuleInfo | undefined {
  return ruleBook().policies.get(policyId)?.rules.find((r) => r.id === ruleId);
}

/** The validity window of a policy as used for `inForce`. */
export function validityOf(policyId: string): ValidityWindow {
  return policyOf(policyId).window;
}
