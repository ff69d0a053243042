/**
 * Money written in another currency ("20万美元", "3万刀", "US$50,000"): converted to 元 at the rate the
 * vocabulary states for the year (`currencies` in rules/facts.yaml, each rate with its source; looked up in
 * rules/currency.ts, as a rule's thresholds in that currency are). The value
 * keeps the user's words and names the basis, so no reply shows a converted figure as the user's own.
 */
import { VOCABULARY, type ApproxValue } from "../../rules/facts.js";
import { fenAt, rateFor } from "../../rules/currency.js";
import type { NumberMention } from "./numbers.js";

/** A figure in another currency: its code and the text span with the currency word. */
export interface ForeignMoney {
  code: string;
  start: number;
  end: number;
}

const CJK = /[\u4e00-\u9fff]/;
/** A blank at lastIndex (\s holds the full-width space and the no-break space): tested in place, no character string. */
const SPACE_AT = /\s/y;
const isSpaceAt = (text: string, i: number) => {
  SPACE_AT.lastIndex = i;
  return SPACE_AT.test(text);
};

/** Each currency's words, longest first; symbols and Latin words (US$, USD) may also stand before a figure. */
const CURRENCY_WORDS = Object.entries(VOCABULARY.currencies).map(([code, c]) => ({
  code,
  words: [...c.words].sort((a, b) => b.length - a.length).map((w) => ({ w, before: !CJK.test(w) })),
}));

/** The currency a money figure is written in, when not 元: a word right after it, or a symbol right before. */
export function foreignCurrency(text: string, m: NumberMention): ForeignMoney | undefined {
  // A word may follow after one blank; before the figure, blanks are skipped (read in place, not sliced: this runs per figure).
  const at = m.end + (m.end < text.length && isSpaceAt(text, m.end) ? 1 : 0);
  let headEnd = m.start;
  while (headEnd > 0 && isSpaceAt(text, headEnd - 1)) headEnd--;
  for (const { code, words } of CURRENCY_WORDS) {
    for (const { w, before } of words) {
      if (text.startsWith(w, at)) return { code, start: m.start, end: at + w.length };
      if (before && text.endsWith(w, headEnd)) return { code, start: headEnd - w.length, end: m.end };
    }
  }
  return undefined;
}

/**
 * The value in fen of a figure written in `money.code`, at the rate of `year` (else the latest year the
 * vocabulary has), as an interval carrying the user's words and the basis; or why it cannot be converted.
 */
export function convertForeign(text: string, m: NumberMention, money: ForeignMoney, year: number | undefined): { value: ApproxValue; basis: string } | { reason: string } {
  const currency = VOCABULARY.currencies[money.code]!;
  const rate = rateFor(money.code, year);
  if (m.negative || m.absurd || m.decimal === undefined) return { reason: `${currency.name}金额不合理` };
  const words = `${text.slice(money.start, money.end)}（按${rate.year}年人民币对${currency.name}平均汇率${rate.yuanPer}折算）`;
  const basis = `${currency.name}按${rate.year}年人民币对${currency.name}平均汇率${rate.yuanPer}折算成人民币（${rate.source}）${rate.listed ? "" : "，这是能查到的最近一年"}；以主管部门认定的汇率为准。`;
  if (m.exact) {
    const fen = fenAt(m.decimal, rate.yuanPer);
    return { value: { low: fen, high: fen, words }, basis };
  }
  const low = Math.floor(m.interval.low * Number(rate.yuanPer) * 100);
  const high = Number.isFinite(m.interval.high) ? Math.floor(m.interval.high * Number(rate.yuanPer) * 100) : null;
  return { value: { low, high, words }, basis };
}
