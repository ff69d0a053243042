/** No computable figure: "按其个人所得税地方留成部分给予全额奖励" — the amount is null and says why. */
import type { AmountEvaluator } from "./mechanism.js";

/** How the trace line of a provision with no computable figure starts (the reason follows). */
export const NOT_COMPUTABLE_PREFIX = "金额无法由本政策文字算出：";

export function compileNotComputable(node: { reason: string }): AmountEvaluator {
  const line = `${NOT_COMPUTABLE_PREFIX}${node.reason}`;
  return () => ({ valueFen: null, lines: [line], missing: [] });
}
