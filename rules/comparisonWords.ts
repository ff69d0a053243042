/**
 * Boundary words and how they are read.
 *
 * PRC Civil Code art. 1259: "民法所称的'以上'、'以下'、'以内'、'届满'，包括本数；所称的'不满'、'超过'、
 * '以外'，不包括本数." 达到, 不低于, 不少于 and an explicit "(含X)" include the number too.
 * Words the code does not settle (突破, 高于, 过, 以后) are ambiguous: a rule using one must state the
 * reading it chose (`op`) and why (`interpretation`), and the trace marks it as an interpretation.
 */

export type ComparisonOp = "gte" | "gt" | "lte" | "lt";

export interface WordReading {
  /** The operator the word means; absent when the rule must choose (ambiguous or "含本数"). */
  op?: ComparisonOp;
  /** Ambiguous: the rule must give `op` and `interpretation`. */
  ambiguous?: true;
  /** Where the reading comes from, for the trace. */
  basis: string;
}

export const COMPARISON_WORDS = {
  以上: { op: "gte", basis: "民法典第1259条：含本数" },
  以下: { op: "lte", basis: "民法典第1259条：含本数" },
  以内: { op: "lte", basis: "民法典第1259条：含本数" },
  届满: { op: "gte", basis: "民法典第1259条：含本数" },
  满: { op: "gte", basis: "同“届满”：含本数" },
  不满: { op: "lt", basis: "民法典第1259条：不含本数" },
  超过: { op: "gt", basis: "民法典第1259条：不含本数" },
  达到: { op: "gte", basis: "达到即含本数" },
  不低于: { op: "gte", basis: "不低于即含本数" },
  不少于: { op: "gte", basis: "不少于即含本数" },
  不超过: { op: "lte", basis: "不超过即含本数" },
  大于或等于: { op: "gte", basis: "含本数" },
  大于: { op: "gt", basis: "不含本数" },
  /** "超过12万元（含12万元）": the text says the number is included; op gives the direction. */
  含本数: { basis: "原文注明含本数" },
  /** Rank bands: "前10名" includes the 10th. */
  前: { op: "lte", basis: "前N名含第N名" },
  突破: { ambiguous: true, basis: "“突破”是否含本数法无明文，属解释" },
  高于: { ambiguous: true, basis: "“高于”法无明文，属解释" },
  过: { ambiguous: true, basis: "“过”法无明文，属解释" },
  以后: { ambiguous: true, basis: "“以后”不在民法典第1259条所列，属解释" },
} as const satisfies Record<string, WordReading>;

export type ComparisonWord = keyof typeof COMPARISON_WORDS;
export const COMPARISON_WORD_LIST = Object.keys(COMPARISON_WORDS) as ComparisonWord[];

/** Symbols for traces: what holds when the comparison is true, and when it is false. */
export const OP_SYMBOL: Record<ComparisonOp, { holds: string; fails: string; inclusive: boolean }> = {
  gte: { holds: "≥", fails: "<", inclusive: true },
  gt: { holds: ">", fails: "≤", inclusive: false },
  lte: { holds: "≤", fails: ">", inclusive: true },
  lt: { holds: "<", fails: "≥", inclusive: false },
};

/** Words written before the number ("达到10万") rather than after it ("10万以上"). */
const PREFIX_WORDS = new Set<ComparisonWord>(["达到", "不低于", "不少于", "不超过", "超过", "不满", "满", "届满", "突破", "高于", "过", "大于", "大于或等于", "前"]);

/** How a comparison reads in the text when the rule gives no `text`: "达到10万" / "10万以上". */
export function defaultPhrase(word: ComparisonWord, value: string): string {
  if (word === "含本数") return `${value}（含本数）`;
  if (word === "前") return `前${value}名`;
  return PREFIX_WORDS.has(word) ? `${word}${value}` : `${value}${word}`;
}

/** Compares numbers or ISO dates (strings compare correctly when both are YYYY-MM-DD). */
export function compare(actual: number | string, op: ComparisonOp, threshold: number | string): boolean {
  switch (op) {
    case "gte":
      return actual >= threshold;
    case "gt":
      return actual > threshold;
    case "lte":
      return actual <= threshold;
    case "lt":
      return actual < threshold;
  }
}
