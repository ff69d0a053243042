/**
 * The sentences of a document saying that awards do not stack ("同一企业同一事项按就高原则不重复享受",
 * "以上事项不重复奖励", "不得重复申报"): what answers "两个奖能一起拿吗" for a policy with no rule file yet.
 */
import { leafSentences, type ClauseSentence, type SentenceSource } from "../clauseSentences.js";

const NO_STACKING = /不(?:再)?重复(?:享受|奖励|补助|补贴|扶持|支持)|不得重复(?:享受|申报|申请)|就高(?:原则|不重复)|不(?:可|能|得)?叠加/;

/** The sentences of these clauses that say awards do not stack, in document order. */
export function noStackingSentences(clauses: readonly SentenceSource[]): ClauseSentence[] {
  return leafSentences(clauses).filter((x) => NO_STACKING.test(x.sentence)).map(({ clauseId, sentence }) => ({ clauseId, sentence }));
}
