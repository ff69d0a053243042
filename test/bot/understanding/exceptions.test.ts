/**
 * Part of a group that does not meet a condition ("其中3个人没交社保"): the count is of the exceptions, not of
 * the group, and the condition is denied only for them.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { countsExceptions, deniedForSome } from "../../../bot/understanding/exceptions.js";
import { findNumbers } from "../../../bot/understanding/numbers.js";

const first = (text: string) => findNumbers(text)[0]!;

describe("countsExceptions", () => {
  it("a count picked out of a group (有/其中…) and followed by a negation counts the exceptions", () => {
    expect(countsExceptions("其中3个人没交社保", first("其中3个人没交社保"))).toBe(true);
    expect(countsExceptions("有两个没签合同", first("有两个没签合同"))).toBe(true);
  });
  it("a group's own count is none: 培训了50人 没管饭, 有50人 没管饭 (a blank apart)", () => {
    expect(countsExceptions("培训了50人 没管饭", first("培训了50人 没管饭"))).toBe(false);
    expect(countsExceptions("有50人 没管饭", first("有50人 没管饭"))).toBe(false);
  });
});

describe("deniedForSome", () => {
  it("the negation before 社保 belongs to 其中3个人", () => {
    const text = "其中3个人没交社保";
    expect(deniedForSome(text, text.indexOf("社保"))).toBe(true);
    expect(deniedForSome("我们没交社保", "我们没交社保".indexOf("社保"))).toBe(false);
  });
});

describe("extractFacts: a correction naming the exceptions and the count that holds", () => {
  it("其中1个没交社保 交了的是12个 revises the hires to 12 and states nothing about 社保", () => {
    const x = extractFacts("搞错了 其中1个没交社保 交了的是12个", { asOf: "2023-06-01", expect: ["poorEmployees"] });
    expect(x.facts).toEqual({ poorEmployees: 12 });
  });
});
