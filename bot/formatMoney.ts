/**
 * Amounts as a merchant reads them: 2000000 fen → "2万元", 10800000 → "10.8万元", 330000 → "3300元".
 * Works on integers only, so what is shown is exactly what the engine computed.
 */

/** Format integer fen as 元 or 万元 without rounding: the shown value equals the engine's. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount: ${fen}`);
  const sign = fen < 0 ? "-" : "";
  const abs = BigInt(Math.abs(fen));
  const yuan = abs / 100n;
  const cents = abs % 100n;
  if (cents !== 0n) return `${sign}${yuan}.${cents.toString().padStart(2, "0").replace(/0$/, "")}元`;
  // 1.2亿 reads better than 12000万 once an amount reaches a hundred million yuan.
  if (yuan >= 100_000_000n && yuan % 10_000_000n === 0n) {
    const yi = yuan / 100_000_000n;
    const tenth = (yuan % 100_000_000n) / 10_000_000n;
    return `${sign}${yi}${tenth === 0n ? "" : `.${tenth}`}亿元`;
  }
  if (yuan >= 10000n) {
    const wan = yuan / 10000n;
    const rest = yuan % 10000n;
    if (rest === 0n) return `${sign}${wan}万元`;
    // Only use a 万 decimal when it is short (10.8万), else the plain 元 figure is clearer.
    const decimals = rest.toString().padStart(4, "0").replace(/0+$/, "");
    if (decimals.length <= 2) return `${sign}${wan}.${decimals}万元`;
  }
  return `${sign}${yuan}元`;
}

/** Format a plain count or measure with 万 when it is a round number of ten-thousands (150000 → "15万"). */
export function formatQuantity(n: number): string {
  if (Number.isInteger(n) && n >= 10000 && n % 1000 === 0) {
    const wan = n / 10000;
    return `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万`;
  }
  return String(n);
}
