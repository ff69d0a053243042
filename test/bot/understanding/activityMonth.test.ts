/**
 * The month written with the activity year ("2023年9月办的直播大赛") is the activity's month, so a policy that
 * ended mid-year is judged by it; a month of applying or of payment, or the first of several months, is not.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2026-12-02";
const read = (text: string) => extractFacts(text, { asOf });

describe("the month of the activity year", () => {
  it.each([
    ["我们2023年9月办的直播大赛 花了5万", "2023-09-01", "2023年9月"],
    ["2023年9月15日搞了一场直播大赛", "2023-09-01", "2023年9月15日"],
    ["2021年11月卖了80万", "2021-11-01", "2021年11月"],
  ])("%s → %s, in the user's words", (text, month, words) => {
    const x = read(text);
    expect(x.facts.activityMonth).toBe(month);
    expect(x.sources.activityMonth).toBe(words);
  });
  it("a year alone states no month", () => {
    expect(read("2023年办的直播大赛").facts.activityMonth).toBeUndefined();
  });
  it("the month of applying or of payment is not the activity's (2023年9月申请, 2023年9月才到账)", () => {
    expect(read("2023年9月申请 去年办的直播大赛").facts).toMatchObject({ activityYear: 2025 });
    expect(read("2023年9月申请 去年办的直播大赛").facts.activityMonth).toBeUndefined();
    expect(read("2023年3月办的大赛 2023年9月才到账").facts.activityMonth).toBe("2023-03-01");
  });
  it("the first month of a span is no activity month (2023年1月到9月卖了300万)", () => {
    expect(read("2023年1月到9月卖了300万").facts.activityMonth).toBeUndefined();
  });
  it("a registration month dates the registration, not the activity", () => {
    const f = read("2023年9月注册的公司 2024年卖了100万").facts;
    expect(f).toMatchObject({ registrationDate: "2023-09-01", activityYear: 2024 });
    expect(f.activityMonth).toBeUndefined();
  });
});
