/** Sum of parts: "给予2.4万元一次性创业补贴…给予每个岗位2000元的一次性创业岗位开发补贴". */
import { formatFen } from "../money.js";
import type { Amount } from "../ruleSchema.js";
import { addMissing, indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";
import type { FactName } from "../facts.js";

export function compileSum(node: { parts: Amount[] }, ctx: CompileContext): AmountEvaluator {
  const parts = node.parts.map((p) => ctx.amount(p));
  return (facts) => {
    const lines: string[] = [];
    const missing: FactName[] = [];
    const unchecked: string[] = [];
    const values: number[] = [];
    for (const [i, part] of parts.entries()) {
      const r = part(facts);
      lines.push(`第${i + 1}部分：`, ...indent(r.lines));
      if (r.unchecked) unchecked.push(...r.unchecked);
      // A part below its own threshold adds nothing; it does not void the other parts.
      if (r.notReached) values.push(0);
      else if (r.valueFen === null) addMissing(missing, r.missing);
      else values.push(r.valueFen);
    }
    if (missing.length > 0) return { valueFen: null, lines, missing, unchecked };
    const valueFen = values.reduce((a, b) => a + b, 0);
    lines.push(`合计：${values.map(formatFen).join(" + ")} = ${formatFen(valueFen)}`);
    return { valueFen, lines, missing: [], unchecked };
  };
}
