/**
 * What "the drafter reproduced a provision exactly" means: same clause, mechanism tree, thresholds (with
 * their reading), amounts and caps. Fact names, titles, keywords and wording notes are not compared:
 * staff choose those when they confirm.
 */
import { COMPARISON_WORDS, type ComparisonWord } from "../comparisonWords.js";
import { parseMoney, parsePercent, parseQuantity } from "../money.js";
import type { Amount, Condition, Rule } from "../ruleSchema.js";

const num = (v: number | string) => (typeof v === "number" ? v : /元$/.test(v) ? parseMoney(v) : parseQuantity(v));

function opOf(word: ComparisonWord | undefined, op: string | undefined): string {
  return op ?? (word ? (COMPARISON_WORDS[word] as { op?: string }).op ?? "?" : "?");
}

function condition(c: Condition): unknown {
  if ("all" in c) return { all: c.all.map(condition) };
  if ("any" in c) return { any: c.any.map(condition) };
  if ("not" in c) return { not: condition(c.not) };
  if ("word" in c) return [opOf(c.word, c.op), num(c.value)];
  return "fact";
}

function amount(a: Amount): unknown {
  if (typeof a === "string") return parseMoney(a);
  switch (a.mechanism) {
    case "fixed":
      return parseMoney(a.amount);
    case "tierTable":
      return { tiers: a.tiers.map((t) => ("threshold" in t ? [opOf(a.word, a.op), num(t.threshold), amount(t.amount)] : [condition(t.when), amount(t.amount)])) };
    case "rankTable":
      return { ranks: a.places.map((p) => [p.through, amount(p.amount)]), after: a.after ? amount(a.after.amount) : null };
    case "perUnit":
      return { perUnit: [num(a.unit), parseMoney(a.amountPerUnit)] };
    case "percentOf": {
      const r = parsePercent(a.percent);
      return { percent: `${r.num}/${r.den}`, of: typeof a.of === "string" ? "fact" : amount(a.of) };
    }
    case "product":
      return { product: amount(a.of), times: a.times.map((t) => ("fact" in t ? "fact" : t.constant)) };
    case "sum":
      return { sum: a.parts.map(amount) };
    case "capMin":
      return { cap: amount(a.of), caps: a.caps.map((c) => JSON.stringify(amount(c.amount))).sort() };
    case "when":
      return { when: condition(a.when), then: amount(a.then), else: a.else ? amount(a.else) : null };
    case "notComputable":
      return "notComputable";
  }
}

/** The comparable signature of a rule's provision. */
export function provisionSignature(rule: Rule): string {
  return JSON.stringify({ clause: rule.clause, amount: rule.amount ? amount(rule.amount) : null });
}
