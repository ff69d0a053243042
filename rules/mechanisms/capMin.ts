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
 *
 * A cap per year is what the applicant may get in that year in all: support already received in the year
 * asked about (`receivedThisYear`, "上半年已经补了10万了") leaves only the rest (余额), and nothing when it
 * is used up.
 */
import { walkAmount } from "../amountFacts.js";
import type { FactName, Facts } from "../facts.js";
import { formatFenRange } from "../money.js";
import { boundsOf, instancesOf } from "../quantity.js";
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
  /** A cap per year already used up by support received this year: why nothing is left. */
  usedUp?: string;
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

  /**
   * Applies `list` to [low, high], naming the binding cap. `thisYear`: the amount is the year asked about's,
   * so a cap per year counts what was already received in it.
   */
  const applyCaps = (list: readonly CompiledCap[], facts: Facts, low: number, high: number, into: Capped, thisYear = true): Capped => {
    let binding: string | null = null;
    const received = thisYear && facts.receivedThisYear !== undefined ? boundsOf(facts.receivedThisYear) : null;
    for (const cap of list) {
      const c = cap.amount(facts);
      if (c.valueFen === null) {
        const what = c.missing.length ? `（缺：${c.missing.join("、")}）` : "";
        into.lines.push(`上限「${cap.label}」无法核算${what}：${cap.cite}，须另行满足`);
        into.unchecked.push(`${cap.label}：${cap.cite}`);
        continue;
      }
      let capLow = c.valueFen;
      let capHigh = highOf(c)!;
      into.lines.push(`上限「${cap.label}」${formatFenRange(capLow, capHigh)}：${cap.cite}`, ...indent(c.lines));
      if (cap.per === "year" && received) {
        // 同一年度已获补助的，按余额计: the most received leaves the least.
        capLow = Math.max(0, capLow - received.high);
        capHigh = Math.max(0, capHigh - received.low);
        const said = received.words ?? formatFenRange(received.low);
        into.lines.push(...indent([`本年度已获补助 ${said}，余额：${formatFenRange(c.valueFen, highOf(c)!)} − ${said} = ${formatFenRange(capLow, capHigh)}`]));
        if (capHigh === 0) into.usedUp = `本年度已获补助${said}，已用完「${cap.label}」${formatFenRange(c.valueFen, highOf(c)!)}`;
      }
      if (capLow < low || capHigh < high) binding = cap.label;
      low = Math.min(low, capLow);
      high = Math.min(high, capHigh);
    }
    const shown = formatFenRange(low, high);
    into.lines.push(binding ? `取最小值：${shown}（受「${binding}」限制）` : `未超过上限：${shown}`);
    return { ...into, low, high };
  };

  const outcome = (r: Capped, straddles: Straddle[]): AmountOutcome => ({
    valueFen: r.low,
    ...(r.usedUp && r.high === 0 ? { notReached: r.usedUp } : {}),
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
    let usedUp: string | undefined;
    const yearSums: Array<[number, number]> = [];
    for (const [year, values] of years) {
      const sumLow = values.reduce((a, [l]) => a + l, 0);
      const sumHigh = values.reduce((a, [, h]) => a + h, 0);
      const sum = `${year}合计：${values.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(sumLow, sumHigh)}`;
      const thisYear = year === "同一年度" || year === `${facts.activityYear}年`;
      const capped = yearCaps.length > 0 ? applyCaps(yearCaps, facts, sumLow, sumHigh, { low: 0, high: 0, lines: [], unchecked }, thisYear) : null;
      usedUp ??= capped?.usedUp;
      lines.push(sum, ...indent(capped?.lines ?? []));
      yearSums.push(capped ? [capped.low, capped.high] : [sumLow, sumHigh]);
      low += yearSums.at(-1)![0];
      high += yearSums.at(-1)![1];
    }
    if (yearSums.length > 1) lines.push(`各年度相加：${yearSums.map(([l, h]) => formatFenRange(l, h)).join(" + ")} = ${formatFenRange(low, high)}`);
    const total: Capped = { low, high, lines, unchecked, ...(usedUp ? { usedUp } : {}) };
    return outcome(totalCaps.length > 0 ? applyCaps(totalCaps, facts, low, high, total) : total, straddles);
  };
}
