/**
 * Questions about what a document aims at ("主要想干啥 大方向是啥", "全县零售额要冲到多少", "网点要建到哪一级"),
 * and the sentences that state its aims: a target year (到2022年), 力争, 确保, 全覆盖, or any sentence of a
 * clause headed 指导思想 / 目标 / 总体要求. A target is not an award however many figures it holds: the answer
 * quotes the aim the question's words point at, or the document's purpose when they point at none.
 */
import { leafSentences, sentencePointedAt, type ClauseSentence, type SentenceSource } from "../clauseSentences.js";

/** One sentence stating an aim, verbatim, with its clause. */
export interface TargetSentence extends ClauseSentence {
  /** Its clause is headed as the document's purpose or goals (指导思想, 发展目标…). */
  purpose: boolean;
}

/** "目标是啥", "大方向", "想干啥", "打算认定多少个", "要冲到多少", "建到哪一级", "全县…多少". */
const ASKS_TARGET =
  /目标|大方向|方向(?:是|呢|啥|在哪)|(?:想|要|主要)干(?:啥|什么|嘛)|指导思想|力争|规划|(?:打算|计划)[^，。？?\s]{0,4}(?:多少|几)|冲到|(?:做|建|覆盖|发展)到(?:哪|多少|什么)|全覆盖|(?:全县|全市|全区)[^，。？?\s]{0,12}(?:多少|几)/;
/** The asker's own plans ("我们计划建…") or money for them: a question about a provision, not the document's aims. */
const ABOUT_ASKER = /我|俺|咱|本人|自己|奖|补贴|补助|能拿|能领|申报|申请/;
/** Words every aim question uses; they point at no sentence. */
const GENERIC = /目标|大?方向|(?:想|要|主要)?干(?:啥|什么|嘛)|指导思想|打算|计划|规划|力争|(?:做|建|覆盖|发展)到(?:哪|多少|什么)|发展|扶持|意见|措施|办法|文件|政策|主要|总体|整体|这个|那个|的/g;
/** A sentence stating an aim. */
const AIM = /到\s*20\d\d\s*年|力争|确保|全覆盖/;
/** A clause headed as the document's purpose or goals. */
const PURPOSE_HEADING = /指导思想|目标|总体要求/;
/** A question with at most this many pieces of its own names no subject: it asks the document's purpose. */
const NO_SUBJECT_AT_MOST = 2;

/** true when a sentence states an aim to reach (a year, 力争, 确保, 全覆盖), not only a purpose. */
export function statesAim(sentence: string): boolean {
  return AIM.test(sentence);
}

/** true when the message asks what the document aims at, not what the asker gets. */
export function asksTarget(text: string): boolean {
  return ASKS_TARGET.test(text) && !ABOUT_ASKER.test(text);
}

/** The sentences of these clauses (leaves, in document order) that state aims; a heading line is left out. */
export function targetSentences(clauses: readonly SentenceSource[]): TargetSentence[] {
  return leafSentences(clauses).flatMap(({ clauseId, sentence, clause }) => {
    const purpose = clause.headingPath.some((h) => PURPOSE_HEADING.test(h));
    return purpose || AIM.test(sentence) ? [{ clauseId, sentence: aimPart(sentence), purpose }] : [];
  });
}

/** Past this length a sentence is quoted from the comma-part stating its aim (a quote is shown up to 150 characters). */
const LONG = 120;

/** "认真贯彻…，确保…主要指标达到全市平均水平。" → "确保…达到全市平均水平。": verbatim, from the aim on. */
function aimPart(sentence: string): string {
  const at = sentence.length > LONG ? sentence.search(AIM) : -1;
  return at > 0 ? sentence.slice(Math.max(sentence.lastIndexOf("，", at), sentence.lastIndexOf(",", at)) + 1) : sentence;
}

/**
 * The aim a question asks about: the sentence sharing most pieces with it (the first on a tie), or the
 * document's purpose when the question names no subject of its own ("大方向是啥"); undefined when it names
 * one no aim speaks of (then a provision may).
 */
export function targetAsked(text: string, sentences: readonly TargetSentence[]): TargetSentence | undefined {
  const { best, shared, pieces } = sentencePointedAt(text.replace(GENERIC, " "), sentences);
  if (best || shared > 0 || pieces > NO_SUBJECT_AT_MOST) return best;
  return sentences.find((s) => s.purpose) ?? sentences[0];
}
