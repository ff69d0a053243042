import { describe, expect, it } from "vitest";
import { breakAfter, breakBefore, CLAUSE_BREAK, SENTENCE_BREAK } from "../../../bot/understanding/clauses.js";

describe("clause boundaries", () => {
  const text = "平阴 抖音15万粉丝，2021年带货卖了120万。还招了8个人！";

  it("finds the clause around a position: after the last break before it, up to the next break", () => {
    const at = text.indexOf("120万");
    expect(text.slice(breakBefore(text, at, CLAUSE_BREAK), breakAfter(text, at, CLAUSE_BREAK))).toBe("2021年带货卖了120万");
    expect(text.slice(breakBefore(text, at, SENTENCE_BREAK), breakAfter(text, at, SENTENCE_BREAK))).toBe("平阴 抖音15万粉丝，2021年带货卖了120万");
  });

  it("runs to the ends of the text when no break stands there", () => {
    expect(breakBefore(text, 3, CLAUSE_BREAK)).toBe(0);
    expect(breakAfter("没有标点的一句话", 2, CLAUSE_BREAK)).toBe(8);
  });

  it("stops at the limit when the clause runs on past it", () => {
    const at = text.indexOf("卖了");
    expect(breakBefore(text, at, CLAUSE_BREAK, at - 3)).toBe(at - 3);
    expect(breakAfter(text, at, CLAUSE_BREAK, at + 2)).toBe(at + 2);
    // A break inside the limit still ends the clause there.
    expect(breakBefore(text, at, CLAUSE_BREAK, 2)).toBe(text.indexOf("，") + 1);
  });

  it("gives the same boundaries as scanning character by character, for each text read in turn", () => {
    const scanBefore = (t: string, pos: number) => {
      let i = pos;
      while (i > 0 && !CLAUSE_BREAK.has(t[i - 1]!)) i--;
      return i;
    };
    const scanAfter = (t: string, pos: number) => {
      let i = pos;
      while (i < t.length && !CLAUSE_BREAK.has(t[i]!)) i++;
      return i;
    };
    for (const t of [text, "，，a,b。\n；", "", "一二三"]) {
      for (let pos = 0; pos <= t.length; pos++) {
        expect(breakBefore(t, pos, CLAUSE_BREAK)).toBe(scanBefore(t, pos));
        expect(breakAfter(t, pos, CLAUSE_BREAK)).toBe(scanAfter(t, pos));
      }
    }
  });
});
