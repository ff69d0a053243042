/**
 * Tier table, highest tier reached wins: "达到1000万元、2000万元、5000万元以上的…分别给予20万元、40万元、100万元".
 * Tiers are lowest first (the schema rejects unordered tables). Below the lowest tier the provision does
 * not apply. A tier whose condition is unknown above the tier reached leaves its facts missing: the
 * amount shown is what is certain so far.
 *
 * "首次突破" (`earlier`): a tier the best value of earlier years already reached gives nothing again
 * ("2018年就过了500万 2019年又卖了600万" → 500万 was crossed in 2018, 600万 crosses no new tier). Only a tier
 * the earlier value surely reached counts against it; whether it was crossed before otherwise stays with the
 * rule's own first-time condition.
 */
import type { ComparisonOp, ComparisonWord } from "../comparisonWords.js";
import { factLabel, type FactName, type Facts } from "../facts.js";
import { formatFactValue, formatThreshold } from "../formatFact.js";
import { valueForFact, type Amount, type Condition, type Tier } from "../ruleSchema.js";
import { addMissing, addStraddles, indent, type AmountEvaluator, type AmountOutcome, type CompileContext, type ConditionOutcome, type Straddle } from "./mechanism.js";

interface TierTableNode {
  fact?: FactName;
  word?: ComparisonWord;
  op?: ComparisonOp;
  interpretation?: string;
  earlier?: FactName;
  boundedBy?: FactName;
  tiers: Tier[];
}

/** The same threshold on another fact (the earlier years' value), compiled like the tier's own. */
function thresholdOn(node: TierTableNode, fact: FactName, t: Tier): Condition {
  if (!("threshold" in t)) return t.when;
  return { fact, word: node.word!, value: t.threshold, ...(node.op ? { op: node.op } : {}), ...(node.interpretation ? { interpretation: node.interpretation } : {}) };
}

export function compileTierTable(node: TierTableNode, ctx: CompileContext): AmountEvaluator {
  const tiers = node.tiers.map((t) => ({
    // A threshold is a comparison of the table's fact in the table's word: compiled like any condition.
    when: ctx.condition(thresholdOn(node, node.fact!, t)),
    before: node.earlier ? ctx.condition(thresholdOn(node, node.earlier, t)) : null,
    amount: ctx.amount(t.amount as Amount),
  }));
  const count = tiers.length;
  const earlier = node.earlier;
  const thresholds = node.tiers.map((t) => ("threshold" in t ? formatThreshold(node.fact!, valueForFact(node.fact!, t.threshold)) : ""));
  const evaluate: AmountEvaluator = (facts) => {
    // From the top tier down: stop at the first tier reached (lower tiers need no evaluation).
    const results: Array<ConditionOutcome | undefined> = new Array(count);
    const missing: FactName[] = [];
    const straddles: Straddle[] = [];
    let chosen = -1;
    for (let i = count - 1; i >= 0; i--) {
      const r = (results[i] = tiers[i]!.when(facts));
      if (r.value === true) {
        chosen = i;
        break;
      }
      if (r.value === null) {
        addMissing(missing, r.missing);
        addStraddles(straddles, r.straddles);
      }
    }
    const withStraddles = straddles.length > 0 ? { straddles } : {};
    if (chosen < 0) {
      if (missing.length > 0) return { valueFen: null, lines: results.find((r) => r?.value === null)?.lines ?? results[0]!.lines, missing, ...withStraddles };
      return { valueFen: null, lines: results[0]!.lines, missing: [], notReached: `未达到最低档（共${count}档）` };
    }
    const above = results[chosen + 1];
    const lines = [...results[chosen]!.lines, ...(above && above.value === false ? above.lines : [])];
    if (earlier && facts[earlier] !== undefined) {
      // The highest tier the earlier years surely reached: this year must cross one above it.
      const before = tiers[chosen]!.before!(facts);
      const said = formatFactValue(earlier, facts[earlier]!);
      if (before.value === true) {
        return {
          valueFen: null,
          lines: [...results[chosen]!.lines, "以前年度：", ...indent(before.lines)],
          missing: [],
          notReached: `第${chosen + 1}档（${thresholds[chosen]}）以前年度已经突破过（你说“${said}”），本年度没有首次突破更高的档次`,
        };
      }
      if (before.value === false) lines.push(`以前年度（${said}）未突破第${chosen + 1}档（${thresholds[chosen]}）`);
    }
    const amount = tiers[chosen]!.amount(facts);
    lines.push(`→ 第${chosen + 1}档（共${count}档，取达到的最高档）：`, ...indent(amount.lines));
    if (missing.length > 0 && undecidedAbovePaySame(results, tiers, chosen, amount, facts)) {
      // "三百万上下" between a 100万 tier and a 300万 tier that both pay 2万元: 2万元 either way, nothing to ask.
      lines.push("更高档次未定，但金额与本档相同，不影响结果");
      missing.length = 0;
      straddles.length = 0;
    }
    if (missing.length > 0) lines.push(`更高档次待核实：${missing.join("、")}`);
    return { ...amount, lines, missing: addMissing([...amount.missing], missing), straddles: addStraddles([...(amount.straddles ?? [])], straddles) };
  };
  // "网上卖了4万" against a table of 全国性电商平台销售额: the platform sales are at most the online sales, so a tier
  // those do not reach is not reached; a tier they reach needs the platform figure itself, which is asked for.
  const part = node.fact;
  const whole = node.boundedBy;
  if (!part || !whole) return evaluate;
  const partLabel = `${factLabel(part)} `;
  const wholeLabel = `${factLabel(whole)} `;
  return (facts) => {
    if (facts[part] !== undefined || facts[whole] === undefined) return evaluate(facts);
    const r = evaluate({ ...facts, [part]: facts[whole] });
    // The lines compare the whole, the figure the user gave, with the part's thresholds.
    const lines = [`${factLabel(part)}未说，不超过${factLabel(whole)}：`, ...indent(r.lines.map((l) => l.replaceAll(partLabel, wholeLabel)))];
    return r.notReached ? { ...r, lines } : { valueFen: null, lines, missing: [part] };
  };
}

/** Every tier above the one reached that is still undecided pays exactly what the reached tier pays. */
function undecidedAbovePaySame(
  results: ReadonlyArray<ConditionOutcome | undefined>,
  tiers: ReadonlyArray<{ amount: AmountEvaluator }>,
  chosen: number,
  reached: AmountOutcome,
  facts: Facts,
): boolean {
  if (reached.valueFen === null || reached.highFen !== undefined || reached.missing.length > 0) return false;
  for (let i = chosen + 1; i < results.length; i++) {
    if (results[i]?.value !== null) continue;
    const pay = tiers[i]!.amount(facts);
    if (pay.valueFen !== reached.valueFen || pay.highFen !== undefined || pay.missing.length > 0) return false;
  }
  return true;
}
