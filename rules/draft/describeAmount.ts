import type { Amount } from "../ruleSchema.js";

/** A short Chinese reading of an amount tree, for reports and the 政策 page. */
export function describeAmount(a: Amount | undefined): string {
  if (a === undefined) return "—";
  if (typeof a === "string") return a;
  switch (a.mechanism) {
    case "fixed":
      return a.amount;
    case "tierTable":
      return `分档 ${a.tiers.map((t) => ("threshold" in t ? `${t.threshold}→${describeAmount(t.amount)}` : describeAmount(t.amount))).join("，")}`;
    case "rankTable":
      return `名次 ${a.places.map((p) => `前${p.through}→${describeAmount(p.amount)}`).join("，")}${a.after ? `，之后→${describeAmount(a.after.amount)}` : ""}`;
    case "perUnit":
      return `每${a.unit}给${a.amountPerUnit}`;
    case "percentOf":
      return `${a.percent}% × ${typeof a.of === "string" ? a.of : describeAmount(a.of)}`;
    case "product":
      return `${describeAmount(a.of)} × ${a.times.map((t) => ("fact" in t ? t.fact : `${t.constant}${t.label}`)).join(" × ")}`;
    case "sum":
      return a.parts.map(describeAmount).join(" + ");
    case "capMin":
      return `${describeAmount(a.of)}，上限 ${a.caps.map((c) => describeAmount(c.amount)).join("、")}`;
    case "when":
      return `${describeAmount(a.then)}（条件）`;
    case "notComputable":
      return `无金额：${a.reason}`;
  }
}

