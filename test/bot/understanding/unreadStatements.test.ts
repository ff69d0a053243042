import { describe, expect, it } from "vitest";
import { conditionWords, unreadStatements } from "../../../bot/understanding/unreadStatements.js";
import type { FactName } from "../../../rules/facts.js";

const facts = (text: string, assumed: FactName[]) => unreadStatements(text, assumed).map((u) => `${u.fact}:${u.kind}:${u.said}`);

describe("conditionWords: a condition's own words, from the vocabulary and the topics", () => {
  it("takes a yes/no fact's statements and the word family of rules/topics.yaml they use (园区, 产业园 for 入驻电商产业园)", () => {
    expect(conditionWords("inPark")).toEqual(expect.arrayContaining(["入驻产业园", "园区", "产业园"]));
  });
  it("takes the words a fact's label shares with its statements (建档立卡, 贫困 of 开店人为建档立卡贫困人员), not generic ones (电商, 企业)", () => {
    expect(conditionWords("ownerRegisteredPoor")).toEqual(expect.arrayContaining(["建档立卡", "贫困"]));
    expect(conditionWords("liveCommerceCompany")).not.toContain("电商");
    expect(conditionWords("liveCommerceCompany")).not.toContain("企业");
  });
});

describe("unreadStatements: what the user said of an assumed condition that no reader read", () => {
  it("finds a negation beside a condition's word in one statement (园区那边我们没去, 注册不在东营, 直播没怎么做)", () => {
    expect(facts("汨罗的电商公司 园区那边我们没去 能奖多少", ["inPark", "registeredLocally"])).toEqual(["inPark:negated:园区那边我们没去"]);
    expect(facts("全市排第二 注册不在东营 能拿多少", ["registeredLocally"])).toEqual(["registeredLocally:negated:注册不在东营"]);
    expect(facts("网络零售额2500万 直播没怎么做", ["liveCommerceCompany"])).toEqual(["liveCommerceCompany:negated:直播没怎么做"]);
    expect(facts("公司今年就没再经营了", ["operatingNormally"])).toEqual(["operatingNormally:negated:公司今年就没再经营了"]);
  });
  it("finds a doubt beside it (不知道算不算园区, 特产这块说不准, 好像不是本地产品, …的吧)", () => {
    expect(facts("租了200平米办公室 不知道算不算园区", ["inPark"])).toEqual(["inPark:doubted:不知道算不算园区"]);
    expect(facts("特产这块说不准 能奖多少", ["localSpecialty"])).toEqual(["localSpecialty:doubted:特产这块说不准"]);
    expect(facts("我们应该在园区吧", ["inPark"])).toEqual(["inPark:doubted:我们应该在园区吧"]);
  });
  it("looks only for the conditions asked for: a word of another fact is none of its business", () => {
    expect(facts("园区那边我们没去", ["registeredLocally"])).toEqual([]);
    expect(facts("园区那边我们没去", [])).toEqual([]);
  });
  it("takes no figure's bound, 'and more' or surprise for a negation (不到一年, 不光是, 没想到, 不少是)", () => {
    expect(facts("产业园入驻不到一年 纳税额320万", ["inPark"])).toEqual([]);
    expect(facts("卖本地土特产 不光是茶叶", ["localSpecialty"])).toEqual([]);
    expect(facts("直播没想到卖了120万", ["liveCommerceCompany"])).toEqual([]);
    expect(facts("不少是农产品", ["localSpecialty"])).toEqual([]);
  });
  it("takes no negation of another statement (a blank or a comma ends a statement)", () => {
    expect(facts("没有偷税漏税 园区里的公司", ["inPark"])).toEqual([]);
    expect(facts("不是旗舰店，在产业园办公", ["inPark"])).toEqual([]);
  });
  it("takes one statement for one condition (不是失业登记的 is about the hires, not also 登记 of 在本地注册登记)", () => {
    expect(facts("都是本地农村的 不是失业登记的", ["registeredLocally", "hiresUnemployedOrGraduates"]).map((f) => f.split(":")[0])).toEqual(["hiresUnemployedOrGraduates"]);
  });
  it("takes a word that names the provision asked about as no statement (园区那个补贴还没申请)", () => {
    expect(facts("园区那个补贴还没申请过", ["inPark"])).toEqual([]);
  });
});
