/** Each shape the drafter recognises, on sentences written for the test (not taken from the five policies). */
import { describe, expect, it } from "vitest";
import { draftPolicy } from "../../../rules/draft/draftPolicy.js";
import { provisionSignature } from "../../../rules/draft/signature.js";
import { parsePolicyRuleFile } from "../../../rules/ruleSchema.js";

/** Drafts a one-section document and returns its draft, checking the rules load as rule data. */
function draft(...sentences: string[]) {
  const text = `某县促进电子商务发展办法\n第一条 为促进发展，制定本办法。\n第二条 ${sentences.join("")}\n`;
  const d = draftPolicy("test-2030", text);
  parsePolicyRuleFile({ policy: "test-2030", rules: d.rules.map((r) => r.rule) }, "draft");
  for (const r of d.rules) expect(text.replace(/\s/g, "")).toContain(r.rule.quote.replace(/\s/g, ""));
  return d;
}

describe("drafting shapes", () => {
  it("drafts tiers: 达到X、Y以上的，分别奖励A、B", () => {
    const d = draft("对年网络零售额达到500万元、1000万元以上的企业，分别奖励5万元、10万元。");
    expect(d.rules).toHaveLength(1);
    expect(d.rules[0]!.shape).toBe("tiers");
    expect(d.rules[0]!.rule.amount).toEqual({
      mechanism: "tierTable", fact: "onlineRetailSales", word: "达到",
      tiers: [{ threshold: "500万元", amount: "5万元" }, { threshold: "1000万元", amount: "10万元" }],
    });
    expect(d.rules[0]!.rule.notes![0]).toMatch(/^待确认/);
  });

  it("drafts ranks: 前N名分别…", () => {
    const d = draft("对年网络零售额排名前3名的企业分别奖励30万元、20万元、10万元。");
    expect(d.rules[0]!.shape).toBe("ranks");
    expect(d.rules[0]!.rule.amount).toMatchObject({ mechanism: "rankTable", places: [{ through: 1, amount: "30万元" }, { through: 2, amount: "20万元" }, { through: 3, amount: "10万元" }] });
  });

  it("drafts per unit with a cap: 每X给予Y，最高不超过Z", () => {
    const d = draft("对年网络零售额5000万元以上的企业，每实现100万元给予1000元奖励，每家最高不超过20万元。");
    expect(d.rules[0]!.shape).toBe("perUnit");
    expect(d.rules[0]!.rule.amount).toMatchObject({
      mechanism: "capMin",
      of: { mechanism: "perUnit", fact: "onlineRetailSales", unit: "100万元", amountPerUnit: "1000元" },
      caps: [{ amount: "20万元" }],
    });
    expect(d.rules[0]!.rule.when).toMatchObject({ fact: "onlineRetailSales", word: "以上", value: "5000万元" });
    expect(d.rules[0]!.rule.upTo).toBe(true);
  });

  it("drafts per person: 按每人X元", () => {
    const d = draft("对吸纳贫困人口就业的企业，按每人2000元给予一次性补贴。");
    expect(d.rules[0]!.rule.amount).toEqual({ mechanism: "product", of: "2000元", times: [{ fact: "poorEmployees" }] });
  });

  it("drafts a percentage with its caps, leaving a programme-wide limit as a condition", () => {
    const d = draft("对企业参加境外展会发生的实际费用给予50%的补助，单个企业最高不超过8万元，全县补助总额不超过300万元。");
    const rule = d.rules[0]!.rule;
    expect(d.rules[0]!.shape).toBe("percent");
    expect(rule.amount).toMatchObject({ mechanism: "capMin", of: { mechanism: "percentOf", percent: "50", of: "expenses" }, caps: [{ amount: "8万元", quote: "单个企业最高不超过8万元" }] });
    expect(rule.conditions).toContain("全县补助总额不超过300万元（额满为止）");
  });

  it("drafts fixed one-off awards, one rule per subject of 对A、B分别给予X、Y", () => {
    expect(draft("对新认定的省级电商示范企业，给予一次性奖励3万元。").rules[0]!.rule.amount).toBe("3万元");
    const d = draft("对获评的示范镇、示范村分别给予一次性奖励20万元、5万元。");
    expect(d.rules.map((r) => [r.rule.amount, r.rule.conditions?.[0]])).toEqual([["20万元", "申报主体为示范镇"], ["5万元", "申报主体为示范村"]]);
  });

  it("drafts ranges by brackets: X(含)至Y的前N名 / Y以上的前N名 as a tier table of rank tables", () => {
    const d = draft("对年网络零售额300万元(含)至500万元的前五名企业，每家奖励2万元；500万元以上的前五名，每家奖励5万元。");
    expect(d.rules).toHaveLength(1);
    expect(d.rules[0]!.shape).toBe("brackets");
    expect(JSON.parse(provisionSignature(d.rules[0]!.rule)).amount).toEqual({
      tiers: [["gte", 300000000, { ranks: [[5, 2000000]], after: null }], ["gte", 500000000, { ranks: [[5, 5000000]], after: null }]],
    });
  });

  it("drafts 一事一议 and 参照…执行 as provisions with no amount", () => {
    const d = draft("对重大招商项目实行“一事一议”。", "对电商人才的奖励参照县人才政策执行。");
    expect(d.rules.map((r) => [r.shape, (r.rule.amount as { mechanism: string }).mechanism])).toEqual([["noAmount", "notComputable"], ["noAmount", "notComputable"]]);
  });

  it("lists amounts that are not awards, and what it cannot draft, with a reason", () => {
    const d = draft("到2030年，全县网络零售额力争达到50亿元。", "对电商企业给予奖励3万元、5万元或8万元。");
    expect(d.notAwards).toEqual([{ clause: "test-2030:第二条", amount: "50亿元", reason: "待确认：发展目标，不是奖励" }]);
    expect(d.undrafted).toHaveLength(1);
    expect(d.undrafted[0]!.reason).toMatch(/3个金额/);
  });

  it("drafts 60元/人 after a 培训 word as an amount per trainee, and 200元/人/天 per trainee and day", () => {
    const perTrainee = draft("对开展电商培训的机构，给予培训主体60元/人补助。");
    expect(perTrainee.rules[0]!.rule.amount).toEqual({ mechanism: "product", of: "60元", times: [{ fact: "trainees" }] });
    const perDay = draft("培训时间在1天以上的，给予培训主体200元/人/天补助。");
    expect(perDay.rules[0]!.rule.amount).toEqual({ mechanism: "product", of: "200元", times: [{ fact: "trainees" }, { fact: "trainingDays" }] });
  });

  it("reads a stem inside another fact's own word as that word (安排就餐 is no 安排残疾人就业)", () => {
    const d = draft("安排就餐的，再给予30元/人补助。");
    expect(JSON.stringify(d.rules.map((r) => r.rule.amount))).not.toContain("disabledEmployees");
  });

  it("names awards listed as 获得一、二、三等奖的，分别给予… by each prize", () => {
    const d = draft("本地主播参加市级以上直播大赛获得一、二、三等奖的，分别给予1万元、8000元、5000元奖励。");
    expect(d.rules.map((r) => [r.rule.title, r.rule.amount])).toEqual([["获得一等奖", "1万元"], ["获得二等奖", "8000元"], ["获得三等奖", "5000元"]]);
  });
});
