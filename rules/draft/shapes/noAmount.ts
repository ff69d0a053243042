/** "一事一议", "参照…执行", "按有关政策": a provision that states no amount of its own. */
import { draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import type { Sentence } from "../sentence.js";

const NO_AMOUNT: Array<[RegExp, string]> = [
  [/一事一议/, "原文规定“一事一议”，金额个案确定"],
  [/参照.{1,40}?执行/, "原文规定参照其他文件执行，本文未写金额"],
  [/按(?:照)?(?:国家|省|市)?(?:有关|相关)(?:政策|规定)/, "原文规定按有关政策执行，本文未写金额"],
];

/** "给予2年租金补贴", "再给予补贴": money is given but the text names no sum. */
const UNSTATED = /给予(?:(?!\d+(?:\.\d+)?\s*(?:万|亿|千)?元|\d+(?:\.\d+)?%)[^，,。；]){0,12}(?:奖励|补贴|补助|资助)/;

export function noAmount(s: Sentence, base: RuleBase): DraftRule[] | null {
  if (s.figures.some((f) => f.kind !== "count")) return null;
  for (const [pattern, reason] of NO_AMOUNT) {
    if (pattern.test(s.text)) return [draftRule("noAmount", base, s.text, { mechanism: "notComputable", reason })];
  }
  if (UNSTATED.test(s.text)) return [draftRule("noAmount", base, s.text, { mechanism: "notComputable", reason: "原文给予资金但未写金额或计算标准" })];
  return null;
}
