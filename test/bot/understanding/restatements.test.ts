/**
 * A figure said again more precisely right after itself ("过了一千万 一千零几十万"), and money passed for the
 * first time with no noun ("头一回过了100万"): both are the sales figure, narrowed, never left unread.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { findNumbers } from "../../../bot/understanding/numbers.js";
import { intersectBounds } from "../../../bot/understanding/quantities.js";

const asOf = "2022-06-01";
const read = (text: string) => extractFacts(text, { asOf });
const wan = (n: number) => Math.round(n * 1_000_000);

describe("a bare figure right after one it lies within restates it", () => {
  it("年销售额突破300万 三百一二十万: the sales are [310万, 320万], both wordings kept", () => {
    const x = read("年销售额突破300万 三百一二十万");
    expect(x.facts.onlineRetailSales).toEqual({ low: wan(310), high: wan(320), words: "突破300万、三百一二十万" });
    expect(x.unattributed).toEqual([]);
  });
  it("营业额过了两千万，两千零几十万吧: the vague 几十 narrows the milestone", () => {
    const v = read("营业额过了两千万，两千零几十万吧").facts.onlineRetailSales as { low: number; high: number };
    expect(v.low).toBeGreaterThan(wan(2000));
    expect(v.high).toBeLessThan(wan(2100));
  });
  it("an exact figure within the bound is the figure: 网络零售额超过50万 56万", () => {
    expect(read("网络零售额超过50万 56万").facts.onlineRetailSales).toBe(wan(56));
  });
  it("a platform's sales restated stay both platform and online retail sales", () => {
    const f = read("拼多多上销售额过了100万 一百三四十万").facts;
    expect(f.platformSales).toMatchObject({ low: wan(130), high: wan(140) });
    expect(f.onlineRetailSales).toMatchObject({ low: wan(130), high: wan(140) });
  });
  it("a figure outside the first is no restatement: 销售额过了100万 30万 stays unread", () => {
    const x = read("销售额过了100万 30万");
    expect(x.facts.onlineRetailSales).toMatchObject({ words: "过了100万" });
    expect(x.unattributed.map((m) => m.words)).toEqual(["30万"]);
  });
  it("a figure after an exact one restates nothing (卖了120万 一百多万 keeps 120万)", () => {
    expect(read("卖了120万 一百多万").facts.onlineRetailSales).toBe(wan(120));
  });
  it("a word between the figures other than a blank or comma breaks the restatement", () => {
    expect(read("销售额过了100万 跨境120万").facts.onlineRetailSales).toMatchObject({ words: "过了100万" });
  });
});

describe("intersectBounds with an exact figure", () => {
  it("keeps the exact figure when the bounds hold it, and refuses one outside them", () => {
    expect(intersectBounds([{ low: 100, high: 200, words: "过了100" }, 150])).toBe(150);
    expect(intersectBounds([{ low: 100, high: 200, words: "过了100" }, 250])).toBeNull();
    expect(intersectBounds([150, 160])).toBeNull();
  });
});

describe("money passed for the first time is the sales figure", () => {
  it.each([
    ["2019年头一回过了100万", "过了100万"],
    ["去年第一次突破500万", "突破500万"],
    ["今年首次突破了一千万", "突破了一千万"],
    ["头一遭过了200万", "过了200万"],
  ])("%s → sales %s", (text, words) => {
    expect(read(text).facts.onlineRetailSales).toMatchObject({ words });
  });
  it("a noun cue still decides: 粉丝首次突破10万 is followers, not sales", () => {
    const f = read("粉丝首次突破10万").facts;
    expect(f.followers).toMatchObject({ words: "突破10万" });
    expect(f.onlineRetailSales).toBeUndefined();
  });
  it("without a first-time word, a milestone with no noun stays unread (过了100万)", () => {
    expect(read("过了100万").facts.onlineRetailSales).toBeUndefined();
  });
  it("头一 is an ordinal, no count: 头一次过了一千万 holds one number", () => {
    expect(findNumbers("头一次过了一千万").map((m) => m.words)).toEqual(["过了一千万"]);
    expect(findNumbers("头一回办了两期").map((m) => m.words)).toEqual(["两期"]);
  });
});

describe("an earlier year's figure set beside a later one (又/也/还, or 就/已经 before the earlier one)", () => {
  it("2019年就过了60万 2020年又卖了80万: the 2019 figure is the earlier years' best, 2020's the sales", () => {
    const x = read("2019年就过了60万 2020年又卖了80万");
    expect(x.facts.onlineRetailSales).toBe(wan(80));
    expect(x.facts.earlierSales).toMatchObject({ words: "2019年过了60万" });
  });
  it("the later year's figure may be the bare one: 2018年销售收入就过了两百万 2019年还是两百多万", () => {
    const x = read("2018年销售收入就过了两百万 2019年还是两百多万");
    expect(x.facts.onlineRetailSales).toMatchObject({ words: "两百多万" });
    expect(x.facts.earlierSales).toMatchObject({ words: "2018年过了两百万" });
    expect(x.unattributed).toEqual([]);
  });
  it("a bare figure after the same year, or before an earlier one, is no later year's figure", () => {
    expect(read("2019年销售额过了两百万 2019年还是两百多万").facts.earlierSales).toBeUndefined();
    expect(read("2019年销售额过了两百万 2018年还是两百多万").facts.earlierSales).toBeUndefined();
  });
  it("2018年就已经过了500万 2019年卖了600万: an earlier figure said as already reached needs no 又 after the later year", () => {
    const x = read("2018年就已经过了500万 2019年卖了600万");
    expect(x.facts.onlineRetailSales).toBe(wan(600));
    expect(x.facts.earlierSales).toMatchObject({ words: "2018年过了500万" });
    expect(read("2017年已经突破了200万 2018年卖了260万").facts.earlierSales).toMatchObject({ words: "2017年突破了200万" });
  });
  it("without a word setting them side by side the bare figure stays unread", () => {
    expect(read("2019年过了60万 2020年卖了80万").facts.earlierSales).toBeUndefined();
  });
});
