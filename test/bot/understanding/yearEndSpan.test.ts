import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2026-12-02";
const facts = (text: string) => extractFacts(text, { asOf }).facts;

describe("readOpenedToYearEnd: a business opened in a month, with a figure to that year's end, ran only those months", () => {
  it("reads 网店2019年3月才开的 到年底 as 9 to 10 months of 2019, in the user's words", () => {
    const read = extractFacts("我的B2C网店2019年3月才开的 到年底卖了三百二十万", { asOf });
    expect(read.facts).toMatchObject({ registrationDate: "2019-03-01", activityYear: 2019, operatingMonths: { low: 9, high: 10 } });
    expect(read.sources.operatingMonths).toBe("2019年3月才开的，到年底");
  });

  it("reads 成立 and 开起来 with 到年末 the same way", () => {
    expect(facts("公司2018年10月成立的 到年底做了50万").operatingMonths).toMatchObject({ low: 2, high: 3 });
    expect(facts("小店是2020年6月份开起来的 到年末卖了一百二十万").operatingMonths).toMatchObject({ low: 6, high: 7 });
  });

  it("leaves the months unread without 到年底, without a month, in a year not yet over, or with another activity year", () => {
    expect(facts("网店2019年3月开的 卖了三百万").operatingMonths).toBeUndefined();
    expect(facts("网店2019年开的 到年底卖了三百万").operatingMonths).toBeUndefined();
    expect(facts("网店2026年3月开的 到年底能卖三百万").operatingMonths).toBeUndefined();
    expect(facts("网店2019年3月开的 2020年到年底卖了三百万").operatingMonths).toBeUndefined();
  });

  it("does not take a training held (培训班2019年3月办的) for a business opened", () => {
    expect(facts("培训班2019年3月办的").registrationDate).toBeUndefined();
  });
});
