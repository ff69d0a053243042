/**
 * Vocabulary words are looked up upper-cased ("gmv" finds GMV). A word found in a message is nearly always
 * Chinese, which upper-casing leaves as it is; `wordKey` then returns the word itself instead of a new copy
 * of it for every word found (String.prototype.toUpperCase copies even an unchanged CJK string).
 */

/** Per UTF-16 code unit: 0 not yet seen, 1 upper-casing keeps it, 2 changes it (a surrogate counts as changing: its pair may). */
const CASE = new Uint8Array(0x10000);

/** `word.toUpperCase()`, without a copy when no character of it has an upper case. */
export function wordKey(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let kind = CASE[c]!;
    if (kind === 0) {
      const ch = String.fromCharCode(c);
      CASE[c] = kind = (c >= 0xd800 && c <= 0xdfff) || ch.toUpperCase() !== ch ? 2 : 1;
    }
    if (kind === 2) return word.toUpperCase();
  }
  return word;
}
