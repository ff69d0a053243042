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

describe("deniedForSome: the rest of a group", () => {
  const at = (text: string, word: string) => deniedForSome(text, text.indexOf(word));
  it("a negation said of the rest after some were named (另一个, 剩下那个, 其余的) denies the condition for them only", () => {
    const t = "签的两年合同 另一个是我表弟没签合同";
    expect(deniedForSome(t, t.lastIndexOf("合同"))).toBe(true);
    expect(at("剩下那个是临时帮忙的没签合同", "合同")).toBe(true);
    expect(at("其余的都没签合同", "合同")).toBe(true);
    expect(at("另外两个人没交社保", "社保")).toBe(true);
  });
  it("另外 without a count is 'besides', and the asker's own negation stays theirs", () => {
    expect(at("另外我们没交社保", "社保")).toBe(false);
    expect(at("员工都没签合同", "合同")).toBe(false);
  });

  it("extractFacts keeps the contract of the named ones when the rest has none", () => {
    const facts = extractFacts("平阴 3个员工里有2个是登记失业人员 签的两年合同 另一个是我表弟没签合同", { asOf: "2026-12-02" }).facts;
    expect(facts.laborContractYear).toBe(true);
  });
});
