/**
 * Product of a unit amount and counts: "每月每平方米15元…连续补助3年" (15元 × 面积 × 36个月),
 * "200元/人/天" (× 人数 × 天数), "每个岗位2000元" (× 岗位数). Half days are exact (ratio 1/2).
 * An approximate count gives a range: the product at each end. Counts stated per instance ("一期2天45人，
 * 另一期1天30人") are multiplied instance by instance and then added. A constant the text sets as a most
 * ("连续补助3年" = 36个月) counts the user's own shorter term when they state one ("租期就两年" → 24个月).
 * A constant that counts time (`period`) also gives the amount for one month and one year of it.
 */
import { FACTS, factLabel, type FactName, type Quantity } from "../facts.js";
import { formatFactValue } from "../formatFact.js";
import { formatFenRange, mulDivFloor, ratio, mulRatios, type Ratio } from "../money.js";
import { boundsOf, instancesOf, partsOf } from "../quantity.js";
import { PERIODS, type Amount, type Factor, type Period } from "../ruleSchema.js";
import { addMissing, highOf, indent, type AmountEvaluator, type AmountOutcome, type CompileContext, type PeriodAmount } from "./mechanism.js";

export function compileProduct(node: { of: Amount; times: Factor[] }, ctx: CompileContext): AmountEvaluator {
  const of = ctx.amount(node.of);
  const factors = node.times.map((f) =>
    "fact" in f
      ? { fact: f.fact as FactName | undefined, label: factLabel(f.fact), constant: 0 }
      : { fact: undefined, label: f.label, constant: f.constant, limitedBy: f.limitedBy, period: f.period },
  );
  // Days may be halves (培训时间在半天): exact as v×2 / 2.
  const asRatio = (fact: FactName, v: number) => (FACTS[fact].unit === "day" ? ratio(Math.round(v * 2), 2) : ratio(v));
  const factorFacts = factors.flatMap((f) => (f.fact ? [f.fact] : []));
  const once: AmountEvaluator = (facts) => {
    const unit = of(facts);
    const missing: FactName[] = [...unit.missing];
    let low: Ratio = ratio(1);
    let high: Ratio | null = ratio(1); // null: no upper bound
    const shown: string[] = [];
    const notes: string[] = [];
    let timeUsed = 0; // the units of the time constant counted (the user's shorter term, else the text's)
    for (const f of factors) {
      if (f.fact === undefined) {
        const limit = f.limitedBy;
        const term = limit ? (facts[limit.fact] as Quantity | undefined) : undefined;
        if (limit && term === undefined) notes.push(limit.note);
        // The user's term counts where it is shorter than the text's, at each end of an approximate one.
        const b = term === undefined ? { low: f.constant, high: f.constant } : boundsOf(term);
        const lo = Math.min(f.constant, b.low);
        if (f.period) timeUsed = lo;
        low = mulRatios(low, ratio(lo));
        if (high) high = mulRatios(high, ratio(Math.min(f.constant, b.high)));
        shown.push(limit && term !== undefined && lo < f.constant ? `${formatFactValue(limit.fact, term)}（${factLabel(limit.fact)}；条文${f.constant}${f.label}）` : `${f.constant}（${f.label}）`);
        continue;
      }
      const v = facts[f.fact] as Quantity | undefined;
      if (v === undefined) {
        addMissing(missing, [f.fact]);
        continue;
      }
      const b = boundsOf(v);
      low = mulRatios(low, asRatio(f.fact, b.low));
      high = high && Number.isFinite(b.high) ? mulRatios(high, asRatio(f.fact, b.high)) : null;
      shown.push(`${formatFactValue(f.fact, v)}（${f.label}）`);
    }
    if (unit.valueFen === null || missing.length > 0) {
      return { valueFen: null, lines: [...unit.lines, ...missing.map((m) => `${factLabel(m)}：未知`)], missing, notReached: unit.notReached, straddles: unit.straddles };
    }
    const valueFen = mulDivFloor(unit.valueFen, low.num, low.den);
    const unitHigh = highOf(unit)!;
    const highFen = high && Number.isFinite(unitHigh) ? mulDivFloor(unitHigh, high.num, high.den) : Infinity;
    const periods = highFen === valueFen ? perPeriodOf(factors, shown, unit.valueFen, valueFen, timeUsed) : { amounts: [], lines: [] };
    return {
      valueFen,
      ...(highFen !== valueFen ? { highFen } : {}),
      ...(periods.amounts.length > 0 ? { perPeriod: periods.amounts } : {}),
      lines: [...indent(unit.lines), `${formatFenRange(unit.valueFen, unitHigh)} × ${shown.join(" × ")} = ${formatFenRange(valueFen, highFen)}`, ...periods.lines],
      missing: [],
      unchecked: notes.length > 0 ? [...(unit.unchecked ?? []), ...notes] : unit.unchecked,
      straddles: unit.straddles,
    };
  };
  return (facts) => {
    // Two counts stated per instance pair up: Σ (人数 × 天数) over the instances, not one total times the other.
    const paired = factorFacts.filter((f) => partsOf(facts[f] as Quantity | undefined)).length >= 2 ? instancesOf(facts, factorFacts) : null;
    if (!paired) return once(facts);
    const each = paired.map((inst) => once(inst.facts));
    if (each.some((r) => r.valueFen === null)) return once(facts);
    const lows = each.map((r) => r.valueFen!);
    const highs = each.map((r) => highOf(r)!);
    const valueFen = lows.reduce((a, b) => a + b, 0);
    const highFen = highs.reduce((a, b) => a + b, 0);
    const lines = paired.flatMap((inst, i) => [`第${i + 1}项（${inst.words}）：`, ...indent(each[i]!.lines)]);
    lines.push(`合计：${lows.map((l, i) => formatFenRange(l, highs[i]!)).join(" + ")} = ${formatFenRange(valueFen, highFen)}`);
    const result: AmountOutcome = { valueFen, ...(highFen !== valueFen ? { highFen } : {}), lines, missing: [], unchecked: each[0]!.unchecked, straddles: each[0]!.straddles };
    return result;
  };
}

/** How many of a constant's units one period holds (a constant in 年 makes no whole month). */
const UNITS_IN: Record<Period, Partial<Record<Period, number>>> = { 月: { 月: 1, 年: 12 }, 年: { 年: 1 } };

/**
 * "每月每平方米15元…连续补助3年": the amount for one month and one year, the time constant replaced by the units
 * one period holds (15元 × 200平方米 × 12). Exact amounts only, periods within the term counted; the trace shows each.
 */
function perPeriodOf(factors: ReadonlyArray<{ period?: Period }>, shown: readonly string[], unitFen: number, valueFen: number, timeUsed: number): { amounts: PeriodAmount[]; lines: string[] } {
  const at = factors.findIndex((f) => f.period !== undefined);
  const time = factors[at];
  if (!time?.period || valueFen === 0 || timeUsed === 0) return { amounts: [], lines: [] };
  const others = shown.filter((_, i) => i !== at);
  const amounts: PeriodAmount[] = [];
  const lines: string[] = [];
  for (const period of PERIODS) {
    const units = UNITS_IN[time.period][period];
    // A period longer than the term counted ("租期6个月" has no 每年) is not one of its amounts.
    if (units === undefined || units > timeUsed) continue;
    const amountFen = mulDivFloor(valueFen, units, timeUsed);
    amounts.push({ period, amountFen });
    lines.push(`每${period}：${[formatFenRange(unitFen), ...others, ...(units > 1 ? [`${units}（${time.period}）`] : [])].join(" × ")} = ${formatFenRange(amountFen)}`);
  }
  return { amounts, lines };
}
