/**
 * Questions about who is responsible for something ("资金拨付归哪个部门管", "物流配送谁负责"), and the sentences
 * of a document that assign a duty ("县财政局负责电商扶持资金预算管理和拨付；"). The answer quotes the duty the
 * question's words point at; how to apply is a different question (the procedure answers it).
 */
import { leafSentences, sentencePointedAt, type ClauseSentence, type SentenceSource } from "../clauseSentences.js";

/** "归哪个部门管", "哪个单位负责", "该找哪个部门指导", "谁来管", "谁牵头". */
const ASKS_DUTY = /(?:哪个|哪些|哪家|什么|啥)(?:部门|单位)[^，。？?\s]{0,4}(?:管|负责|牵头|拨|出|指导)|归(?:哪|谁)[^，。？?\s]{0,4}管|谁(?:来)?(?:负责|管|牵头)/;
/** A question how to apply: the procedure answers it, not a duty. */
const HOW_TO_APPLY = /申请|申报|报名|材料|流程|手续/;
/** Words every duty question uses; they point at no sentence. */
const GENERIC = /(?:哪个|哪些|哪家|什么|啥)?(?:部门|单位)|负责|牵头|指导|归|管/g;
/** A sentence assigning a duty: "县财政局负责…", "由市商务局牵头…". */
const DUTY = /负责|牵头/;

/** true when the message asks who is responsible for something, not how to apply. */
export function asksDuty(text: string): boolean {
  return ASKS_DUTY.test(text) && !HOW_TO_APPLY.test(text);
}

/** The sentences of these clauses that assign a duty, in document order. */
export function dutySentences(clauses: readonly SentenceSource[]): ClauseSentence[] {
  return leafSentences(clauses).flatMap(({ clauseId, sentence }) => (DUTY.test(sentence) ? [{ clauseId, sentence }] : []));
}

/** The duty the question's words point at, or undefined when none does clearly. */
export function dutyAsked(text: string, sentences: readonly ClauseSentence[]): ClauseSentence | undefined {
  return sentencePointedAt(text.replace(GENERIC, " "), sentences).best;
}
