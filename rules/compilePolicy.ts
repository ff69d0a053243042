/**
 * Turns a validated rule file into closures, once at load, so evaluating every rule of every policy for
 * one fact set stays in microseconds. Evaluation order per rule (exceptions have priority, Catala-like):
 * entity type → gates (扶持范围) → applicability → exceptions → amount; then, per policy, validity and
 * exclusivity groups (keep the largest eligible amount and say so).
 */
import type { AwardResult, StatedCheck } from "./awardResult.js";
import { compileCondition, conditionFacts } from "./conditions.js";
import { ENTITY_MAY_APPLY_AS, ENTITY_TYPES, type EntityType, type FactName, type Facts } from "./facts.js";
import { walkAmount } from "./amountFacts.js";
import { alternativeGroups } from "./alternatives.js";
import { compileAmount } from "./mechanisms/index.js";
import { addMissing, addStraddles, indent, type AmountEvaluator, type ConditionEvaluator, type Straddle } from "./mechanisms/mechanism.js";
import { formatFactValue } from "./formatFact.js";
import { isApprox } from "./quantity.js";
import { formatFen } from "./money.js";
import { conditionText, type Condition, type Exception, type PolicyRuleFile, type Rule, type RuleCondition } from "./ruleSchema.js";
import { activityMonth, judgeInForce, outsidePeriod, type ValidityWindow } from "./validity.js";

/** What the bot needs to pick a rule (bot/selectRules.ts reads it as RuleProfile). */
export interface RuleInfo {
  policy: string;
  id: string;
  clause: string;
  title: string;
  quote: string;
  /** Words of the clause that signal this provision. */
  keywords: readonly string[];
  /** Applicants the rule is for; empty = anyone. */
  entityTypes: readonly EntityType[];
  /** Every fact the rule reads (gates, conditions, exceptions, amount). */
  facts: readonly FactName[];
  /** An eligibility gate (扶持范围), not an award. */
  gate: boolean;
  upTo: boolean;
  /** Unchecked conditions written in the rule (policy-wide ones included). */
  conditions: readonly string[];
  /** The worded yes/no and category tests of `when` ("通过C2C电子商务形式"): what sets it apart from its siblings. */
  qualifiers: readonly string[];
  /** The enum values the rule's `when` asks for, by fact (outside any `not`): what it is for (activity: liveContest). */
  accepts: Partial<Record<FactName, readonly string[]>>;
  /** Facts read as alternatives (rules/alternatives.ts): one stated, the others of its group are not owed. */
  alternatives: readonly (readonly FactName[])[];
  /**
   * Yes/no and category facts the rule counts as met while unknown (a stated condition listed as 还需满足, a part
   * counted until said otherwise): the bot asks instead when the user said something of them it could not read.
   */
  assumed: readonly FactName[];
}

interface CompiledException {
  when: ConditionEvaluator;
  reason: string;
  clause: string;
  quote: string;
}

interface CompiledRule {
  info: RuleInfo;
  when: ConditionEvaluator | null;
  amount: AmountEvaluator | null;
  /** The amount tree can itself rule the provision out (tiers, ranks without "以后"). */
  amountGates: boolean;
  /** Gates with their texts prepared once: the condition while undecided, the trace heading once decided. */
  gates: Array<{ condition: string; heading: string; when: ConditionEvaluator }>;
  exceptions: CompiledException[];
  /** Conditions without a fact (always listed) and with one (listed until a user's words decide them). */
  plainConditions: readonly string[];
  statedConditions: Array<{ text: string; when: ConditionEvaluator }>;
  /** Yes/no and category tests of `when` (旗舰店, 市级电商村): shown beside the user's words once stated. */
  checks: Array<{ facts: FactName[]; text: string; when: ConditionEvaluator }>;
  entityLabels: string;
  entityCondition: string;
  notes: readonly string[];
}

interface CompiledGroup {
  members: Set<string>;
  quote: string;
  clause: string;
}

/** A policy ready to evaluate. */
export interface CompiledPolicy {
  id: string;
  window: ValidityWindow;
  rules: RuleInfo[];
  /** Whether the file holds rules yet (placeholders do not). */
  encoded: boolean;
  /** `guessed`: facts inferred rather than stated; a provision they would rule out keeps them as a condition. */
  evaluate(facts: Facts, asOf: string, ruleIds?: ReadonlySet<string>, guessed?: readonly FactName[]): AwardResult[];
  /** Each rule's `checks` as {@link evaluate} gives them (they read only the facts), without evaluating the rules. */
  checks(facts: Facts, ruleIds?: ReadonlySet<string>): Array<{ rule: string; checks: StatedCheck[] }>;
}

type Leaf = Extract<Condition, { fact: FactName }>;

/** The leaves of a condition tree; `worded`: only yes/no and category tests that carry the text's words. */
function leaves(c: Condition, worded: boolean, out: Leaf[] = []): Leaf[] {
  if ("all" in c) c.all.forEach((x) => leaves(x, worded, out));
  else if ("any" in c) c.any.forEach((x) => leaves(x, worded, out));
  else if ("not" in c) leaves(c.not, worded, out);
  else if (!worded || (("is" in c || "oneOf" in c) && c.text)) out.push(c);
  return out;
}

/** Facts of yes/no tests for true and of category tests: those an unknown value lets pass (see RuleInfo.assumed). */
function metWhenUnknown(c: Condition, out: Set<FactName>): void {
  for (const l of leaves(c, false)) if (("is" in l && l.is === true) || "oneOf" in l) out.add(l.fact);
}

/** The facts of stated conditions, and of amount parts counted while their condition is unknown (`unknown: then`). */
function assumedFacts(stated: readonly Exclude<RuleCondition, string>[], amount: Rule["amount"]): FactName[] {
  const out = new Set<FactName>();
  for (const c of stated) metWhenUnknown(c.when, out);
  const walk = (a: unknown): void => {
    if (a === null || typeof a !== "object") return;
    if (Array.isArray(a)) return a.forEach(walk);
    const node = a as Record<string, unknown>;
    if (node.mechanism === "when" && node.unknown === "then") metWhenUnknown(node.when as Condition, out);
    for (const v of Object.values(node)) walk(v);
  };
  walk(amount);
  return [...out];
}

/** The values of each enum fact a condition asks for with `oneOf`, outside any `not`. */
function acceptedValues(c: Condition, out: Partial<Record<FactName, string[]>> = {}): Partial<Record<FactName, string[]>> {
  if ("all" in c) c.all.forEach((x) => acceptedValues(x, out));
  else if ("any" in c) c.any.forEach((x) => acceptedValues(x, out));
  else if ("oneOf" in c) out[c.fact] = [...(out[c.fact] ?? []), ...c.oneOf];
  return out;
}

function compileException(e: Exception): CompiledException {
  return { when: compileCondition(e.when), reason: e.reason, clause: e.clause, quote: e.quote };
}

/** Compiles one validated rule file against its validity window. */
export function compilePolicy(file: PolicyRuleFile, window: ValidityWindow): CompiledPolicy {
  const byId = new Map(file.rules.map((r) => [r.id, r]));
  const policyExceptions = [...(file.exceptions ?? [])];
  const policyConditions: readonly RuleCondition[] = file.conditions ?? [];

  const compiled: CompiledRule[] = file.rules.map((rule: Rule) => {
    const gate = rule.kind === "gate";
    const facts = new Set<FactName>();
    const gates = (rule.gates ?? []).map((g) => byId.get(g)!);
    gates.forEach((g) => conditionFacts(g.when!, facts));
    if (rule.when) conditionFacts(rule.when, facts);
    const exceptions = gate ? [] : [...(rule.exceptions ?? []), ...policyExceptions].sort((a, b) => b.priority - a.priority);
    exceptions.forEach((e) => conditionFacts(e.when, facts));
    const amountGates = rule.amount ? walkAmount(rule.amount, facts) : false;
    if (rule.entityTypes.length > 0) facts.add("entityType");
    const written = gate ? [...(rule.conditions ?? [])] : [...(rule.conditions ?? []), ...policyConditions];
    const stated = written.filter((c): c is Exclude<RuleCondition, string> => typeof c !== "string");
    return {
      info: {
        policy: file.policy,
        id: rule.id,
        clause: rule.clause,
        title: rule.title,
        quote: rule.quote,
        keywords: rule.keywords,
        entityTypes: rule.entityTypes,
        facts: [...facts],
        gate,
        upTo: rule.upTo,
        conditions: written.map(conditionText),
        qualifiers: rule.when ? leaves(rule.when, true).map((l) => l.text!) : [],
        accepts: rule.when ? acceptedValues(rule.when) : {},
        alternatives: alternativeGroups(rule),
        assumed: assumedFacts(stated, rule.amount),
      },
      when: rule.when ? compileCondition(rule.when) : null,
      amount: rule.amount ? compileAmount(rule.amount, rule.clause) : null,
      amountGates,
      gates: gates.map((g) => ({ condition: `${g.title}：${g.quote}`, heading: `${g.title}（${g.clause}）：`, when: compileCondition(g.when!) })),
      exceptions: exceptions.map(compileException),
      plainConditions: written.filter((c): c is string => typeof c === "string"),
      statedConditions: stated.map((c) => ({ text: c.text, when: compileCondition(c.when) })),
      checks: [
        ...(rule.when ? leaves(rule.when, true) : []).map((l) => ({ facts: [l.fact], text: l.text!, when: compileCondition(l) })),
        ...stated.map((c) => ({ facts: [...new Set(leaves(c.when, false).map((l) => l.fact))], text: c.text, when: compileCondition(c.when) })),
      ],
      entityLabels: rule.entityTypes.map((t) => ENTITY_TYPES[t]).join("、"),
      entityCondition: `申报主体须为：${rule.entityTypes.map((t) => ENTITY_TYPES[t]).join("、")}`,
      notes: rule.notes ?? [],
    };
  });

  const awardIds = file.rules.filter((r) => r.kind !== "gate").map((r) => r.id);
  const groups: CompiledGroup[] = (file.exclusive ?? []).map((g) => ({
    members: new Set(g.rules === "all" ? awardIds : g.rules),
    quote: g.quote,
    clause: g.clause,
  }));

  return {
    id: file.policy,
    window,
    rules: compiled.map((c) => c.info),
    encoded: compiled.length > 0,
    evaluate(facts, asOf, ruleIds, guessed = []) {
      const month = activityMonth(facts);
      const validity = judgeInForce(window, facts.activityYear, asOf, month);
      // A year (or month) the user named outside the policy's period: no provision can be met for it. A guessed
      // year (counted from today: 今年, 去年) rules nothing out; the award is computed and its status stated.
      const outside = guessed.includes("activityYear") ? null : outsidePeriod(window, facts.activityYear, month);
      const known = knownFacts(facts);
      const results: AwardResult[] = [];
      for (const rule of compiled) {
        if (ruleIds && !ruleIds.has(rule.info.id)) continue;
        // Gates (扶持范围) still say only whom the policy covers.
        results.push(outside && !rule.info.gate
          ? result(rule, facts, false, null, [], [...rule.plainConditions], [...outside], validity.inForce, validity.line, known)
          : evaluateRule(rule, facts, validity.inForce, validity.line, guessed, known));
      }
      // A provision for another applicant type than the one guessed ("13万粉丝 带货" → 带货达人, 三/(四) is for 企业)
      // waits for the type to be confirmed: it displaces no award the guessed applicant meets.
      const entity = facts.entityType;
      const guessedOther = (r: AwardResult) => {
        const types = compiled.find((c) => c.info.id === r.rule)?.info.entityTypes ?? [];
        return entity !== undefined && guessed.includes("entityType") && types.length > 0 && !types.includes(entity);
      };
      for (const group of groups) applyExclusivity(group, results, guessedOther);
      return results;
    },
    checks(facts, ruleIds) {
      const known = knownFacts(facts);
      return compiled.filter((rule) => !ruleIds || ruleIds.has(rule.info.id)).map((rule) => ({ rule: rule.info.id, checks: statedChecks(rule, facts, known) }));
    },
  };
}

function evaluateRule(rule: CompiledRule, facts: Facts, inForce: boolean | null, validityLine: string, guessed: readonly FactName[], known: ReadonlySet<string>): AwardResult {
  const { info } = rule;
  const trace: string[] = [];
  const missing: FactName[] = [];
  const straddles: Straddle[] = [];
  const conditions = [...rule.plainConditions];
  // The rule's own conditions stay together and first: one the user can still state ("整合县域80%以上快递单量")
  // is shown before who may apply and the policy-wide scope.
  let ownEnd = conditions.length;
  let failed = false;
  let unknown = false;

  const entity = facts.entityType;
  if (info.entityTypes.length > 0) {
    const mayApply = entity === undefined ? undefined : ENTITY_MAY_APPLY_AS[entity];
    if (entity === undefined) conditions.push(rule.entityCondition);
    else if (info.entityTypes.includes(entity)) trace.push(`申报主体类型：${ENTITY_TYPES[entity]} ✓`);
    else if (guessed.includes("entityType")) {
      // A guess (a follower count → 带货达人) does not rule the applicant out: who applies stays to be met.
      conditions.push(rule.entityCondition);
      trace.push(`申报主体类型：推测为${ENTITY_TYPES[entity]}（未说明）；本条适用于：${rule.entityLabels}，待确认`);
    } else if (mayApply && mayApply.as.some((t) => info.entityTypes.includes(t))) {
      conditions.push(`${rule.entityCondition}（${mayApply.note}）`);
      trace.push(`申报主体类型：${ENTITY_TYPES[entity]}；本条适用于：${rule.entityLabels}，待主管部门确认`);
    } else {
      failed = true;
      trace.push(`申报主体类型：${ENTITY_TYPES[entity]}；本条适用于：${rule.entityLabels} ✗`);
    }
  }
  // A known applicant type the provision is not for decides at once; nothing else needs checking.
  if (failed) return result(rule, facts, false, null, [], conditions, trace, inForce, validityLine, known);
  // Gates (扶持范围) decide once their facts are known; until then they are a condition to meet, so a
  // question about one provision is not held up by the policy-wide scope.
  for (const gate of rule.gates) {
    const r = gate.when(facts);
    if (r.value === null) conditions.push(gate.condition);
    else trace.push(gate.heading, ...indent(r.lines));
    if (r.value === false) failed = true;
  }
  if (rule.when) {
    const r = rule.when(facts);
    trace.push(...r.lines);
    if (r.value === false) failed = true;
    else if (r.value === null) {
      unknown = true;
      addMissing(missing, r.missing);
      addStraddles(straddles, r.straddles);
    }
  }
  // Conditions a user may state: unknown ones stay conditions to meet; stated ones decide like `when`.
  for (const c of rule.statedConditions) {
    const r = c.when(facts);
    if (r.value === null) conditions.splice(ownEnd++, 0, c.text);
    else {
      trace.push(`${c.text}：`, ...indent(r.lines));
      if (r.value === false) failed = true;
    }
  }
  // Exceptions: the first that holds decides; unknown ones become conditions to meet, not questions.
  for (const e of rule.exceptions) {
    const r = e.when(facts);
    if (r.value === true) {
      failed = true;
      trace.push(`例外（${e.clause}）：${e.reason} ✗`, ...indent(r.lines));
      break;
    }
    if (r.value === null) conditions.push(e.quote);
  }

  let amountFen: number | null = null;
  let amountRange: AwardResult["amountRange"];
  let perPeriod: AwardResult["perPeriod"];
  if (rule.amount && !failed) {
    const a = rule.amount(facts);
    trace.push("金额：", ...indent(a.lines));
    addStraddles(straddles, a.straddles);
    if (a.notReached) {
      failed = true;
      trace.push(`✗ ${a.notReached}`);
    } else if (a.valueFen === 0 && !a.highFen && a.missing.length === 0) {
      // "只花了钱盖房子土建 没搞装修也没买设备": nothing the clause pays for, so no award (not "最高0元").
      failed = true;
      trace.push("✗ 按你说的情况，没有可补助的部分");
    } else {
      amountFen = a.valueFen;
      if (a.valueFen !== null && a.highFen !== undefined && a.highFen !== a.valueFen) {
        // A range, not a figure: stated as such, and when too wide to help, the exact input is asked for.
        const approx = info.facts.filter((f) => isApprox(facts[f]));
        amountFen = null;
        amountRange = {
          lowFen: a.valueFen,
          highFen: Number.isFinite(a.highFen) ? a.highFen : null,
          facts: approx,
          words: approx.map((f) => formatFactValue(f, facts[f])),
        };
        if (tooWide(a.valueFen, a.highFen)) addMissing(missing, approx);
      }
      if (a.missing.length > 0) {
        addMissing(missing, a.missing);
        if (rule.amountGates) unknown = true;
      }
      if (a.unchecked) conditions.push(...a.unchecked);
      perPeriod = a.perPeriod;
    }
  }
  const r = result(rule, facts, failed ? false : unknown ? null : true, amountFen, missing, conditions, trace, inForce, validityLine, known);
  if (r.eligible !== false) {
    if (amountRange) r.amountRange = amountRange;
    if (straddles.length > 0) r.straddles = straddles;
    if (perPeriod) r.perPeriod = perPeriod;
  }
  return r;
}

/** A range helps the applicant when its ends are within this fraction of the upper end. */
const USEFUL_RANGE = 0.2;

function tooWide(low: number, high: number): boolean {
  return !Number.isFinite(high) || high - low > high * USEFUL_RANGE;
}

/** The facts with a value (a key may hold undefined). */
function knownFacts(facts: Facts): ReadonlySet<string> {
  const known = new Set<string>();
  for (const [name, value] of Object.entries(facts)) if (value !== undefined) known.add(name);
  return known;
}

/**
 * The worded conditions a known fact decides, for showing beside the user's words. `known`: the facts with a
 * value, found once for all the rules checked (a set lookup, not a property lookup of every test's fact).
 */
function statedChecks(rule: CompiledRule, facts: Facts, known = knownFacts(facts)): StatedCheck[] {
  const out: StatedCheck[] = [];
  for (const c of rule.checks) {
    // Most tests read no known fact: nothing to evaluate (nor any list to make; this runs for every candidate rule).
    if (!c.facts.some((f) => known.has(f))) continue;
    const value = c.when(facts).value;
    if (value !== null) out.push({ facts: c.facts.filter((f) => facts[f] !== undefined), text: c.text, holds: value });
  }
  return out;
}

/** Assembles the AwardResult; an ineligible rule carries no amount and no missing facts. */
function result(
  rule: CompiledRule,
  facts: Facts,
  eligible: boolean | null,
  amountFen: number | null,
  missing: FactName[],
  conditions: string[],
  trace: string[],
  inForce: boolean | null,
  validityLine: string,
  /** The facts with a value (see {@link knownFacts}), found once for all the rules evaluated. */
  known: ReadonlySet<string>,
): AwardResult {
  const { info } = rule;
  // Readings the rule file states (interpretations not tied to one comparison) belong in the explanation.
  for (const note of rule.notes) trace.push(`解释：${note}`);
  trace.push(validityLine);
  const failed = eligible === false;
  return {
    policy: info.policy,
    rule: info.id,
    clause: info.clause,
    title: info.title,
    eligible,
    amountFen: failed ? null : amountFen,
    upTo: info.upTo,
    inForce,
    conditions,
    missing: failed ? [] : missing,
    trace,
    quote: info.quote,
    checks: statedChecks(rule, facts, known),
  };
}

/**
 * "只享受其中一项" / "不重复奖励": among members that are eligible with an amount, the largest is kept
 * (first in document order on ties); the others become ineligible with a trace line saying why. Every
 * member still open carries the group's words as a condition.
 */
function applyExclusivity(group: CompiledGroup, results: AwardResult[], unconfirmed: (r: AwardResult) => boolean): void {
  const members = results.filter((r) => group.members.has(r.rule));
  // Awards for the applicant as understood compete; one awaiting another applicant type competes only when no award fits.
  const fitting = members.filter((r) => !unconfirmed(r));
  const competing = fitting.some((r) => r.eligible === true && r.amountFen !== null) ? fitting : members;
  let kept: AwardResult | null = null;
  for (const r of competing) {
    if (r.eligible === true && r.amountFen !== null && (kept === null || r.amountFen > kept.amountFen!)) kept = r;
  }
  // First drop the smaller ones, then annotate: the kept one's note must not depend on document order.
  let dropped = false;
  for (const r of competing) {
    if (kept && r !== kept && r.eligible === true && r.amountFen !== null) {
      r.trace.push(`不重复享受（${group.clause}）：“${group.quote}”——已按金额较高的「${kept.title}」${formatFen(kept.amountFen!)}计，本项${formatFen(r.amountFen)}不另兑现 ✗`);
      r.eligible = false;
      r.amountFen = null;
      r.missing = [];
      r.keptInstead = kept.rule;
      dropped = true;
    }
  }
  for (const r of members) {
    if (r.eligible === false) continue;
    if (!r.conditions.includes(group.quote)) r.conditions.push(group.quote);
    if (r === kept && dropped) r.trace.push(`不重复享受（${group.clause}）：同组中本项金额最高，予以保留`);
  }
}
