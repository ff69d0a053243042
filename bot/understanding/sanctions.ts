/**
 * Questions about what happens after wrongdoing ("申报材料弄虚作假被查出来会咋样", "骗补贴有啥后果"), and the
 * sentences of a document stating a sanction (取消资格, 不得享受, 不予扶持, 追回, 追究责任). The answer quotes the
 * sanction for the wrongdoing the question names, else the document's first.
 */
import { leafSentences, sentencePointedAt, type ClauseSentence, type SentenceSource } from "../clauseSentences.js";

/** Wrongdoing as merchants name it; falsification is written 虚报 in the documents. */
const FALSIFIED = /弄虚作假|造假|作假|虚假|骗补|骗取|骗钱|冒领|虚报|多报|报多了|虚增|假材料|假数据|刷单/g;
const WRONGDOING = new RegExp(`${FALSIFIED.source}|重报|重复申报|违规|违法|失信|偷税|漏税|被投诉|不良记录|被查|查出|查到|被发现|拖欠|欠薪|行政处罚|被处罚|假冒|伪劣`);
/** "会咋样", "有啥后果", "怎么处理" (asked, not "被处理过" told). */
const CONSEQUENCE = /会(?:咋样|怎么样|怎样|如何)|会被(?:怎么|咋|如何)|后果|(?:啥|什么|何)(?:处罚|影响)|(?:怎么|咋|如何)(?:处理|处罚|罚)/;
/** "以后几年还能申请不": whether the asker may apply again after it, which the sanction's period answers. */
const LATER_ELIGIBILITY = /(?:以后|今后|往后|之后|后面|后几年|明年)[^，。？?\s]{0,6}(?:还能|能不能|还可以|可不可以|还让)(?:申请|申报|享受|报|拿)/;
/** "以前拖欠过农户货款 还能申请吗": a wrongdoing told as past, and whether the asker may still apply (not what they get). */
const PAST = new RegExp(`以前|之前|过去|曾经|原来|那会|(?:${WRONGDOING.source})[^，,。？?\\s]{0,6}?过`);
const STILL_APPLY = /(?:还能|还可以|能不能|可不可以|还让)(?:申请|申报)/;
/** A sentence stating a sanction. */
const SANCTION = /取消[^，。；]{0,8}资格|不得[^，。；]{0,6}享受|不予(?:扶持|支持|奖励|补助)|追回|收回|追究[^，。；]{0,6}责任|列入[^，。；]{0,8}(?:黑名单|失信)/;

/**
 * true when the message asks what follows a wrongdoing. `asksAward`: it also asks for an award ("偷税被处理过
 * 还能拿奖励吗" asks about the asker's case, which the engine decides), unless it asks about applying later.
 */
export function asksSanction(text: string, asksAward = false): boolean {
  return WRONGDOING.test(text) && (LATER_ELIGIBILITY.test(text) || (PAST.test(text) && STILL_APPLY.test(text)) || (!asksAward && CONSEQUENCE.test(text)));
}

/** A list's lead ("有下列情形之一的，不予扶持：") and its items, to the sentence's end: the sanction and whom it hits. */
const LIST_LEAD = /[：:]\s*\S/;

/** The sentences of these clauses that state a sanction, in document order. */
export function sanctionSentences(clauses: readonly SentenceSource[]): ClauseSentence[] {
  const leaves = leafSentences(clauses).flatMap(({ clauseId, sentence, clause }) => {
    if (!SANCTION.test(sentence)) return [];
    // "…，不予扶持：存在拖欠农户货款行为的；以次充好…的。": the items run on after the lead, up to the full stop.
    const at = clause.text.indexOf(sentence);
    const end = clause.text.indexOf("。", at);
    return [{ clauseId, sentence: LIST_LEAD.test(sentence.slice(sentence.search(SANCTION))) ? clause.text.slice(at, end < 0 ? undefined : end + 1) : sentence }];
  });
  // A lead over items of their own ("第八条 有下列情形之一的，取消当年扶持资格：" / "（一）…的；"): the lead with every item.
  const leads = clauses.flatMap((c) => {
    const lead = c.childIds.length > 0 ? c.text.split("\n").find((line) => SANCTION.test(line) && /[：:]\s*$/.test(line)) : undefined;
    return lead ? [{ clauseId: c.id, sentence: c.text.slice(c.text.indexOf(lead)).replace(/^(?:第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、)\s*/, "") }] : [];
  });
  const order = new Map(clauses.map((c, i) => [c.id, i]));
  return [...leaves, ...leads].sort((a, b) => order.get(a.clauseId)! - order.get(b.clauseId)!);
}

/** The sanction for the wrongdoing the question names (its chat words read as the document's 虚报), else the first. */
export function sanctionAsked(text: string, sentences: readonly ClauseSentence[]): ClauseSentence | undefined {
  return sentencePointedAt(text.replace(FALSIFIED, "虚报"), sentences).best ?? sentences[0];
}
