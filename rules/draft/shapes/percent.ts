/**
 * Percentages with a cap: "按实际发生费用的80%给予补贴，每次活动不超过5万元" → the percentage of a money
 * fact, capped by every 最高/不超过/限额 amount after it (each cap cited by its own words). "全额补助" is 100%.
 */
import type { Amount, Cap, CapScope } from "../../ruleSchema.js";
import { awardStart, conditionsBefore, draftRule, moneyFactBefore, type DraftRule, type RuleBase } from "../draftRule.js";
import { guessFact, type Figure, type Sentence } from "../sentence.js";

const CAP_WORD = /(?:最高|不超过|不得超过|最多|限额|封顶)[^，,。；]{0,6}$/;
const PERCENT_CAP = /(?:不超过|不得超过|最高)[^，,。；]*的$/;
/** A limit on the whole programme ("全市补贴总额不超过200万元"), not on one applicant. */
const POOL = /全市|全县|全区|全省|总额|总量|累计总|资金总/;
/** A total of one applicant, not of the programme: "每个基地每年补贴总额不超过10万元". */
const PER_APPLICANT = /每(?:个|家|户|人|名)|单个|单家|同一/;

/** Where a cap applies, from its own words: 每次活动 → event, 每个站点 → site, 每年/年内累计 → year, else the total. */
export function capScope(words: string): CapScope {
  if (/每(?:次|场|期|届|项)/.test(words)) return "event";
  if (/每(?:个|一)?(?:站点|网点|服务点|站)/.test(words)) return "site";
  if (/每年|年内|年度|当年|每一年/.test(words)) return "year";
  return "total";
}

/**
 * Caps written after `from`: money figures preceded by a cap word within their phrase, and "不得超过…的20%"
 * (a percentage of a money fact). Limits on the whole programme are returned as conditions (额满为止).
 */
export function capsAfter(s: Sentence, from: number): { caps: Cap[]; figures: Figure[]; conditions: string[] } {
  const caps: Cap[] = [];
  const figures: Figure[] = [];
  const conditions: string[] = [];
  for (const f of s.figures) {
    if (f.at < from || f.kind === "count") continue;
    let phraseStart = Math.max(...["，", ",", "；", "。", "（", "("].map((p) => s.text.lastIndexOf(p, f.at))) + 1;
    // "（二）单个企业年度补贴最高不超过50万元": an item's number is no part of the cap's words.
    phraseStart += /^[一二三四五六七八九十\d]{1,3}[）)]\s*/.exec(s.text.slice(phraseStart))?.[0].length ?? 0;
    const lead = s.text.slice(phraseStart, f.at);
    const quote = s.text.slice(phraseStart, f.end);
    if (f.kind === "money" && CAP_WORD.test(lead)) {
      figures.push(f);
      if (POOL.test(lead) && !PER_APPLICANT.test(lead)) conditions.push(`${quote}（额满为止）`);
      else caps.push({ amount: f.value, per: capScope(quote), label: lead.replace(/^(?:且|并|但|原则上)/, "").trim() || "最高", quote });
    } else if (f.kind === "percent" && PERCENT_CAP.test(lead)) {
      const fact = guessFact(s.text, f, f.at - phraseStart, ["fen"]);
      if (!fact) continue;
      figures.push(f);
      caps.push({ amount: { mechanism: "percentOf", percent: f.value, of: fact }, per: capScope(quote), label: quote.replace(/^(?:且|并|但)/, ""), quote });
    }
  }
  return { caps, figures, conditions };
}

export function percent(s: Sentence, base: RuleBase): DraftRule[] | null {
  const start = awardStart(s.text);
  if (start < 0) return null;
  // A percentage followed by 以上 is a threshold; the award's percentage is the last one near the award verb.
  const capLead = (f: Figure) => PERCENT_CAP.test(s.text.slice(Math.max(0, f.at - 30), f.at).split(/[，,。；]/).at(-1)!);
  const candidates = s.figures.filter((f) => f.kind === "percent" && !/^以上|^以下/.test(s.text.slice(f.end)) && !capLead(f));
  const full = /全额(?:补助|补贴|奖励)/.exec(s.text);
  // "补助标准不超过设备投资额的40%，单条生产线最高补助15万元": with no sum of its own beside it, a
  // percentage written as a limit is the rate, given up to it (a cap only limits another award).
  const ownSum = s.figures.some((f) => f.kind === "money" && !CAP_WORD.test(s.text.slice(0, f.at).split(/[，,。；]/).at(-1)!));
  const limits = ownSum ? [] : s.figures.filter((f) => f.kind === "percent" && capLead(f));
  const pct = candidates.filter((f) => f.at > start).at(-1) ?? candidates.at(-1) ?? limits.at(-1);
  if (!pct && !full) return null;
  const at = pct?.at ?? full!.index;
  // "按其个人所得税地方留成部分给予全额奖励": the base is the phrase after 按.
  const fullBase = full ? s.text.slice(s.text.lastIndexOf("按", full.index) + 1, full.index) : "";
  // "按活动实际支出的50%": the base is named between 按 and the percentage, never by words earlier in the
  // sentence ("直播带货节" names no base of this award).
  const named = pct ? /按(?:其|照)?([^，,。；按]{1,24}?)的?$/.exec(s.text.slice(0, pct.at)) : null;
  const fact = pct
    ? named ? guessFact(s.text, pct, named[1]!.length + 1, ["fen"]) : guessFact(s.text, pct, at, ["fen"])
    : s.text.lastIndexOf("按", full!.index) >= 0 ? moneyFactBefore(s.text, at, fullBase.length) : null;
  const caps = capsAfter(s, pct?.end ?? full!.index);
  const used = new Set<Figure>([...(pct ? [pct] : []), ...caps.figures]);
  const { when, conditions } = conditionsBefore(s, used, Math.min(start, at));
  const extra = { when, conditions: [...conditions, ...caps.conditions] };
  if (!fact) {
    // The base of the percentage is not a fact the engine knows: a provision with no computable amount.
    const of = pct ? named?.[1] ?? s.text.slice(Math.max(0, at - 14), at).split(/[，,]/).at(-1) : fullBase || "全额";
    const reason = `按比例给予，所乘的金额（${of}）不在事实词表中，金额无法计算`;
    return [draftRule("percent", base, s.text, { mechanism: "notComputable", reason }, extra)];
  }
  const of: Amount = { mechanism: "percentOf", percent: pct ? pct.value : "100", of: fact };
  const amount: Amount = caps.caps.length ? { mechanism: "capMin", of, caps: caps.caps } : of;
  return [draftRule("percent", base, s.text, amount, extra)];
}
