/**
 * Part of a group that does not meet a condition: "有两个没签合同", "其中3个人没交社保". The count is of the
 * exceptions — no figure of the fact the group is counted by — and the negation denies the condition only for
 * them, not for the asker ("签了的是14个" then says how many meet it).
 */
import type { NumberMention } from "./numbers.js";
import { tailTester } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** Words that pick some out of a group before their count ("有两个", "其中3个", "里面有两个"). */
const SOME_OF = /(?:有|其中|里面|里头|中间|当中)\s?$/;
/** A negation right after a count: the counted ones do not do what follows. */
const NEGATION_AFTER_COUNT = /^(?:人|个人)?(?:都|也|还)?(?:没有?|未|不是|不|还没)/;
/** A negation ending right before a word, itself right after a count ("有两个没签合同", "3个人没交社保"). */
const COUNT_THEN_NEGATION = /(?:有|其中|里面|里头|中间|当中)\s?(?:\d+|[一二两三四五六七八九十几]+)\s?(?:个人|个|名|位|人|家)(?:都|也|还)?(?:没有?|未|不是|不|还没)[^，,。！!？?；;\s\d]{0,3}$/;

/** The two looks read in place: they run for every figure with a unit (no slice per figure). */
const negationAfterCount = tailTester(NEGATION_AFTER_COUNT);
const someOfBefore = headTester(SOME_OF);

/** The figure counts those who do not meet a condition ("有两个没签合同"). */
export function countsExceptions(text: string, m: NumberMention): boolean {
  return m.unit !== undefined && negationAfterCount(text, m.end, 5) && someOfBefore(text, Math.max(0, m.start - 3), m.start);
}

/**
 * A negation ending right before a word, said of the rest of a group after some of it were named ("3个员工里有2个是
 * 登记失业人员 签的两年合同 另一个是我表弟没签合同", "其余的都没签合同"): 另 needs a count, so "另外我们没交社保" is no rest.
 */
const REST_THEN_NEGATION = /(?:另(?:外的?)?\s?(?:\d+|[一二两三四五六七八九十几]+|俩)\s?(?:个人|个|名|位|人|家)?|其余的?|剩下的?|其他的?)[^，,。！!？?；;\s]{0,8}?(?:都|也|还)?(?:没有?|未|不是|不|还没)[^，,。！!？?；;\s\d]{0,3}$/;

/** The negation before `start` belongs to a count of exceptions or to the rest of a group: the condition is denied for some of a group only. */
export function deniedForSome(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return COUNT_THEN_NEGATION.test(before) || REST_THEN_NEGATION.test(before);
}
