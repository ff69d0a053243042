import { describe, expect, it } from "vitest";
import { scan, WordFinder } from "../../../bot/understanding/wordFinder.js";

/** Every word `finder` finds in `text`, searching on after each, as [start, end, word, key]. */
function all(finder: WordFinder, text: string): Array<[number, number, string, string]> {
  const found: Array<[number, number, string, string]> = [];
  for (let start = finder.find(text, 0); start >= 0; start = finder.find(text, finder.end)) {
    found.push([start, finder.end, finder.word(text, start), finder.key(text, start)]);
  }
  return found;
}

/** What a case-insensitive alternation of the words, longest first, finds: the behaviour WordFinder keeps. */
function byRegex(words: string[], text: string): Array<[number, number, string, string]> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp([...words].sort((a, b) => b.length - a.length).map(escape).join("|"), "gi");
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length, m[0], m[0].toUpperCase()]);
}

describe("WordFinder", () => {
  it("finds the longest word at the leftmost position, then searches on after it", () => {
    const finder = new WordFinder(["网络零售额", "零售额", "零售", "粉丝"]);
    expect(all(finder, "抖音粉丝15万，网络零售额120万 零售80万")).toEqual([
      [2, 4, "粉丝", "粉丝"],
      [8, 13, "网络零售额", "网络零售额"],
      [18, 20, "零售", "零售"],
    ]);
  });

  it("falls back to a shorter word when the longer one breaks off", () => {
    const finder = new WordFinder(["跨境电商零售额", "跨境电商"]);
    expect(all(finder, "跨境电商零售")).toEqual([[0, 4, "跨境电商", "跨境电商"]]);
  });

  it("ignores case as a case-insensitive regex does, keeping the words as written and keying them upper-cased", () => {
    const finder = new WordFinder(["GMV", "TikTok Shop"]);
    expect(all(finder, "gmv 300万, tiktok shop开店")).toEqual([
      [0, 3, "gmv", "GMV"],
      [10, 21, "tiktok shop", "TIKTOK SHOP"],
    ]);
  });

  it("finds from a given position, and -1 when no word follows", () => {
    const finder = new WordFinder(["主播"]);
    expect(finder.find("主播培训 主播", 1)).toBe(5);
    expect(finder.find("主播培训", 1)).toBe(-1);
  });

  it("agrees with the regex alternation on words whose case folding is special (ß, ı, the Kelvin sign, full-width letters)", () => {
    const words = ["ß", "SS", "I", "K", "Ｗ", "ǅ", "ABC", "AB"];
    const text = "ss ß ı i İ \u212a k ｗ Ｗ ǆ ǅ abc Ab aBcd";
    expect(all(new WordFinder(words), text)).toEqual(byRegex(words, text));
  });
});

describe("scan", () => {
  const finder = new WordFinder(["粉丝", "销售额", "B2C"]);
  it("gives every word found with its position, as written and keyed", () => {
    expect(scan(finder, "粉丝15万 b2c销售额").map((h) => [h.start, h.end, h.word, h.key])).toEqual([
      [0, 2, "粉丝", "粉丝"],
      [6, 9, "b2c", "B2C"],
      [9, 12, "销售额", "销售额"],
    ]);
  });
  it("refills the finder's own list for the next message: the hits of a message hold until then", () => {
    const first = scan(finder, "粉丝 粉丝 粉丝");
    expect(first.map((h) => h.start)).toEqual([0, 3, 6]);
    const second = scan(finder, "销售额");
    expect(second).toBe(first);
    expect(second.map((h) => [h.start, h.word])).toEqual([[0, "销售额"]]);
  });
});
