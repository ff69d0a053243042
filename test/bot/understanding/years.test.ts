/** Years: the activity year a figure belongs to, date facts next to their words, earlier years' figures, months since registration. */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { readEarlierYears, readOperatingSince, readYears } from "../../../bot/understanding/years.js";
import { findNumbers } from "../../../bot/understanding/numbers.js";
import { mentionToQuantity } from "../../../bot/understanding/quantities.js";

const asOf = "2022-06-01";
const facts = (text: string) => extractFacts(text, { asOf }).facts;

describe("extractFacts reads years", () => {
  it("resolves 去年/今年/前年 against asOf", () => {
    expect(facts("去年卖了200万").activityYear).toBe(2021);
    expect(facts("今年卖了200万").activityYear).toBe(2022);
    expect(facts("前年卖了200万").activityYear).toBe(2020);
    expect(facts("二零二一年卖了200万").activityYear).toBe(2021);
  });

  it("does not take a year told as history (之前16年就过过, 早在2016年, 以前17年) for the year asked, unless it is the only one", () => {
    expect(facts("18年网上卖本地产品 销售收入首次过了五百万 但是之前16年就过过200万了").activityYear).toBe(2018);
    expect(facts("19年第一次过了1000万 不过以前17年就过过500万了").activityYear).toBe(2019);
    expect(facts("2018年头一回破了200万 早在2016年就做过150万").activityYear).toBe(2018);
    expect(facts("2021年就卖了120万 粉丝12万").activityYear).toBe(2021);
  });

  it("reads 当年 as the year named in the message, else the as-of year", () => {
    expect(facts("2021年注册，当年网络零售额3000万").activityYear).toBe(2021);
    expect(facts("当年网络零售额3000万").activityYear).toBe(2022);
  });

  it("reads 当年 in a message naming no year as the year an earlier turn named: the activity year, else a registration date's, which is then 当年新注册", () => {
    const later = (known: Parameters<typeof extractFacts>[1]["known"]) => extractFacts("当年纳统网络零售额两千五百万", { asOf, known });
    expect(later({ activityYear: 2020 }).facts.activityYear).toBe(2020);
    const registered = later({ registrationDate: "2021-03-01" });
    expect(registered.facts).toMatchObject({ activityYear: 2021, newlyRegistered: true });
    expect(registered.sources.activityYear).toBe("当年");
    // A year in the message itself still decides, and without any year 当年 is the as-of year.
    expect(extractFacts("2020年注册，当年网络零售额3000万", { asOf, known: { registrationDate: "2019-01-01" } }).facts.activityYear).toBe(2020);
    expect(later({}).facts.activityYear).toBe(2022);
  });

  it("does not take a year told as history (之前19年就过过, 早在2018年) over the year asked about", () => {
    expect(facts("公司2020年网零一个多亿 之前19年就过过五千万 能奖多少").activityYear).toBe(2020);
    expect(facts("2021年首次突破1000万 早在2019年卖过500万").activityYear).toBe(2021);
    expect(facts("2021年卖了800万 20年就已经突破500万了").activityYear).toBe(2021);
    // Alone, or every year told as history, the year still counts; two plain years: the last, as before.
    expect(facts("之前19年就过过五千万").activityYear).toBe(2019);
    expect(facts("2019年卖了300万 2020年卖了500万").activityYear).toBe(2020);
  });

  it("takes the year of the figure, not the year of applying (去年卖了… 今年打算申请)", () => {
    expect(facts("我家网店去年卖了两千一百多万 今年打算申请")).toMatchObject({ activityYear: 2021 });
    expect(facts("2020年销售额1200万 明年想申请")).toMatchObject({ activityYear: 2020 });
    expect(extractFacts("2020年销售额1200万 明年想申请", { asOf }).notes).toEqual([]);
    // Two years each with a figure: the last named still counts, with the note.
    expect(facts("2020年卖了300万 2021年卖了500万").activityYear).toBe(2021);
  });

  it("does not date the sales by the year a tier was received (去年拿过500万那一档)", () =>
    expect(facts("2020年卖了1200万 去年拿过500万那一档的").activityYear).toBe(2020));

  it("takes a year next to 注册/成立 as the registration date", () => {
    expect(facts("2020年3月成立的电商公司")).toMatchObject({ registrationDate: "2020-03-01", entityType: "company" });
    expect(facts("2020年成立，2021年卖了300万")).toMatchObject({ registrationDate: "2020-01-01", activityYear: 2021 });
  });

  it("takes the year the founder came back or moved here as the date the business settled (落户)", () => {
    expect(facts("2021年2月从青岛回来头一回开了家小微电商公司")).toMatchObject({ registrationDate: "2021-02-01" });
    expect(facts("我2020年5月从外县搬来的 第一次办电商公司")).toMatchObject({ registrationDate: "2020-05-01" });
    expect(facts("我2021年从外地回平阴 开了个网店公司")).toMatchObject({ registrationDate: "2021-01-01" });
    expect(facts("2022年返乡创业 开的电商公司")).toMatchObject({ registrationDate: "2022-01-01" });
    expect(facts("2021年卖了300万 回来问问")).toMatchObject({ activityYear: 2021 });
  });
});

describe("readYears, readEarlierYears and readOperatingSince on their own", () => {
  it("readYears sets the activity year and its words, and notes several years", () => {
    const text = "2020年卖了300万 2021年卖了500万";
    const facts: Record<string, unknown> = {};
    const sources: Record<string, string> = {};
    const note = readYears(text, findNumbers(text, { asOf }), facts, sources, new Map(), () => true);
    expect(facts.activityYear).toBe(2021);
    expect(sources.activityYear).toBe("2021年");
    expect(note).toBe("提到了几个年份，按2021年计算。");
  });
  it("readEarlierYears moves a figure dated before the activity year to the best earlier value", () => {
    const text = "2018年就过了500万 2019年又卖了600万";
    const mentions = findNumbers(text, { asOf });
    const list = mentions.filter((m) => !m.isYear).map((mention) => ({ mention }));
    const facts: Record<string, unknown> = { activityYear: 2019 };
    const sources: Record<string, string> = {};
    const kept = readEarlierYears("onlineRetailSales", list, mentions, facts, sources, (fact, m) => mentionToQuantity(fact, m, "销售额"));
    expect(kept.map((a) => a.mention.words)).toEqual(["600万"]);
    expect(sources.earlierSales).toBe("2018年过了500万");
  });
  it("readOperatingSince counts whole months from the registration to today, in the user's terms", () => {
    const facts: Record<string, unknown> = { registrationDate: "2021-03-01" };
    const sources: Record<string, string> = {};
    readOperatingSince("一直正常经营到现在", "2026-12-02", facts, sources);
    expect(facts.operatingMonths).toEqual({ low: 69, high: 69, words: "从2021年3月至今" });
    expect(sources.operatingMonths).toBe("从2021年3月至今");
  });
});
