/**
 * Parts of one year, each with its figure (上半年/下半年, quarters, months): they add up to the year's figure, all of
 * the year when every part is named, at least their sum otherwise. Read through extractFacts, as the bot reads them.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { readYearParts } from "../../../bot/understanding/yearParts.js";
import type { ApproxValue } from "../../../rules/facts.js";

const read = (text: string) => extractFacts(text, { asOf: "2022-06-01" });
const wan = (n: number) => Math.round(n * 1_000_000);
const starts = (text: string, ...figures: string[]) => figures.map((f) => text.indexOf(f));
const ends = (text: string, ...figures: string[]) => figures.map((f) => text.indexOf(f) + f.length);

describe("readYearParts", () => {
  it("上半年 and 下半年 before two figures are the whole year", () => {
    const t = "上半年卖了60万 下半年卖了70万";
    expect(readYearParts(t, starts(t, "60万", "70万"), ends(t, "60万"))).toEqual({ whole: true });
  });
  it("two quarters are parts of the year, not all of it", () => {
    const t = "一季度卖了20万 第二季度35万";
    expect(readYearParts(t, starts(t, "20万", "35万"), ends(t, "20万"))).toEqual({ whole: false });
  });
  it("the same part twice, parts that overlap, or a figure with no part are no parts of a year", () => {
    const same = "上半年卖了60万 上半年又说是70万";
    expect(readYearParts(same, starts(same, "60万", "70万"), ends(same, "60万"))).toBeNull();
    const mixed = "上半年卖了60万 二季度卖了30万";
    expect(readYearParts(mixed, starts(mixed, "60万", "30万"), ends(mixed, "60万"))).toBeNull();
    const none = "上半年卖了60万 另外卖了70万";
    expect(readYearParts(none, starts(none, "60万", "70万"), ends(none, "60万"))).toBeNull();
  });
  it("一季度 二季度 下半年 cover the year", () => {
    const t = "一季度网零两千万 二季度2500万 下半年五千万";
    expect(readYearParts(t, starts(t, "两千万", "2500万", "五千万"), ends(t, "两千万", "2500万"))).toEqual({ whole: true });
  });
  it("a running or whole-year total is no part (到6月底累计, 全年)", () => {
    const t = "3月卖了20万 到6月底累计卖了50万";
    expect(readYearParts(t, starts(t, "20万", "50万"), ends(t, "20万"))).toBeNull();
  });
});

describe("the year's sales from its parts", () => {
  it("21年上半年卖了60万 下半年卖了70万 is 130万 for 2021, two parts with the user's words", () => {
    const x = read("21年上半年卖了60万 下半年卖了70万");
    const s = x.facts.onlineRetailSales as ApproxValue;
    expect(s).toMatchObject({ low: wan(130), high: wan(130), words: "60万、70万" });
    expect(s.parts!.map((p) => p.year)).toEqual([2021, 2021]);
  });
  it("a half with its verb left out joins the half before (上半年卖了五十来万 下半年六十多万)", () => {
    const s = read("21年上半年卖了五十来万 下半年六十多万").facts.onlineRetailSales as ApproxValue;
    expect(s.words).toBe("五十来万、六十多万");
    expect(s.low).toBeGreaterThan(wan(110));
    expect(s.high).toBeLessThan(wan(130));
  });
  it("a cue starting on the 年 of 上半年 still names the figure: 上半年网零600万 下半年700万 is 1300万", () => {
    expect(read("2021年上半年网零600万 下半年700万").facts.onlineRetailSales).toMatchObject({ low: wan(1300), high: wan(1300) });
  });
  it("four quarters, three of them with no verb, are the year (115万)", () => {
    const s = read("一季度卖了20万 二季度30万 三季度25万 四季度40万").facts.onlineRetailSales as ApproxValue;
    expect(s).toMatchObject({ low: wan(115), high: wan(115) });
  });
  it("two months are at least their sum, open above, and the note says the rest of the year is unsaid", () => {
    const x = read("2021年3月卖了8万 4月卖了12万");
    expect(x.facts.onlineRetailSales).toMatchObject({ low: wan(20), high: null });
    expect(x.notes.join("")).toContain("其余月份未说");
  });
  it("a half and then the whole year: the whole year counts (上半年60万 全年卖了130万)", () => {
    expect(read("上半年卖了60万 全年卖了130万").facts.onlineRetailSales).toBe(wan(130));
  });
  it("halves of two different years are no sum (21年下半年 and 22年上半年)", () => {
    const s = read("21年下半年卖了60万 22年上半年卖了70万").facts.onlineRetailSales;
    expect((s as ApproxValue).low === wan(130)).toBe(false);
  });
});
