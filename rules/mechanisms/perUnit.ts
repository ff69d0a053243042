/**
 * Per-unit amount: "每实现1万元，最高给予4元".
 * Rounding is the rule's choice and is shown in the trace:
 * - wholeUnits: only completed units count (每实现1万元: 1.99万 is one unit);
 * - proRata: the amount is proportional, fractions of a fen dropped.
 * An approximate input gives a range: the amount at each end.
 */
import { factLabel, type FactName, type Quantity } from "../facts.js";
import { formatFactValue } from "../formatFact.js";
import { formatFen, formatFenRange, mulDivFloor, parseMoney } from "../money.js";
import { boundsOf } from "../quantity.js";
import { valueForFact, type Value } from "../ruleSchema.js";
import type { AmountEvaluator } from "./mechanism.js";

export function compilePerUnit(node: { fact: FactName; unit: Value; amountPerUnit: string; rounding: "wholeUnits" | "proRata" }): AmountEvaluator {
  const { fact, rounding } = node;
  const unit = valueForFact(fact, node.unit) as number;
  const per = parseMoney(node.amountPerUnit);
  const label = factLabel(fact);
  const unitShown = formatFactValue(fact, unit);
  const perShown = formatFen(per);
  const wholeUnits = (v: number) => (Number.isFinite(v) ? (v - (v % unit)) / unit : v);
  const amountAt = (v: number) => (!Number.isFinite(v) ? v : rounding === "wholeUnits" ? wholeUnits(v) * per : mulDivFloor(v, per, unit));
  return (facts) => {
    const actual = facts[fact] as Quantity | undefined;
    if (actual === undefined) return { valueFen: null, lines: [`${label}：未知`], missing: [fact] };
    const shown = formatFactValue(fact, actual);
    const { low, high } = boundsOf(actual);
    const valueFen = amountAt(low);
    const highFen = amountAt(high);
    const range = highFen !== valueFen ? { highFen } : {};
    const amount = formatFenRange(valueFen, highFen);
    if (rounding === "wholeUnits") {
      const units = low === high ? `${wholeUnits(low)}个完整单位` : "完整单位数";
      const dropped = low === high && low % unit ? `，不足${unitShown}的部分不计` : "";
      return {
        valueFen,
        ...range,
        lines: [`${label} ${shown} ÷ 每${unitShown} = ${units}（按完整单位计${dropped}）× ${perShown} = ${amount}`],
        missing: [],
      };
    }
    return {
      valueFen,
      ...range,
      lines: [`${label} ${shown} × ${perShown} / ${unitShown}（按比例计，不足1分舍去）= ${amount}`],
      missing: [],
    };
  };
}
