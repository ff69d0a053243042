/**
 * Quantities the user says are none: "设备设施新增投入没有", "装修没花钱", "没有设备投入". An adviser counts that
 * part as none instead of asking for its figure (叶集 五/9: "另一部分按0元填报").
 */

/** After the words naming the quantity: more words of it, then a word of none, then the clause ends. */
const NONE_AFTER =
  /(?:设施|新增|投入|费用|部分|方面|这块|这一块|这部分|的|也|都|就|是|为|上)*(?:没有|没投钱?|没花钱?|没投|没花|没|无|为零|是零|为0|是0)(?=$|[\s，,。！!？?；;]|就|也|了|啊|呀|的)/y;
/** Before them: 没有 / 没(买|投|花) right before, not 有没有 (a question); 不做/没做 a line of business ("只做货运不做快递"). */
const NONE_BEFORE = /(?<!有)(?:没有|没买|没投|没花|没|不做|没做|不搞|没搞)$/;

/**
 * Where the words of none end, when the quantity named at [start, end) of `text` is said to be none;
 * -1 otherwise. Only the words right around the naming word are read.
 */
export function noneSaidAt(text: string, start: number, end: number): number {
  NONE_AFTER.lastIndex = end;
  const after = NONE_AFTER.exec(text);
  if (after) return end + after[0].length;
  return NONE_BEFORE.test(text.slice(Math.max(0, start - 3), start)) ? end : -1;
}
