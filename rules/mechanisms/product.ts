/**
 * Product of a unit amount and counts: "每月每平方米15元…连续补助3年" (15元 × 面积 × 36个月),
 * "200元/人/天" (× 人数 × 天数), "每个岗位2000元" (× 岗位数). Half days are exact (ratio 1/2).
 */
import { FACTS, factLabel, type FactName } from "../facts.js";
import { formatFactValue } from "../formatFact.js";
import { formatFen, mulDivFloor, ratio, mulRatios, type Ratio } from "../money.js";
import type { Amount, Factor } from "../ruleSchema.js";
import { addMissing, indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";

export function compileProduct(node: { of: Amount; times: Factor[] }, ctx: CompileContext): AmountEvaluator {
  const of = ctx.amount(node.of);
  const factors = node.times.map((f) =>
    "fact" in f
      ? { fact: f.fact as FactName | undefined, label: factLabel(f.fact), constant: 0 }
      : { fact: undefined, label: f.label, constant: f.constant },
  );
  return (facts) => {
    const unit = of(facts);
    const missing: FactName[] = [...unit.missing];
    let total: Ratio = ratio(1);
    const shown: string[] = [];
    for (const f of factors) {
      if (f.fact === undefined) {
        total = mulRatios(total, ratio(f.constant));
        shown.push(`${f.constant}（${f.label}）`);
        continue;
      }
      const v = facts[f.fact] as number | undefined;
      if (v === undefined) {
        addMissing(missing, [f.fact]);
        continue;
      }
      // Days may be halves (培训时间在半天): exact as v×2 / 2.
      total = mulRatios(total, FACTS[f.fact].unit === "day" ? ratio(Math.round(v * 2), 2) : ratio(v));
      shown.push(`${formatFactValue(f.fact, v)}（${f.label}）`);
    }
    if (unit.valueFen === null || missing.length > 0) {
      return { valueFen: null, lines: [...unit.lines, ...missing.map((m) => `${factLabel(m)}：未知`)], missing, notReached: unit.notReached };
    }
    const valueFen = mulDivFloor(unit.valueFen, total.num, total.den);
    return {
      valueFen,
      lines: [...indent(unit.lines), `${formatFen(unit.valueFen)} × ${shown.join(" × ")} = ${formatFen(valueFen)}`],
      missing: [],
      unchecked: unit.unchecked,
    };
  };
}
