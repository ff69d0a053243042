/** Fixed grant: "每家给予一次性奖励5万元". */
import { formatFen, parseMoney } from "../money.js";
import type { AmountEvaluator } from "./mechanism.js";

export function compileFixed(node: { amount: string }): AmountEvaluator {
  const fen = parseMoney(node.amount);
  const line = `定额：${formatFen(fen)}`;
  return () => ({ valueFen: fen, lines: [line], missing: [] });
}
