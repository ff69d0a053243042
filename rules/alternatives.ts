/**
 * Facts a rule reads as alternatives: the branches of an `any` ("新安排就业达到100人以上，或安排残疾人就业20人以上")
 * and a tier table's fact with the fact that bounds it (`boundedBy`: 全国性电商平台销售额 ≤ 网络零售额). One of a
 * group stated, the others are no measure the user still owes: choosing the provision (bot/selectRules.ts) counts
 * them as given.
 */
import { conditionFacts } from "./conditions.js";
import type { FactName } from "./facts.js";
import type { Condition, Rule } from "./ruleSchema.js";

/** Groups of two or more facts, any one of which stands for the group; looked for anywhere in the rule's tree. */
export function alternativeGroups(rule: Rule): FactName[][] {
  const groups: FactName[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.any)) {
      const facts = conditionFacts(o as Condition);
      if (facts.size > 1) groups.push([...facts]);
    }
    if (typeof o.boundedBy === "string" && typeof o.fact === "string") groups.push([o.fact as FactName, o.boundedBy as FactName]);
    for (const v of Object.values(o)) walk(v);
  };
  walk([rule.when, rule.amount]);
  return groups;
}
