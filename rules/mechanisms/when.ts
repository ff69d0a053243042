/** Conditional part: "安排就餐的，再给予30元/人补助" — the part counts only when its condition holds. */
import type { Amount, Condition } from "../ruleSchema.js";
import { formatFen } from "../money.js";
import { indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";

export function compileWhen(node: { when: Condition; then: Amount; else?: Amount; label?: string }, ctx: CompileContext): AmountEvaluator {
  const cond = ctx.condition(node.when);
  const then = ctx.amount(node.then);
  const otherwise = node.else ? ctx.amount(node.else) : null;
  const label = node.label ? `${node.label}：` : "";
  return (facts) => {
    const c = cond(facts);
    if (c.value === null) return { valueFen: null, lines: [`${label}条件未知`, ...indent(c.lines)], missing: c.missing, straddles: c.straddles };
    if (c.value) {
      const r = then(facts);
      return { ...r, lines: [`${label}条件成立`, ...indent(c.lines), ...r.lines] };
    }
    if (otherwise) {
      const r = otherwise(facts);
      return { ...r, lines: [`${label}条件不成立，按另一情形`, ...indent(c.lines), ...r.lines] };
    }
    return { valueFen: 0, lines: [`${label}条件不成立，本部分不计（${formatFen(0)}）`, ...indent(c.lines)], missing: [] };
  };
}
