/**
 * A question about the policy's own most ("一场最多给多少", "每年最多能拿多少", "全市一共给多少", "这个补贴上限是多少"):
 * the clause answers it, no figure of the asker's is needed. The scope it names (each event, a year, the
 * whole area) says which of the clause's limits to give first. The limits are the quote's own phrases, so
 * every figure in the answer stands verbatim in the cited clause.
 */

/** Where the asked most applies: each event or site, a year, the whole area's budget, or unsaid. */
export type MaximumScope = "each" | "year" | "area" | "any";

/** A word of "the most" followed, within a few characters, by a question word: "最多能拿多少", "上限是多少". */
const ASKS_MOST = /(?:最多|最高|上限|封顶|顶格|顶天|撑死|最大|(?:一共|总共|总计|合计)(?=[^，,。！!？?\s]{0,3}(?:给|发|补|奖|拿))|总额)[^，,。！!？?\s\d]{0,6}?(?:多少|几|多高|多大|啥|什么)/;

/** The whole area's total asked: "全市一共多少额度", "全县总共有多少资金". */
const AREA_TOTAL = /(?:全市|全县|全区)[^，,。！!？?\s]{0,8}?(?:一共|总共|总计|合计)[^，,。！!？?\s]{0,3}?多少(?:额度|资金|钱)/;

/** "那两项奖励全市一共多少额度": the whole area's budget, asked without a word of "the most" (the document's, not the asker's). */
export function areaTotalAsked(text: string): boolean {
  return AREA_TOTAL.test(text);
}

/** The scope words of a question, in the order they are tried. */
const SCOPE_ASKED: ReadonlyArray<readonly [MaximumScope, RegExp]> = [
  ["area", /全市|全县|全区|全镇|总额|总盘子/],
  ["year", /一年|每年|年内|全年|一个年度|每个年度|年度/],
  ["each", /[一每单](?:场|次|回|期|届|个站点|个点|家|户)/],
];

/** The same scopes as a limit of the text writes them ("每次活动不超过5万元", "年内累计不超过10万元", "全市补贴总额不超过200万元"). */
const SCOPE_STATED: Record<Exclude<MaximumScope, "any">, RegExp> = {
  area: /全市|全县|全区|总额/,
  year: /每年|年内|年度|全年/,
  each: /每[次场期届个家户]|单[次场个家户]/,
};

/** A phrase of the text that sets a most in money: "最高不超过50万元", "每家企业最高补贴40万元". */
const LIMIT = /最高|不超过|不得超过|最多|上限|封顶|累计/;
const MONEY = /\d[\d.,]*\s*(?:万|亿)?元/;

/** A phrase that sets so much per unit ("每实现1万元"): a most right after it is the rate's. */
const isRate = (phrase: string) => phrase.startsWith("每") && MONEY.test(phrase) && !LIMIT.test(phrase);
/** "…的带货达人给予一次性最高奖励2万元" is given from its grant on ("一次性最高奖励2万元"): the rest is the provision's conditions. */
function fromGrant(phrase: string): string {
  const grant = phrase.lastIndexOf("给予", phrase.search(LIMIT));
  return grant >= 0 ? phrase.slice(grant + "给予".length) : phrase;
}

/** The scope a question about the policy's most names, or null when the message asks no such thing. */
export function maximumAsked(text: string): MaximumScope | null {
  if (areaTotalAsked(text)) return "area";
  if (!ASKS_MOST.test(text)) return null;
  return SCOPE_ASKED.find(([, words]) => words.test(text))?.[0] ?? "any";
}

/**
 * The phrases of `quote` that set a most in money, verbatim, those of the asked scope first:
 * "每次活动不超过5万元", "年内累计不超过10万元". Empty when the clause sets none.
 */
export function limitPhrases(quote: string, scope: MaximumScope): string[] {
  const parts = quote.split(/[，,；;。]/).map((p) => p.trim());
  const phrases = parts
    // "每实现1万元，最高给予4元" sets a rate, not a most of the award.
    .filter((p, i) => LIMIT.test(p) && MONEY.test(p) && !isRate(parts[i - 1] ?? ""))
    .map(fromGrant);
  if (scope === "any") return phrases;
  const asked = SCOPE_STATED[scope];
  return [...phrases.filter((p) => asked.test(p)), ...phrases.filter((p) => !asked.test(p))];
}
