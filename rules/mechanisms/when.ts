/** Conditional part: "安排就餐的，再给予30元/人补助" — the part counts only when its condition holds. */
import type { Amount, Condition } from "../ruleSchema.js";
import { formatFen } from "../money.js";
import { indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";

export function compileWhen(node: { when: Condition; then: Amount; else?: Amount; label?: string; unknown?: "then" }, ctx: CompileContext): AmountEvaluator {
  const cond = ctx.condition(node.when);
  const then = ctx.amount(node.then);
  const otherwise = node.else ? ctx.amount(node.else) : null;
  const label = node.label ? `${node.label}：` : "";
  const required = leafTexts(node.when).join("，") || "本部分的条件";
  return (facts) => {
    const c = cond(facts);
    if (c.value === null) {
      if (node.unknown !== "then") return { valueFen: null, lines: [`${label}条件未知`, ...indent(c.lines)], missing: c.missing, straddles: c.straddles };
      // Counted until the user says otherwise; the rule's conditions name what is still to be met.
      const r = then(facts);
      const unstated = r.valueFen === null ? { unstated: true } : {};
      return { ...r, ...unstated, lines: [`${label}条件未说明，先按成立计算`, ...indent(c.lines), ...r.lines] };
    }
    if (c.value) {
      const r = then(facts);
      return { ...r, lines: [`${label}条件成立`, ...indent(c.lines), ...r.lines] };
    }
    if (otherwise) {
      const r = otherwise(facts);
      return { ...r, lines: [`${label}条件不成立，按另一情形`, ...indent(c.lines), ...r.lines] };
    }
    const none = { valueFen: 0, lines: [`${label}条件不成立，本部分不计（${formatFen(0)}）`, ...indent(c.lines)], missing: [] };
    // A part the user's own words ruled out is said beside the amount, not only in the trace.
    return node.unknown === "then" ? { ...none, unchecked: [`${label}未计入（按你说的，不满足“${required}”）`] } : none;
  };
}

/** The words of a condition's leaves, as the text states them ("签订1年及以上期限劳动合同"). */
function leafTexts(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(leafTexts);
  if ("any" in c) return c.any.flatMap(leafTexts);
  if ("not" in c) return [];
  return c.text ? [c.text] : [];
}
