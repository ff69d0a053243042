/**
 * Caps as the minimum of several, each with its own clause and words: "每家企业最高补贴40万元",
 * "不得超过企业对地方贡献数的20%". A cap whose input is unknown cannot bind yet: it is reported as a
 * condition to meet (and shown in the trace), not as a missing fact, so the computed amount stands as
 * a ceiling. A range is capped at each end: "七八万 × 30% = 2.1万元至2.4万元" under a 2万元 cap is 2万元.
 *
 * Each cap applies where the text says (`per`). When the user states several instances of an input
 * ("一场花了5w 一场花了8w", "2021年花了三十来万 2022年花了16万"), each instance is computed and capped per
 * event or site, the instances of one year are added and capped per year, and the years are added and
 * capped in total; the trace shows each step.
 */
import { walkAmount } from "../amountFacts.js";
import type { FactName, Facts } from "../facts.js";
import { formatFenRange } from "../money.js";
import { instancesOf } from "../quantity.js";
import type { Amount, Cap, CapScope } from "../ruleSchema.js";
import { addMissing, addStraddles, highOf, indent, type AmountEvaluator, type AmountOutcome, type CompileContext, type Straddle } from "./mechanism.js";

interface CompiledCap {
  amount: AmountEvaluator;
  per: CapScope;
  label: string;
  cite: string;
}

/** An amount being capped: both ends, and what the caps said about it. */
interface Capped {
  low: number;
  high: number;
  lines: string[];
  unchecked: string[];
}

/** What a per-event cap is called in the trace. */
const INSTANCE_WORD: Record<CapScope, string> = { event: "次", site: "个站点", year: "项", total: "项" };

export function compileCapMin(node: { of: Amount; caps: Cap[] }, ctx: CompileContext): AmountEvaluator {
  const of = ctx.amount(node.of);
  const caps: CompiledCap[] = node.caps.map((c) => ({
    amount: ctx.amount(c.amount),
    per: c.per,
    label: c.label,
    cite: `“${c.quote}”${c.clause && c.clause !== ctx.clause ? `（${c.clause}）` : ""}`,
  }));
  const eachCaps = caps.filter((c) => c.per === "event" || c.per === "site");
  const yearCaps = caps.filter((c) => c.per === "year");
  const totalCaps = caps.filter((c) => c.per === "total");
  const reads = new Set<FactName>();
  walkAmount(node.of, reads);
  const inputs = [...reads];
  const instanceWord = INSTANCE_WORD[eachCaps[0]?.per ?? "year"];

  /** Applies `list` to [low, high], naming the binding cap. */
  const applyCaps = (list: readonly CompiledCap[], facts: Facts, low: number, high: number, into: Capped): Capped => {
    let binding: string | null = null;
    for (const cap of list) {
      const c = cap.amount(facts);
      if (c.valueFen === null) {
        const what = c.missing.length ? `（缺：${c.missing.join("、")}）` : "";
        into.lines.push(`上限「${cap.label}」无法核算${what}：${cap.cite}，须另行满足`);
        into.unchecked.push(`${cap.label}：${cap.cite}`);
        continue;
      }
      const capHigh = highOf(c)!;
      into.lines.push(`上限「${cap.label}」${formatFenRange(c.valueFen, capHigh)}：${cap.cite}`, ...indent(c.lines));
      if (c.valueFen < low || capHigh < high) binding = cap.label;
      low = Math.min(low, c.valueFen);
      high = Math.min(high, capHigh);
    }
    const shown = formatFenRange(low, high);
    into.lines.push(binding ? `取最小值：${shown}（受「${binding}」限制）` : `未超过上限：${shown}`);
    return { ...into, low, high };
  };

  const outcome = (r: Capped, straddles: Straddle[]): AmountOutcome => ({
    valueFen: r.low,
    ...(r.high !== r.low ? { highFen: r.high } : {}),
    lines: r.lines,
    missing: [],
    unchecked: r.unchecked,
    ...(straddles.length > 0 ? { straddles } : {}),
  });

  return (facts) => {
    const instances = eachCaps.length + yearCaps.length > 0 ? instancesOf(facts, inputs) : null;
    if (!instances) {
      const base = of(facts);
      if (base.valueFen === null) return base;
      const start: Capped = { low: base.valueFen, high: highOf(base)!, lines: [...base.lines], unchecked: [...(base.unchecked ?? [])] };
      return outcome(applyCaps(caps, facts, start.low, start.high, start), [...(base.straddles ?? [])]);
    }
    // Each instance, capped per event or site; then grouped by year.
    const lines: string[] = [];
    const unchecked: string[] = [];
    const straddles: Straddle[] = [];
    const missing: FactName[] = [];
    const years = new Map<string, Array<[low: number, high: number]>>();
    for (const [i, inst] of instances.entries()) {
      const base = of(inst.facts);
      addStraddles(straddles, base.straddles);
      if (base.valueFen === null) {
        addMissing(missing, base.missing);
        lines.push(`第${i + 1}${instanceWord}（${inst.words}）：`, ...indent(base.lines));
        continue;
      }
      const capped = applyCaps(eachCaps, inst.facts, base.valueFen, highOf(base)!, { low: 0, high: 0, lines: [...base.lines], unchecked });
      lines.push(`第${i + 1}${instanceWord}（${inst.words}${inst.year ? `，${inst.year}年` : ""}）：`, ...indent(eachCaps.length > 0 ? capped.lines : base.lines));
      const key = inst.year ? `${inst.year}年` : "同一年度";
      years.set(key, [...(years.get(key) ?? []), [capped.low, capped.high]]);
    }
    if (missing.length > 0) return { valueFen: null, lines, missing, unchecked, ...(straddles.length > 0 ? { straddles } : {}) };
    // Each year's sum, capped per year; then the years added and capped in total.
    let low = 0;
    let high = 0;
    const yearSums: Array<[number, number]> = [];
    for (const [year, values] of years) {
      const sumLow = values.reduce((a, [l]) => a + l, 0);
      const sumHigh = values.reduce((a, [, h]) => a + h, 0);
      const sum = `${year}合计：${values.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(sumLow, sumHigh)}`;
      const capped = yearCaps.length > 0 ? applyCaps(yearCaps, facts, sumLow, sumHigh, { low: 0, high: 0, lines: [], unchecked }) : null;
      lines.push(sum, ...indent(capped?.lines ?? []));
      yearSums.push(capped ? [capped.low, capped.high] : [sumLow, sumHigh]);
      low += yearSums.at(-1)![0];
      high += yearSums.at(-1)![1];
    }
    if (yearSums.length > 1) lines.push(`各年度相加：${yearSums.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(low, high)}`);
    const total: Capped = { low, high, lines, unchecked };
    return outcome(totalCaps.length > 0 ? applyCaps(totalCaps, facts, low, high, total) : total, straddles);
  };
}
