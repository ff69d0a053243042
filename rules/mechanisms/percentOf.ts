/** A percentage of an input: "给予50%补助", "按15%的比例给予补助". Fractions of a fen are dropped. */
import { factLabel, type FactName } from "../facts.js";
import { applyRatio, formatFen, formatPercent, parsePercent, ratioIsExact } from "../money.js";
import type { Amount } from "../ruleSchema.js";
import { indent, type AmountEvaluator, type AmountOutcome, type CompileContext } from "./mechanism.js";

export function compilePercentOf(node: { percent: number | string; of: FactName | Amount }, ctx: CompileContext): AmountEvaluator {
  const rate = parsePercent(node.percent);
  const shownRate = formatPercent(rate);
  let base: (facts: Parameters<AmountEvaluator>[0]) => AmountOutcome & { label: string };
  if (typeof node.of === "string" && !/元$/.test(node.of)) {
    const fact = node.of as FactName;
    const label = factLabel(fact);
    base = (facts) => {
      const v = facts[fact] as number | undefined;
      return v === undefined ? { valueFen: null, lines: [`${label}：未知`], missing: [fact], label } : { valueFen: v, lines: [], missing: [], label };
    };
  } else {
    const inner = ctx.amount(node.of as Amount);
    base = (facts) => ({ ...inner(facts), label: "基数" });
  }
  return (facts) => {
    const b = base(facts);
    if (b.valueFen === null) return { valueFen: null, lines: b.lines, missing: b.missing, notReached: b.notReached };
    const valueFen = applyRatio(b.valueFen, rate);
    const rounding = ratioIsExact(b.valueFen, rate) ? "" : "（不足1分舍去）";
    return {
      valueFen,
      lines: [...indent(b.lines), `${b.label} ${formatFen(b.valueFen)} × ${shownRate} = ${formatFen(valueFen)}${rounding}`],
      missing: [],
      unchecked: b.unchecked,
    };
  };
}
