import { describe, expect, it } from "vitest";
import { wordKey } from "../../../bot/understanding/wordKeys.js";

describe("wordKey", () => {
  it("upper-cases a word as toUpperCase does, for letters of every script and case", () => {
    for (const word of ["gmv", "Gmv", "淘宝c店", "ｇｍｖ", "straße", "ǆ", "ŉ", "𐐨", "αβγ"]) expect(wordKey(word)).toBe(word.toUpperCase());
  });

  it("keeps a word no character of which has an upper case, Chinese or already upper-cased", () => {
    for (const word of ["粉丝", "跨境电子商务零售额", "GMV", "1688", "淘宝C店", ""]) expect(wordKey(word)).toBe(word);
  });

  it("agrees with toUpperCase on every UTF-16 code unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (wordKey(ch) !== ch.toUpperCase()) throw new Error(`code unit ${c.toString(16)}`);
    }
  });
});
