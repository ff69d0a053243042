/**
 * Part of a group that does not meet a condition: "有两个没签合同", "其中3个人没交社保". The count is of the
 * exceptions — no figure of the fact the group is counted by — and the negation denies the condition only for
 * them, not for the asker ("签了的是14个" then says how many meet it).
 */
import type { NumberMention } from "./numbers.js";

/** Words that pick some out of a group before their count ("有两个", "其中3个", "里面有两个"). */
const SOME_OF = /(?:有|其中|里面|里头|中间|当中)\s?$/;
/** A negation right after a count: the counted ones do not do what follows. */
const NEGATION_AFTER_COUNT = /^(?:人|个人)?(?:都|也|还)?(?:没有?|未|不是|不|还没)/;
/** A negation ending right before a word, itself right after a count ("有两个没签合同", "3个人没交社保"). */
const COUNT_THEN_NEGATION = /(?:有|其中|里面|里头|中间|当中)\s?(?:\d+|[一二两三四五六七八九十几]+)\s?(?:个人|个|名|位|人|家)(?:都|也|还)?(?:没有?|未|不是|不|还没)[^，,。！!？?；;\s\d]{0,3}$/;

/** The figure counts those who do not meet a condition ("有两个没签合同"). */
export function countsExceptions(text: string, m: NumberMention): boolean {
  return m.unit !== undefined && NEGATION_AFTER_COUNT.test(text.slice(m.end, m.end + 5)) && SOME_OF.test(text.slice(Math.max(0, m.start - 3), m.start));
}

/** The negation before `start` belongs to a count of exceptions: the condition is denied for some of a group only. */
export function deniedForSome(text: string, start: number): boolean {
  return COUNT_THEN_NEGATION.test(text.slice(Math.max(0, start - 12), start));
}
