/** Window tests read the message in place and answer as the pattern does on a slice of the window. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLAUSE_BREAK } from "../../../bot/understanding/clauses.js";
import { headTester, windowTester, withoutNegativeLookarounds, WordEarlierInClause } from "../../../bot/understanding/windowTests.js";

/** Chat messages of the realistic sample, joined: windows over them meet negations, breaks and blanks. */
const TEXT = readFileSync(new URL("../../fixtures/dev-chat.jsonl", import.meta.url), "utf8")
  .split("\n").filter(Boolean).flatMap((l) => JSON.parse(l).turns as string[]).join(" ");

describe("headTester", () => {
  const patterns = [
    /(没有|没|未|不是|不(?![仅但只论过])|无(?!论)|尚未|还没|并未|非(?!常))[^，,。！!？?；;\s]{0,3}$/,
    /(给|(?<![作成评认称因])为|帮|替|帮助)$/,
    /(\d|[二两三四五六七八九十几多])\s*[家个名位]$/,
    /(我们|咱们|我|咱|本)(是|这个|这家|这边|这里的?)?$/,
  ];
  it.each(patterns.map((p) => [p.source, p]))("answers as /%s/ on the slice, for every window of up to 5 characters", (_, pattern) => {
    const test = headTester(pattern as RegExp);
    for (let at = 0; at <= TEXT.length; at++) {
      for (let from = Math.max(0, at - 5); from <= at; from++) {
        if (test(TEXT, from, at) !== (pattern as RegExp).test(TEXT.slice(from, at))) throw new Error(`differs at [${from}, ${at})`);
      }
    }
  });
  it("a negative look-ahead at the window's end reads as on the slice (不 right before a word starting with 过)", () => {
    const negated = headTester(/不(?![过])$/);
    expect(negated("不过年", 0, 1)).toBe(true);
    expect(/不(?![过])$/.test("不过年".slice(0, 1))).toBe(true);
  });
  it("refuses patterns not anchored at the end, or reading past their match", () => {
    expect(() => headTester(/不/)).toThrow();
    expect(() => headTester(/^不$/)).toThrow();
    expect(() => headTester(/(?=不)不$/)).toThrow();
  });
  it("refuses a repeat without bound of most characters (a look-behind scanning back to the clause's start at every look)", () => {
    expect(() => headTester(/标准里[^，]*$/)).toThrow(/WordEarlierInClause/);
    expect(() => headTester(/标准里.+$/)).toThrow();
    expect(() => headTester(/标准里\S{2,}$/)).toThrow();
    expect(() => headTester(/标准(里|中)*$/)).toThrow();
    expect(() => headTester(/标准里[^*+]{0,3}$/)).not.toThrow();
    expect(() => headTester(/\d\s*[家个]+$/)).not.toThrow();
  });
});

describe("WordEarlierInClause", () => {
  const heads = ["标准", "条件", "政策"].flatMap((w) => ["里", "中", "里面"].map((place) => w + place));
  const pattern = /(标准|条件|政策)(里|中|里面)[^，,。！!？?；;\n]*$/;
  /** The sample with the words put in: before breaks, before a word starting with 面 (标准里面积), and in runs without breaks. */
  const text = TEXT.replace(/奖励/g, "标准里面积").replace(/补贴/g, "条件中，").replace(/店/g, "政策里面");
  it("answers as the pattern on the slice, for every window of up to 60 characters, message after message", () => {
    const reader = new WordEarlierInClause(heads, CLAUSE_BREAK);
    for (const message of [text, TEXT, text.slice(7)]) {
      reader.begin();
      for (let at = 0; at <= message.length; at++) {
        for (let from = Math.max(0, at - 60); from <= at; from += 3) {
          if (reader.test(message, from, at) !== pattern.test(message.slice(from, at))) throw new Error(`differs at [${from}, ${at})`);
        }
      }
    }
  });
  it("refuses a word holding a break (a longer word there could then be the one that counts)", () => {
    expect(() => new WordEarlierInClause(["标准，里"], CLAUSE_BREAK)).toThrow();
  });
});

describe("windowTester", () => {
  const patterns = [/年[^，,。]{0,3}(卖|销售|零售|营业)/, /注册|成立|落户/, /(标准|条件|要求|规定|条文|文件|政策)(里|中|上|里面|当中)/];
  it.each(patterns.map((p) => [p.source, p]))("answers as /%s/ on the slice, for every window of up to 10 characters", (_, pattern) => {
    const test = windowTester(pattern as RegExp);
    for (let from = 0; from <= TEXT.length; from++) {
      for (let to = from; to <= Math.min(TEXT.length, from + 10); to++) {
        if (test(TEXT, from, to) !== (pattern as RegExp).test(TEXT.slice(from, to))) throw new Error(`differs at [${from}, ${to})`);
      }
    }
  });
  it("refuses anchors and look-arounds", () => {
    expect(() => windowTester(/^年/)).toThrow();
    expect(() => windowTester(/年(?!份)/)).toThrow();
  });
});

describe("withoutNegativeLookarounds", () => {
  it("drops (?!…) and (?<!…), keeping classes and escapes", () => {
    expect(withoutNegativeLookarounds("不(?![仅但)])|(?<![作(])为\\(x[(?!]")).toBe("不|为\\(x[(?!]");
  });
});
