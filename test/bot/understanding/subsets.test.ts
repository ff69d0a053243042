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

describe("a total broken down by kind, of a fact counted only of one kind (qualifiedBy)", () => {
  const jobs = (text: string) => extractFacts(text, { asOf: "2022-06-01" }).facts.jobsCreated;
  it("招了5个 2个是登记失业人员 1个是应届毕业的大学生 另外俩是亲戚 五个人都签了…: 3 jobs, the 五个人 said again is the total, not more", () => {
    expect(jobs("招了5个 2个是登记失业人员 1个是21年应届毕业的大学生 另外俩是亲戚 五个人都签了两年合同")).toMatchObject({ low: 3, high: 3, words: "2个、1个" });
  });
  it("the counts of other kinds (还有1个是我表弟, 另外3个是村里的婶子) are none of the fact", () => {
    expect(jobs("招了6个人 其中3个登记失业的 2个是应届大学毕业生 还有1个是我表弟 都签了一年合同")).toMatchObject({ low: 5, high: 5 });
    expect(jobs("招了4个 1个应届毕业生 另外3个是村里的婶子 合同签了一年")).toBe(1);
  });
  it("no breakdown, or one whose qualifying kinds make up the total, keeps the total", () => {
    expect(jobs("招了3个 都是登记失业人员 签了一年合同")).toBe(3);
    expect(jobs("招了3个 2个是登记失业人员 1个是应届毕业生")).toBe(3);
  });
});
