/**
 * Rank table: "排名前3位的…分别奖励50万元、30万元、20万元", "前10名…每家2万元，10名以后的每家1万元".
 * Rank 1 is first. Places are bands "rank ≤ through" (前N名 includes the Nth); ranks after the last band
 * get `after` when the text gives it, otherwise the provision does not apply. How the ranking is made
 * (by whom, among whom) is an interpretation and shown as such.
 */
import { factLabel, type FactName } from "../facts.js";
import type { Amount } from "../ruleSchema.js";
import { indent, type AmountEvaluator, type CompileContext } from "./mechanism.js";

interface RankTableNode {
  fact?: FactName;
  places: Array<{ through: number; amount: Amount }>;
  after?: { amount: Amount; interpretation: string };
  interpretation?: string;
}

export function compileRankTable(node: RankTableNode, ctx: CompileContext): AmountEvaluator {
  const fact = node.fact ?? "rank";
  const label = factLabel(fact);
  const places = node.places.map((p, i) => ({
    through: p.through,
    from: i === 0 ? 1 : node.places[i - 1]!.through + 1,
    amount: ctx.amount(p.amount),
  }));
  const last = places[places.length - 1]!.through;
  const after = node.after ? { amount: ctx.amount(node.after.amount), note: node.after.interpretation } : null;
  const defined = node.interpretation ? [`排名口径（解释）：${node.interpretation}`] : [];
  return (facts) => {
    const rank = facts[fact] as number | undefined;
    if (rank === undefined) return { valueFen: null, lines: [`${label}：未知（排名由主管部门评定）`, ...defined], missing: [fact] };
    const place = places.find((p) => rank <= p.through);
    if (place) {
      const band = place.from === place.through ? `第${place.through}名` : `前${place.through}名（前${place.through}名含第${place.through}名）`;
      const r = place.amount(facts);
      return { ...r, lines: [`${label} 第${rank}名，属${band} ✓`, ...indent(r.lines), ...defined] };
    }
    if (after) {
      const r = after.amount(facts);
      return { ...r, lines: [`${label} 第${rank}名 > ${last}（${last}名以后：解释：${after.note}）→`, ...indent(r.lines), ...defined] };
    }
    return { valueFen: null, lines: [`${label} 第${rank}名 > ${last}，不在前${last}名 ✗`, ...defined], missing: [], notReached: `排名不在前${last}名` };
  };
}
