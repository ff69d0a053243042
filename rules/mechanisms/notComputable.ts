/** No computable figure: "按其个人所得税地方留成部分给予全额奖励" — the amount is null and says why. */
import type { AmountEvaluator } from "./mechanism.js";

export function compileNotComputable(node: { reason: string }): AmountEvaluator {
  const line = `金额无法由本政策文字算出：${node.reason}`;
  return () => ({ valueFen: null, lines: [line], missing: [] });
}
