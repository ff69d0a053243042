/**
 * Quantities the user says are none: "设备设施新增投入没有", "装修没花钱", "没有设备投入". An adviser counts that
 * part as none instead of asking for its figure (叶集 五/9: "另一部分按0元填报").
 */
import { headTester } from "./windowTests.js";

/** After the words naming the quantity: more words of it, then a word of none, then the clause ends. */
const NONE_AFTER =
  /(?:设施|新增|投入|费用|部分|方面|这块|这一块|这部分|的|也|都|就|是|为|上)*(?:没有|没投钱?|没花钱?|没投|没花|没|无|为零|是零|为0|是0)(?=$|[\s，,。！!？?；;]|就|也|了|啊|呀|的)/y;
/** Before them: 没有 / 没(买|投|花) right before, not 有没有 (a question); 不做/没做 a line of business ("只做货运不做快递"). */
const NONE_BEFORE = /(?<!有)(?:没有|没买|没投|没花|没|不做|没做|不搞|没搞)$/;
/** NONE_BEFORE read in place: it is asked for most cue words of a message. */
const noneBefore = headTester(NONE_BEFORE);

/**
 * Where the words of none end, when the quantity named at [start, end) of `text` is said to be none;
 * -1 otherwise. Only the words right around the naming word are read.
 */
export function noneSaidAt(text: string, start: number, end: number): number {
  NONE_AFTER.lastIndex = end;
  const after = NONE_AFTER.exec(text);
  if (after) return end + after[0].length;
  return noneBefore(text, Math.max(0, start - 3), start) ? end : -1;
}

/** 不做/没搞… a line of business right before its word ("不做货运", "也不干货运"). */
const LINE_NONE_BEFORE = /(?:不做|没做|不搞|没搞|不干|没干|不跑|没跑)$/;
const lineNoneBefore = headTester(LINE_NONE_BEFORE);
/** …or after it ("货运没做", "货运这块不搞"). */
const LINE_NONE_AFTER = /(?:这块|这一块|业务|方面)?(?:也|都|就|还|一直)?(?:不做|没做|不搞|没搞|不干|没干|不跑|没跑)(?=$|[\s，,。！!？?；;]|了|啊|呀|的|那)/y;

/**
 * Where the words of none end when a line of business named at [start, end) is said not to be done ("只做快递不做货运",
 * "货运没做"); -1 otherwise. Narrower than noneSaidAt: it serves quantities that do not add up (a yearly volume), for
 * which only a stated absence of the whole line of business is a none ("没有货运量数据" is no none).
 */
export function lineNoneAt(text: string, start: number, end: number): number {
  LINE_NONE_AFTER.lastIndex = end;
  const after = LINE_NONE_AFTER.exec(text);
  if (after) return end + after[0].length;
  return lineNoneBefore(text, Math.max(0, start - 2), start) ? end : -1;
}
