/**
 * Rankings and hires as merchants state them: a rank among a named group ("排全市乡镇第二"), and people
 * taken on ("收了8个…学生") trained elsewhere (实训), which the trained-hires provisions count.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2022-06-01";
const read = (text: string) => extractFacts(text, { asOf });

describe("a rank among a group named between 排 and 第", () => {
  it.each([
    ["交易额排全市乡镇第二", 2, false],
    ["位列全县同类企业第3名", 3, false],
    ["排在全市各乡镇第一", 1, false],
    ["位居全区乡镇前三", 3, true],
  ])("%s → %d", (text, value, within) => {
    expect(read(text).rank).toMatchObject({ value, within });
  });
  it("a ranking that names a reward is the provision's, the asker's place is the other one", () => {
    expect(read("乡镇农产品线上交易额排名前三有奖 我们镇是第二名 多少钱").rank).toMatchObject({ value: 2, within: false });
    expect(read("我们镇排全市第二 前三名有奖吧").rank).toMatchObject({ value: 2, within: false });
    expect(read("第一名奖3万 我们排前三").rank).toMatchObject({ value: 3, within: true });
    expect(read("我们排第二名有奖吗").rank).toMatchObject({ value: 2, within: false });
  });
  it("an ordinal of events is no rank: 排了第三场直播, 安排第二期培训", () => {
    expect(read("我们排了第三场直播").rank).toBeUndefined();
    expect(read("安排第二期培训").rank).toBeUndefined();
  });
});

describe("people taken on", () => {
  it("收了8个院校实训出来的学生 are 8 trained hires", () => {
    expect(read("公司去年收了8个院校实训出来的学生").facts.trainedHires).toBe(8);
  });
  it("录用了12名 without training words are jobs created", () => {
    expect(read("今年录用了12名员工").facts.jobsCreated).toBe(12);
  });
  it("收了 is weak: 培训学校收了40个学员 stays trainees", () => {
    expect(read("我们培训学校收了40个学员").facts.trainees).toBe(40);
  });
  it("收了 claims no money: 收了8万 is not a head count", () => {
    expect(read("收了8万").facts.jobsCreated).toBeUndefined();
  });
  it("a one-character verb inside a product name claims no figure: 卖黄花菜 第一次突破500万 is sales", () => {
    const f = read("网上卖本地黄花菜 2020年第一次突破500万").facts;
    expect(f.expenses).toBeUndefined();
    expect(f.onlineRetailSales).toMatchObject({ words: "突破500万" });
  });
});

describe("a place after 排 without 第", () => {
  it.each([
    ["新企业里排12名", 12],
    ["卖了80万 排十一", 11],
    ["全市排3 龙头奖多少", 3],
    ["排在十五", 15],
  ])("%s → %d", (text, value) => {
    expect(read(text).rank).toMatchObject({ value, within: false });
  });
  it("is no place when a count or an amount follows (排12个人值班, 排了3场) or when 排 is part of 安排", () => {
    expect(read("排12个人值班").rank).toBeUndefined();
    expect(read("排了3场直播").rank).toBeUndefined();
    expect(read("安排5人").rank).toBeUndefined();
  });
});
