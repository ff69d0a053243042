/**
 * A title the asker supposes getting and asks what it brings: "我们村想创淘宝村 成了能给多少", "要是评上电商示范村
 * 能奖多少". The question is the provision's amount for them once it is theirs, so the title counts as theirs for
 * the computation (the reply says it is supposed). "淘宝村有啥奖" and "还没评上" suppose nothing.
 */

/** After the title: success supposed (成了, 创成了, 评上了, 成功了的话), then what it brings (能给多少, 奖多少). */
const SUCCESS_AFTER =
  /^([^，,。！!？?；;]{0,6}?(?:(?:创|评|建|办|申报|申请)?(?:成了|成功了?|上了)|拿下来?了?)(?:的话|以后|之后)?)[\s，,]*(?:能|可以|会|一共)?(?:给|奖|拿|补|得|有)[^，,。！!？?；;]{0,4}?(?:多少|几)/;
/** Before it: 要是/如果 with a verb of getting it ("要是评上", "如果创成"), and what it brings after. */
const SUPPOSED_BEFORE = /(?:要是|如果|假如|假设|万一)(?:我们|咱们|俺们|咱|俺)?(?:能|可以)?(?:创|评|申报|申请|拿|建)(?:上|成|到|下)?了?$/;
const AMOUNT_AFTER = /^[^，,。！!？?；;]{0,6}?(?:的话)?[\s，,]*(?:能|可以|会)?(?:给|奖|拿|补|得|有)[^，,。！!？?；;]{0,4}?(?:多少|几)/;

/** The user's words supposing the title at [start, end) of `text` is theirs (without the question), or nothing. */
export function supposedSuccess(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end, end + 20);
  const success = SUCCESS_AFTER.exec(after);
  if (success) return text.slice(start, end) + success[1]!;
  const before = SUPPOSED_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  const asks = before && AMOUNT_AFTER.exec(after);
  return before && asks ? before[0] + text.slice(start, end) : undefined;
}
