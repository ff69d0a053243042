/** A percentage of an input: "给予50%补助", "按15%的比例给予补助". Fractions of a fen are dropped. */
import { factLabel, type FactName, type Quantity } from "../facts.js";
import { formatFactValue } from "../formatFact.js";
import { applyRatio, formatFenRange, formatPercent, parsePercent, ratioIsExact } from "../money.js";
import { boundsOf } from "../quantity.js";
import type { Amount } from "../ruleSchema.js";
import { highOf, indent, type AmountEvaluator, type AmountOutcome, type CompileContext } from "./mechanism.js";

export function compilePercentOf(node: { percent: number | string; of: FactName | Amount }, ctx: CompileContext): AmountEvaluator {
  const rate = parsePercent(node.percent);
  const shownRate = formatPercent(rate);
  let base: (facts: Parameters<AmountEvaluator>[0]) => AmountOutcome & { label: string; shown?: string };
  if (typeof node.of === "string" && !/元$/.test(node.of)) {
    const fact = node.of as FactName;
    const label = factLabel(fact);
    base = (facts) => {
      const v = facts[fact] as Quantity | undefined;
      if (v === undefined) return { valueFen: null, lines: [`${label}：未知`], missing: [fact], label };
      const b = boundsOf(v);
      return { valueFen: b.low, ...(b.high !== b.low ? { highFen: b.high } : {}), lines: [], missing: [], label, shown: formatFactValue(fact, v) };
    };
  } else {
    const inner = ctx.amount(node.of as Amount);
    base = (facts) => ({ ...inner(facts), label: "基数" });
  }
  const times = (fen: number) => (Number.isFinite(fen) ? applyRatio(fen, rate) : fen);
  return (facts) => {
    const b = base(facts);
    if (b.valueFen === null) return { valueFen: null, lines: b.lines, missing: b.missing, notReached: b.notReached, straddles: b.straddles };
    const high = highOf(b)!;
    const valueFen = times(b.valueFen);
    const highFen = times(high);
    const rounding = ratioIsExact(b.valueFen, rate) && (!Number.isFinite(high) || ratioIsExact(high, rate)) ? "" : "（不足1分舍去）";
    const shownBase = b.shown ?? formatFenRange(b.valueFen, high);
    return {
      valueFen,
      ...(highFen !== valueFen ? { highFen } : {}),
      lines: [...indent(b.lines), `${b.label} ${shownBase} × ${shownRate} = ${formatFenRange(valueFen, highFen)}${rounding}`],
      missing: [],
      unchecked: b.unchecked,
      straddles: b.straddles,
    };
  };
}
