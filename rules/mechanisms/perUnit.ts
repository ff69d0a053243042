/**
 * Per-unit amount: "每实现1万元，最高给予4元".
 * Rounding is the rule's choice and is shown in the trace:
 * - wholeUnits: only completed units count (每实现1万元: 1.99万 is one unit);
 * - proRata: the amount is proportional, fractions of a fen dropped.
 */
import { factLabel, type FactName } from "../facts.js";
import { formatFactValue } from "../formatFact.js";
import { formatFen, mulDivFloor, parseMoney } from "../money.js";
import { valueForFact, type Value } from "../ruleSchema.js";
import type { AmountEvaluator } from "./mechanism.js";

export function compilePerUnit(node: { fact: FactName; unit: Value; amountPerUnit: string; rounding: "wholeUnits" | "proRata" }): AmountEvaluator {
  const { fact, rounding } = node;
  const unit = valueForFact(fact, node.unit) as number;
  const per = parseMoney(node.amountPerUnit);
  const label = factLabel(fact);
  const unitShown = formatFactValue(fact, unit);
  const perShown = formatFen(per);
  return (facts) => {
    const actual = facts[fact] as number | undefined;
    if (actual === undefined) return { valueFen: null, lines: [`${label}：未知`], missing: [fact] };
    const shown = formatFactValue(fact, actual);
    if (rounding === "wholeUnits") {
      const units = (actual - (actual % unit)) / unit;
      const valueFen = units * per;
      const dropped = actual % unit ? `，不足${unitShown}的部分不计` : "";
      return {
        valueFen,
        lines: [`${label} ${shown} ÷ 每${unitShown} = ${units}个完整单位（按完整单位计${dropped}）× ${perShown} = ${formatFen(valueFen)}`],
        missing: [],
      };
    }
    const valueFen = mulDivFloor(actual, per, unit);
    return {
      valueFen,
      lines: [`${label} ${shown} × ${perShown} / ${unitShown}（按比例计，不足1分舍去）= ${formatFen(valueFen)}`],
      missing: [],
    };
  };
}
