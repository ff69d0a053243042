import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2026-12-02";
const facts = (text: string) => extractFacts(text, { asOf }).facts;

describe("qualified subsets", () => {
  it("reads the count of those meeting a condition after the total as the count, not the total", () => {
    expect(facts("聊城 培训机构 2022年培训了30个主播 不过10万粉以上的只有十五六个").anchorsTrained).toMatchObject({ low: 15, high: 16, words: "十五六个" });
    expect(facts("2022年一共培训了40个主播 其中10万粉以上的有12个").anchorsTrained).toBe(12);
    expect(facts("2022年培训了45个主播 粉丝过10万的就8个").anchorsTrained).toBe(8);
  });

  it("keeps the condition's own figure as what it is", () => {
    expect(facts("2022年培训了30个主播 不过10万粉以上的只有十五六个").trainedAnchorFollowers).toBe(100000);
  });

  it("leaves a total alone when no count of a subset follows", () => {
    expect(facts("2022年培训了30个主播 都是10万粉以上的").anchorsTrained).toBe(30);
  });
});
