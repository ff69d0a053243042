/** "一事一议", "参照…执行", "按有关政策", "按规定享受相关优惠政策": a provision that states no amount of its own. */
import { conditionsBefore, draftRule, type DraftRule, type RuleBase } from "../draftRule.js";
import type { Sentence } from "../sentence.js";

const NO_AMOUNT: Array<[RegExp, string]> = [
  [/一事一议/, "原文规定“一事一议”，金额个案确定"],
  [/参照.{1,40}?执行/, "原文规定参照其他文件执行，本文未写金额"],
  [/按(?:照)?(?:国家|省|市)?(?:有关|相关)(?:政策|规定)/, "原文规定按有关政策执行，本文未写金额"],
  [/按(?:照)?(?:有关)?规定享受[^。；，,]{0,10}(?:政策|待遇)/, "原文规定按有关规定享受相关政策，本文未写金额"],
];

/** "给予2年租金补贴", "再给予补贴": money is given but the text names no sum. */
const UNSTATED = /给予(?:(?!\d+(?:\.\d+)?\s*(?:万|亿|千)?元|\d+(?:\.\d+)?%)[^，,。；]){0,12}(?:奖励|补贴|补助|资助)/;

/** An award of a stated sum ("给予10万元"): the sentence is not one without an amount. */
const GIVES_SUM = /(?:给予|奖励|补贴|补助|资助)\s*\d/;

export function noAmount(s: Sentence, base: RuleBase): DraftRule[] | null {
  const money = s.figures.filter((f) => f.kind !== "count");
  for (const [pattern, reason] of NO_AMOUNT) {
    const m = pattern.exec(s.text);
    if (!m) continue;
    if (money.length === 0) return [draftRule("noAmount", base, s.text, { mechanism: "notComputable", reason })];
    // "对投资额超过1亿元的重大项目，实行“一事一议”": the figures before it say whom it is for; no sum is given.
    if (GIVES_SUM.test(s.text) || money.some((f) => f.at > m.index)) return null;
    const { when, conditions } = conditionsBefore(s, new Set(), m.index);
    return [draftRule("noAmount", base, s.text, { mechanism: "notComputable", reason }, { when, conditions })];
  }
  if (money.length > 0) return null;
  if (UNSTATED.test(s.text)) return [draftRule("noAmount", base, s.text, { mechanism: "notComputable", reason: "原文给予资金但未写金额或计算标准" })];
  return null;
}
