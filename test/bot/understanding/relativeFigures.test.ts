import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2026-12-02";
const facts = (text: string) => extractFacts(text, { asOf }).facts as Record<string, unknown>;
const wan = (n: number) => n * 1e6; // 万元 in fen

describe("figures said relative to an earlier year's", () => {
  it("doubles the earlier year's figure for 翻了一倍 / 翻番 / 涨了一倍, for the later year asked", () => {
    expect(facts("达人 粉丝15万 2020年卖了60万 2021年翻了一倍").onlineRetailSales).toMatchObject({ low: wan(120), high: wan(120), words: "60万，2021年翻了一倍" });
    expect(facts("17年卖了150万 18年翻了一番").onlineRetailSales).toMatchObject({ low: wan(300), high: wan(300) });
    expect(facts("去年卖了50万 今年涨了一倍").onlineRetailSales).toMatchObject({ low: wan(100) });
  });

  it("keeps the earlier year's figure as that year's best, for 首次突破", () => {
    expect(facts("17年卖了150万 18年翻了一番").earlierSales).toMatchObject({ low: wan(150), words: "2017年150万" });
  });

  it("reads 涨了一半, 增长了两成, 涨了30%, 翻了两番 and 降了一半 as factors", () => {
    expect(facts("20年卖了70万 21年涨了一半").onlineRetailSales).toMatchObject({ low: wan(105) });
    expect(facts("20年卖了100万 21年增长了两成").onlineRetailSales).toMatchObject({ low: wan(120) });
    expect(facts("20年卖了100万 21年涨了30%").onlineRetailSales).toMatchObject({ low: wan(130) });
    expect(facts("19年卖了50万 21年翻了两番").onlineRetailSales).toMatchObject({ low: wan(200) });
    expect(facts("20年卖了300万 21年降了一半").onlineRetailSales).toMatchObject({ low: wan(150) });
  });

  it("adds or takes off a difference said with 多卖了 / 比去年多 / 少了", () => {
    expect(facts("20年卖了80万 21年比20年多卖了30万").onlineRetailSales).toMatchObject({ low: wan(110), high: wan(110) });
    expect(facts("2020年卖了150万 2021年少了60万").onlineRetailSales).toMatchObject({ low: wan(90) });
  });

  it("carries an approximate base into an interval", () => {
    const v = facts("20年卖了五十多万 21年翻了一倍").onlineRetailSales as { low: number; high: number };
    expect(v.low).toBeGreaterThan(wan(100));
    expect(v.high).toBeLessThan(wan(120));
  });

  it("leaves the figure alone when the comparison is with an earlier year (比20年多了一倍: the figure is the later year's)", () => {
    expect(facts("21年卖了120万 比20年多了一倍").onlineRetailSales).toBe(wan(120));
  });

  it("leaves the figure alone when no later time stands between it and the words", () => {
    expect(facts("2021年卖了120万 粉丝涨了一倍").onlineRetailSales).toBe(wan(120));
  });
});

describe("a shortfall to a target", () => {
  it("reads 差两万到100万 as 98万, not as a range from 2万 to 100万", () => {
    expect(facts("达人 粉丝11万 21年卖了差两万到100万").onlineRetailSales).toMatchObject({ low: wan(98), high: wan(98), words: "差两万到100万" });
  });
});
