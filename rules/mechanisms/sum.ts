/** Sum of parts: "给予2.4万元一次性创业补贴…给予每个岗位2000元的一次性创业岗位开发补贴". Ranges add at each end. */
import { formatFenRange } from "../money.js";
import type { Amount } from "../ruleSchema.js";
import { addMissing, addStraddles, highOf, indent, type AmountEvaluator, type CompileContext, type Straddle } from "./mechanism.js";
import type { FactName } from "../facts.js";

export function compileSum(node: { parts: Amount[] }, ctx: CompileContext): AmountEvaluator {
  const parts = node.parts.map((p) => ctx.amount(p));
  return (facts) => {
    const lines: string[] = [];
    const missing: FactName[] = [];
    const unchecked: string[] = [];
    const straddles: Straddle[] = [];
    const values: Array<[low: number, high: number]> = [];
    for (const [i, part] of parts.entries()) {
      const r = part(facts);
      lines.push(`第${i + 1}部分：`, ...indent(r.lines));
      if (r.unchecked) unchecked.push(...r.unchecked);
      addStraddles(straddles, r.straddles);
      // A part below its own threshold adds nothing; it does not void the other parts.
      if (r.notReached) values.push([0, 0]);
      else if (r.valueFen === null) addMissing(missing, r.missing);
      else values.push([r.valueFen, highOf(r)!]);
    }
    const withStraddles = straddles.length > 0 ? { straddles } : {};
    if (missing.length > 0) return { valueFen: null, lines, missing, unchecked, ...withStraddles };
    const valueFen = values.reduce((a, [low]) => a + low, 0);
    const highFen = values.reduce((a, [, high]) => a + high, 0);
    lines.push(`合计：${values.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(valueFen, highFen)}`);
    return { valueFen, ...(highFen !== valueFen ? { highFen } : {}), lines, missing: [], unchecked, ...withStraddles };
  };
}
