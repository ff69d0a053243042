/** The facts an amount tree reads (for selection, for asking, and for caps that apply per instance). */
import { conditionFacts } from "./conditions.js";
import type { FactName } from "./facts.js";
import type { Amount } from "./ruleSchema.js";

/** Facts an amount tree reads, and whether it can rule the provision out. */
export function walkAmount(a: Amount, facts: Set<FactName>): boolean {
  if (typeof a === "string") return false;
  switch (a.mechanism) {
    case "fixed":
    case "notComputable":
      return false;
    case "tierTable":
      if (a.fact) facts.add(a.fact);
      if (a.earlier) facts.add(a.earlier);
      for (const t of a.tiers) {
        if ("when" in t) conditionFacts(t.when, facts);
        walkAmount(t.amount, facts);
      }
      return true;
    case "perUnit":
      facts.add(a.fact);
      return false;
    case "percentOf":
      if (typeof a.of === "string") facts.add(a.of as FactName);
      else return walkAmount(a.of, facts);
      return false;
    case "product":
      for (const f of a.times) {
        if ("fact" in f) facts.add(f.fact);
        else if (f.limitedBy) facts.add(f.limitedBy.fact);
      }
      return walkAmount(a.of, facts);
    case "sum":
      // A part below its own threshold counts 0; it does not rule the whole out.
      a.parts.forEach((p) => walkAmount(p, facts));
      if (a.leftOutAsNone) conditionFacts(a.leftOutAsNone, facts);
      return false;
    case "capMin":
      a.caps.forEach((c) => walkAmount(c.amount, facts));
      return walkAmount(a.of, facts);
    case "rankTable": {
      facts.add(a.fact ?? "rank");
      const inner = a.places.map((p) => walkAmount(p.amount, facts)).some(Boolean);
      if (a.after) walkAmount(a.after.amount, facts);
      return inner || !a.after;
    }
    case "when":
      conditionFacts(a.when, facts);
      return [walkAmount(a.then, facts), a.else ? walkAmount(a.else, facts) : false].some(Boolean);
  }
}
