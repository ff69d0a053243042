/**
 * "How is it regulated / is it really 50万?" asked with no facts: answer with what the provision grants an
 * applicant who meets it. The facts of such an applicant are read off the rule's own conditions (each
 * threshold at the highest tier, rank 1, every required yes/no satisfied) and the engine evaluates the
 * rule on them, so the figure is still the engine's. The trace says it is a worked example, not the
 * user's case. Provisions whose amount scales with an input (a percentage, a per-unit rate) have no
 * single figure and are not described this way.
 */
import { defaultPhrase } from "../rules/comparisonWords.js";
import type { FactName, Facts } from "../rules/facts.js";
import { ENTITY_TYPES, FACTS, factLabel } from "../rules/facts.js";
import { formatFactValue } from "../rules/formatFact.js";
import type { AwardResult } from "../rules/awardResult.js";
import { valueForFact, type Amount, type Condition, type PolicyRuleFile, type Rule } from "../rules/ruleSchema.js";

/** Facts of an applicant who just meets `condition` (first branch of an "any"). */
function satisfy(condition: Condition, out: Record<string, unknown>): void {
  if ("all" in condition) condition.all.forEach((c) => satisfy(c, out));
  else if ("any" in condition) satisfy(condition.any[0]!, out);
  else if ("not" in condition) {
    const inner = condition.not;
    if ("is" in inner) out[inner.fact] = !inner.is;
  } else if ("is" in condition) out[condition.fact] = condition.is;
  else if ("oneOf" in condition) out[condition.fact] = condition.oneOf[0];
  else if ("word" in condition) {
    const threshold = valueForFact(condition.fact, condition.value);
    out[condition.fact] = typeof threshold === "number" ? justBeyond(condition.fact, threshold, condition.op ?? opOf(condition.word)) : threshold;
  }
}

/** The operator a plain word implies when the rule gives none (ambiguous words always give one). */
function opOf(word: string): string {
  return /以下|以内|不超过|前/.test(word) ? "lte" : word === "不满" ? "lt" : word === "超过" || word === "大于" ? "gt" : "gte";
}

/** The smallest value that satisfies `fact op threshold` (a step of 1 in the fact's unit). */
function justBeyond(fact: FactName, threshold: number, op: string): number {
  const step = FACTS[fact].unit === "fen" ? 100 : FACTS[fact].unit === "day" ? 0.5 : 1;
  if (op === "gt") return threshold + step;
  if (op === "lt") return Math.max(threshold - step, 0);
  return threshold;
}

/**
 * Facts for the highest tier of an amount tree, or null when the amount scales with an input and so
 * has no single figure to describe.
 */
function topOfAmount(amount: Amount, out: Record<string, unknown>): boolean {
  if (typeof amount === "string") return true;
  switch (amount.mechanism) {
    case "fixed":
    case "notComputable":
      return true;
    case "tierTable": {
      const top = amount.tiers.at(-1)!;
      if ("when" in top) satisfy(top.when, out);
      else out[amount.fact!] = justBeyond(amount.fact!, valueForFact(amount.fact!, top.threshold) as number, amount.op ?? opOf(amount.word!));
      return topOfAmount(top.amount, out);
    }
    case "rankTable":
      out[amount.fact ?? "rank"] = 1;
      return topOfAmount(amount.places[0]!.amount, out);
    case "capMin":
      return topOfAmount(amount.of, out);
    case "when":
      satisfy(amount.when, out);
      return topOfAmount(amount.then, out);
    case "sum":
      return amount.parts.every((p) => topOfAmount(p, out));
    default:
      return false;
  }
}

/** Facts of an applicant who meets `rule` at its top tier, or null when the provision has no single figure. */
export function qualifyingFacts(rule: Rule, file: PolicyRuleFile): Facts | null {
  const out: Record<string, unknown> = {};
  for (const gateId of rule.gates ?? []) {
    const gate = file.rules.find((r) => r.id === gateId);
    if (gate?.when) satisfy(gate.when, out);
  }
  if (rule.when) satisfy(rule.when, out);
  if (!rule.amount || !topOfAmount(rule.amount, out)) return null;
  if (rule.entityTypes.length > 0) out.entityType = rule.entityTypes[0];
  return out as Facts;
}

/** The first trace line of a described provision: a worked example, not the user's case. */
export const EXAMPLE_TRACE = "按条文举例：以刚好达到条件（最高档）的申请人测算，并非你的实际情况";

/** The first trace line of a provision described by its formula (it scales with an input, or has parts). */
export const FORMULA_TRACE = "按条文的计算方法：金额随申请人的实际数字而定，并非你的实际情况";

/**
 * The text's own phrase around `money` that starts with 每 ("每个岗位2000元", "每实现1万元，最高给予4元"), in
 * quotation marks, or undefined. Read off the quote, so it is verbatim and every number in it is the clause's
 * (the number guard reads a quoted figure as the document's, not as an amount promised to the asker).
 */
function perPhrase(quote: string, money: string): string | undefined {
  const at = quote.indexOf(money);
  if (at < 0) return undefined;
  const start = quote.lastIndexOf("每", at);
  return start >= 0 && at - start <= 12 && !/[。；;]/.test(quote.slice(start, at)) ? `“${quote.slice(start, at + money.length)}”` : undefined;
}

/**
 * An amount tree in the clause's words, part by part: "2.4万元 + 每个岗位2000元",
 * "每实现1万元，最高给予4元（每家企业最高补贴40万元）". Every figure is a literal of the rule file, which writes
 * amounts as the clause does, so the words stay grounded in the quote. Undefined for amounts with no
 * formula (notComputable) — those are described by their reason.
 */
export function amountInWords(amount: Amount, quote: string): string | undefined {
  const factName = (f: FactName) => FACTS[f].label;
  if (typeof amount === "string") return amount;
  switch (amount.mechanism) {
    case "fixed":
      return amount.amount;
    case "sum": {
      const parts = amount.parts.map((p) => amountInWords(p, quote));
      return parts.every(Boolean) ? parts.join(" + ") : undefined;
    }
    case "product": {
      const of = amountInWords(amount.of, quote);
      if (!of) return undefined;
      const facts = amount.times.map((t) => ("fact" in t ? factName(t.fact) : t.label));
      return perPhrase(quote, of) ?? `${of}×${facts.join("×")}`;
    }
    case "perUnit":
      return perPhrase(quote, amount.amountPerUnit) ?? `${factName(amount.fact)}每${amount.unit}${amount.amountPerUnit}`;
    case "percentOf": {
      const of = typeof amount.of === "string" ? factName(amount.of) : amountInWords(amount.of, quote);
      return of ? `${of}的${amount.percent}%` : undefined;
    }
    case "capMin": {
      const of = amountInWords(amount.of, quote);
      return of ? `${of}（${amount.caps.map((c) => `“${c.quote}”`).join("，")}）` : undefined;
    }
    case "tierTable":
      return amountInWords(amount.tiers.at(-1)!.amount, quote);
    case "rankTable":
      return amountInWords(amount.places[0]!.amount, quote);
    case "when":
      return amountInWords(amount.then, quote);
    default:
      return undefined;
  }
}

/** A condition in the clause's words: its own `text`, else the word and value as the text writes them. */
function conditionWords(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionWords);
  if ("any" in condition) {
    const options = condition.any.map((c) => conditionWords(c).join("且")).filter(Boolean);
    return options.length > 0 ? [options.join("，或")] : [];
  }
  if ("not" in condition) return conditionWords(condition.not).map((w) => `不属于：${w}`);
  if (condition.text) return [condition.text];
  if ("word" in condition) return [defaultPhrase(condition.word, String(condition.value))];
  return [];
}

/**
 * How the amount is set, in the rule file's literals (written as the clause writes them): each tier with its
 * threshold ("达到1000万元：20万元；达到2000万元：40万元"), each rank band, else the formula of
 * {@link amountInWords}. Undefined when the clause gives no formula.
 */
function amountRuleWords(amount: Amount, quote: string): string | undefined {
  if (typeof amount === "string") return amount;
  switch (amount.mechanism) {
    case "tierTable": {
      const tiers = amount.tiers.map((tier) => {
        const inner = amountRuleWords(tier.amount, quote);
        const label = amount.fact ? FACTS[amount.fact].label : "";
        const when = "when" in tier ? conditionWords(tier.when).join("且") : `${label}${defaultPhrase(amount.word ?? "达到", String(tier.threshold))}`;
        return inner && `${when}：${inner}`;
      });
      return tiers.every(Boolean) ? tiers.join("；") : undefined;
    }
    case "rankTable": {
      const bands = amount.places.map((p, i) => {
        const from = i === 0 ? 1 : amount.places[i - 1]!.through + 1;
        const inner = amountRuleWords(p.amount, quote);
        return inner && (from === p.through ? `第${from}名${inner}` : from === 1 ? `前${p.through}名${inner}` : `第${from}至${p.through}名${inner}`);
      });
      const after = amount.after && amountRuleWords(amount.after.amount, quote);
      const all = after ? [...bands, `${amount.places.at(-1)!.through}名以后${after}`] : bands;
      return all.every(Boolean) ? all.join("，") : undefined;
    }
    case "when": {
      const then = amountRuleWords(amount.then, quote);
      return then && `${conditionWords(amount.when).join("且")}的${then}`;
    }
    case "sum": {
      // Parts with conditions of their own ("安排就餐的，再给予30元/人") keep them.
      const parts = amount.parts.map((p) => amountRuleWords(p, quote));
      return parts.every(Boolean) ? parts.join(" + ") : undefined;
    }
    case "product": {
      // Only a sum of parts needs its own words here; a single rate reads as the clause's "每个岗位2000元".
      const of = typeof amount.of !== "string" && amount.of.mechanism === "sum" ? amountRuleWords(amount.of, quote) : undefined;
      if (!of) return amountInWords(amount, quote);
      const factors = amount.times.map((t) => ("fact" in t ? FACTS[t.fact].label : t.label));
      return `（${of}）×${factors.join("×")}`;
    }
    default:
      return amountInWords(amount, quote);
  }
}

/**
 * The provision as a rule a careful adviser explains before any example: whom it is for, its own conditions
 * in the clause's words, and how the amount is set. Every figure is a literal of the rule file, so it stands
 * in the clause's quote.
 */
export function ruleInWords(rule: Rule): ProvisionWords {
  const who = rule.entityTypes.map((e) => ENTITY_TYPES[e]);
  const conditions = [...new Set(rule.when ? conditionWords(rule.when) : [])];
  const amount = rule.amount && amountRuleWords(rule.amount, rule.quote);
  return { who, conditions, amount };
}

/** A provision explained as a rule: whom it is for, its conditions, how the amount is set, and a labelled example. */
export interface ProvisionWords {
  who: string[];
  conditions: string[];
  amount?: string;
  /** The worked example's applicant ("粉丝数10万、年网络零售额100万元"), when the provision has a single figure. */
  example?: string;
}

/** A described provision (see PolicyCatalog.describe): the engine's result on an example applicant, with the rule in words. */
export type DescribedResult = AwardResult & { words?: ProvisionWords };

/** true for a result that describes the provision as the text gives it (a worked example or a formula), not the asker's case. */
export function isDescription(r: AwardResult): boolean {
  return r.trace[0] === EXAMPLE_TRACE || r.trace[0] === FORMULA_TRACE;
}

/** A value of the example applicant as the text would write it: round counts in 万 ("10万"), money in 元/万元. */
function exampleValue(fact: FactName, value: unknown): string {
  const unit = FACTS[fact].unit;
  if (unit === "count" && typeof value === "number" && value >= 10_000 && value % 1_000 === 0) return `${value / 10_000}万`;
  return formatFactValue(fact, value);
}

/** The example applicant's facts in words ("粉丝数10万、年网络零售额100万元"); yes/no facts by their label when true. */
export function exampleInWords(facts: Facts): string {
  return (Object.entries(facts) as [FactName, unknown][])
    .filter(([fact, value]) => fact !== "entityType" && value !== false)
    .map(([fact, value]) => (FACTS[fact].unit === "bool" ? factLabel(fact) : `${factLabel(fact)}${exampleValue(fact, value)}`))
    .join("、");
}
