/**
 * The drafter on three more county documents kept as test data (test/fixtures/unseen-policies-2/), unlike the
 * five and session 5's three: a 第X条 若干政策 with an inline tier table, 平方米·年 rent, a ranking award and an
 * 附件 of definitions; a 一、（一）1．（1） 征求意见稿 with tiers written as outline items, per-person training
 * and 每平方米每月 rent; a 第X章 实施细则 whose 附件 table has a 等级 column. Each is drafted and evaluated as drafts.
 */
import { describe, expect, it } from "vitest";
import { draftPolicy } from "../../../rules/draft/draftPolicy.js";
import { draftFolder, wan } from "./support/draftFolder.js";

const IDS = ["huoshan-2024", "yunxi-2025", "xunwu-2021"] as const;
const { drafts, rules, undrafted, evaluate } = draftFolder("unseen-policies-2", IDS);

describe("policy:draft on the second set of county documents", () => {
  it("gives a drafted rule the words of its title as keywords (场地租金补贴 → 租金), so a question naming part of it finds it", () => {
    expect(undrafted("yunxi-2025", "二/(四)")[0]!.keywords).toEqual(expect.arrayContaining(["场地租金补贴", "场地", "租金"]));
    expect(rules("xunwu-2021", "第二章/第四条")[0]!.rule.keywords).toEqual(expect.arrayContaining(["仓储", "租金"]));
    expect(rules("xunwu-2021", "第二章/第四条")[0]!.rule.keywords).not.toContain("补贴");
  });

  it("takes the base of 按活动实际支出的50% from the words after 按, not from 直播带货节 earlier in the sentence", () => {
    const marketing = rules("yunxi-2025", "二/(五)")[0]!;
    expect(evaluate("yunxi-2025", marketing.rule.id, { expenses: wan(4) }).amountFen).toBe(wan(2));
    expect(evaluate("yunxi-2025", marketing.rule.id, { expenses: wan(10) }).amountFen).toBe(wan(3));
    expect(JSON.stringify(marketing.rule.amount)).not.toContain("onlineRetailSales");
  });

  it("leaves a rate per square metre and month (每平方米每月10元) to staff, never a per-year or one-off amount", () => {
    expect(rules("yunxi-2025", "二/(四)")).toEqual([]);
    expect(undrafted("yunxi-2025", "二/(四)")[0]!.reason).toContain("按月计");
  });

  it("never counts 每人 in 培训天数: a per-person amount is per person or left undrafted", () => {
    for (const d of [...rules("yunxi-2025", "二/(三)"), ...rules("huoshan-2024", "第八条")]) expect(JSON.stringify(d.rule.amount)).not.toContain("trainingDays");
    expect(evaluate("huoshan-2024", rules("huoshan-2024", "第八条")[0]!.rule.id, { trainees: 30 }).amountFen).toBe(30 * 500 * 100);
  });

  it("drafts 十佳电商企业每家2万元，十佳网店每家1万元 as two awards, each requiring its title", () => {
    const [firms, shops] = rules("xunwu-2021", "第二章/第七条");
    expect(firms!.rule).toMatchObject({ amount: "2万元", conditions: ["评选出的十佳电商企业"] });
    expect(shops!.rule).toMatchObject({ amount: "1万元", conditions: ["十佳网店"], quote: "十佳网店每家奖励1万元。" });
  });

  it("keeps what a one-off award's subject requires beyond its figures (新开设旗舰店) as a condition to check", () => {
    const flagship = rules("huoshan-2024", "第五条")[0]!;
    expect(flagship.rule.conditions).toEqual(["在天猫、京东等平台新开设旗舰店"]);
    const result = evaluate("huoshan-2024", flagship.rule.id, { onlineRetailSales: wan(260) });
    expect(result.amountFen).toBe(wan(5));
    expect(result.conditions).toContain("在天猫、京东等平台新开设旗舰店");
  });

  it("measures each threshold of a list by its own subject: 入驻直播团队不少于10个 is no count of 直播间", () => {
    const base = rules("yunxi-2025", "二/(一)/1")[0]!;
    const facts = JSON.stringify(base.rule.when);
    expect(facts.match(/liveRooms/g)).toHaveLength(1);
  });

  it("drafts a table announced by 达到下列标准的…给予奖励： as one tier table quoting the lead, not a rule without an amount", () => {
    const [table, ...others] = rules("huoshan-2024", "第四条");
    expect(others).toEqual([]);
    expect(table!.shape).toBe("tiers");
    expect(table!.rule.quote).toMatch(/^对年网络销售额达到下列标准的电商企业给予奖励.*：\n年网络销售额 奖励金额\n/);
    expect(table!.rule.upTo).toBe(false);
    expect(evaluate("huoshan-2024", table!.rule.id, { onlineRetailSales: wan(3500) }).amountFen).toBe(wan(10));
  });

  it("drafts outline items under 按以下标准给予奖励： ((1)…(2)…(3)…) as one tier table on the quantity the lead names", () => {
    expect(rules("yunxi-2025", "二/(二)/1/1")).toEqual([]);
    const [table] = rules("yunxi-2025", "二/(二)/1");
    expect(table!.rule.quote.split("\n")).toHaveLength(4);
    expect(evaluate("yunxi-2025", table!.rule.id, { onlineRetailSales: wan(600) }).amountFen).toBe(wan(3));
    expect(evaluate("yunxi-2025", table!.rule.id, { onlineRetailSales: wan(80) }).eligible).toBe(false);
    expect(undrafted("yunxi-2025", "二/(二)/1")).toEqual([]);
  });

  it("reads an 附件 table with a 等级 column and its highest tier first as one tier table", () => {
    const [table, ...others] = rules("xunwu-2021", "附件1");
    expect(others).toEqual([]);
    expect(drafts["xunwu-2021"].notAwards).toEqual([]);
    expect(evaluate("xunwu-2021", table!.rule.id, { onlineRetailSales: wan(1500), activityYear: 2022 }).amountFen).toBe(wan(5));
    expect(evaluate("xunwu-2021", table!.rule.id, { onlineRetailSales: wan(2500), activityYear: 2022 }).amountFen).toBe(wan(10));
  });
});

describe("policy:draft on provisions written as references", () => {
  it("drafts 按规定享受相关优惠政策 as a provision without an amount of its own", () => {
    const draft = draftPolicy("x", "一、支持人才引进\n大力吸引电子商务企业高层次人才，按规定享受我市相关引才政策和服务；对引进的人才给予奖励。");
    const ref = draft.rules.find((r) => r.rule.quote.startsWith("大力吸引"))!;
    expect(ref.shape).toBe("noAmount");
    expect(ref.rule.amount).toMatchObject({ mechanism: "notComputable" });
  });
});
