/**
 * The drafter on policy documents written for this test in the styles counties publish (not the five shipped
 * texts): 第X章/第X条 with 附则 and a programme budget, 一、（一） with an 附件 table of tiers and a 参照…执行,
 * 1．/(1)/① with per-unit awards capped per period, 首次突破 tiers over two sentences and a capped percentage.
 * Each is drafted, evaluated as drafts (as `rules --draft` does) and checked as `policy:check` checks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPolicy } from "../../../rules/checkPolicy.js";
import { draftFileOf, draftRuleBook, writeDraftFile } from "../../../rules/draft/draftFile.js";
import { draftPolicy, type PolicyDraft } from "../../../rules/draft/draftPolicy.js";
import { evaluatePolicy } from "../../../rules/evaluatePolicy.js";

const LINQING = `临清市促进跨境电子商务发展扶持办法

第一章 总则
第一条 为加快我市跨境电子商务发展，推动外贸转型升级，结合我市实际，制定本办法。
第二条 本办法适用于在临清市注册登记、具有独立法人资格、依法纳税的跨境电子商务企业。

第二章 扶持措施
第三条 对年度跨境电商交易额首次达到1000万元、3000万元、5000万元以上的企业，分别给予10万元、20万元、30万元一次性奖励。
第四条 对企业在境外设立海外仓的，按其实际投资额的20%给予补助，单个企业最高不超过50万元。
第五条 对新招用本市户籍人员并签订一年以上劳动合同的跨境电商企业，每招用1人给予1000元补贴，每家企业每年最高不超过5万元。
第六条 对年度跨境电商综合评价前三名的企业，分别奖励20万元、15万元、10万元。
第七条 对投资额超过1亿元的重大跨境电商项目，实行“一事一议”。

第三章 附则
第八条 本办法所需资金从市级商务发展专项资金中列支，年度总额不超过1000万元。
第九条 本办法自2024年1月1日起施行，有效期三年。
`;

const NINGYANG = `宁阳县关于支持直播电商发展的若干措施

一、培育直播电商主体
（一）对在本县新注册的直播电商企业，年网络零售额达到300万元的，给予一次性奖励3万元。
（二）对本县带货主播，年度直播带货销售额达到100万元、500万元、1000万元的，分别给予1万元、3万元、5万元奖励。
二、支持直播基地建设
（一）对新建直播基地且直播间数量达到20间以上的，按基地建设投入的30%给予补助，最高不超过30万元。
（二）对直播基地开展主播培训的，按每培训1人次200元给予补贴，每个基地每年补贴总额不超过10万元。
三、其他
（一）直播电商企业租赁办公场所的，房租补贴参照《宁阳县电子商务产业园入驻企业扶持办法》执行。
（二）本措施自印发之日起施行。

附件：直播电商企业年度奖励标准
年网络零售额500万元（含）至1000万元的，奖励5万元；
年网络零售额1000万元（含）至3000万元的，奖励10万元；
年网络零售额3000万元（含）以上的，奖励20万元。
`;

const SISHUI = `# 泗水县农村电子商务服务体系建设奖补实施细则

1．村级电商服务站点建设
(1)对新建并正常运营的村级电商服务站点，每个站点给予5000元一次性建设补助。

2．电商人才培训
(1)对承办农村电商培训的机构，按实际培训人数每人200元给予补贴，单期最高不超过1万元。

3．农产品上行
①对农产品网络年销售额首次突破500万元的企业，奖励5万元；首次突破1000万元的，奖励10万元。
②对物流快递企业开展农村物流配送的，按其年度农村快递配送费用的10%给予补贴，最高不超过20万元。
`;

const DOCS = { "linqing-2024": LINQING, "ningyang-2024": NINGYANG, "sishui-2024": SISHUI } as const;
type Id = keyof typeof DOCS;

const dir = mkdtempSync(join(tmpdir(), "unseen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dirs = { policyDir: join(dir, "policies"), rulesDir: join(dir, "rules"), draftsDir: join(dir, "drafts"), casesDir: join(dir, "cases") };
for (const d of Object.values(dirs)) mkdirSync(d);
const county = { "linqing-2024": ["聊城市", "临清市"], "ningyang-2024": ["泰安市", "宁阳县"], "sishui-2024": ["济宁市", "泗水县"] } as const;
writeFileSync(join(dirs.policyDir, "policies.json"), JSON.stringify({
  policies: (Object.keys(DOCS) as Id[]).map((id) => ({
    id, file: `${id}.txt`, title: DOCS[id].split("\n")[0]!.replace(/^# /, ""), issuer: `${county[id][1]}人民政府`, docNumber: null,
    region: { province: "山东省", city: county[id][0], county: county[id][1] }, aliases: [county[id][1].slice(0, 2), county[id][1]],
    places: [{ name: "城区街道", kind: "street" }], issued: "2024-01-01", effectiveFrom: "2024-01-01", validUntil: "2026-12-31", status: "final", notes: "测试用文本。",
  })),
}));
const drafts = {} as Record<Id, PolicyDraft>;
for (const id of Object.keys(DOCS) as Id[]) {
  writeFileSync(join(dirs.policyDir, `${id}.txt`), DOCS[id]);
  drafts[id] = draftPolicy(id, DOCS[id]);
  writeDraftFile(draftFileOf(drafts[id], `${id}.txt`), dirs.draftsDir);
}

const rule = (id: Id, clause: string) => drafts[id].rules.find((r) => r.rule.clause === `${id}:${clause}`);
const evaluate = (id: Id, clause: string, facts: Record<string, unknown>) => {
  const book = draftRuleBook(draftFileOf(drafts[id], `${id}.txt`), dirs.policyDir);
  return evaluatePolicy(id, facts, { book, asOf: "2024-06-01", ruleIds: [rule(id, clause)!.rule.id] })[0]!;
};
const wan = (n: number) => n * 10_000 * 100;

describe("policy:draft on documents it has not seen", () => {
  it("drafts 第X章/第X条: tiers, a capped percentage, per person capped per year, ranks, 一事一议 with its threshold; the budget is no award", () => {
    expect(drafts["linqing-2024"].undrafted).toEqual([]);
    expect(rule("linqing-2024", "第二章/第三条")?.shape).toBe("tiers");
    expect(evaluate("linqing-2024", "第二章/第三条", { entityType: "company", transactionVolume: wan(3500) }).amountFen).toBe(wan(20));
    expect(evaluate("linqing-2024", "第二章/第四条", { entityType: "company", investment: wan(400) }).amountFen).toBe(wan(50));
    expect(evaluate("linqing-2024", "第二章/第四条", { entityType: "company", investment: wan(100) }).amountFen).toBe(wan(20));
    expect(rule("linqing-2024", "第二章/第五条")?.shape).toBe("perUnit");
    expect(evaluate("linqing-2024", "第二章/第五条", { entityType: "company", jobsCreated: 12 }).amountFen).toBe(12_000 * 100);
    expect(evaluate("linqing-2024", "第二章/第五条", { entityType: "company", jobsCreated: 80 }).amountFen).toBe(wan(5));
    expect(evaluate("linqing-2024", "第二章/第六条", { entityType: "company", rank: 2 }).amountFen).toBe(wan(15));
    const deal = rule("linqing-2024", "第二章/第七条")!;
    expect(deal.shape).toBe("noAmount");
    expect(deal.rule.when).toMatchObject({ word: "超过", value: "1亿元" });
    expect(drafts["linqing-2024"].notAwards).toEqual([expect.objectContaining({ clause: "linqing-2024:第三章/第八条", amount: "1000万元" })]);
  });

  it("drafts 一、（一） with an 附件 table of tiers, per trainee capped per base, and 参照…执行 as a provision with no amount", () => {
    expect(drafts["ningyang-2024"].undrafted).toEqual([]);
    const table = rule("ningyang-2024", "附件")!;
    expect(table.shape).toBe("tiers");
    expect(table.rule.amount).toMatchObject({ mechanism: "tierTable", fact: "onlineRetailSales", word: "含本数", tiers: [{ threshold: "500万元", amount: "5万元" }, { threshold: "1000万元", amount: "10万元" }, { threshold: "3000万元", amount: "20万元" }] });
    expect(evaluate("ningyang-2024", "附件", { onlineRetailSales: wan(1000) }).amountFen).toBe(wan(10));
    expect(evaluate("ningyang-2024", "附件", { onlineRetailSales: wan(499) }).eligible).toBe(false);
    expect(rule("ningyang-2024", "一/(二)")!.rule.entityTypes).toEqual(["influencer"]);
    expect(evaluate("ningyang-2024", "二/(二)", { entityType: "park", trainees: 300 }).amountFen).toBe(wan(6));
    expect(evaluate("ningyang-2024", "二/(二)", { entityType: "park", trainees: 900 }).amountFen).toBe(wan(10));
    expect(rule("ningyang-2024", "三/(一)")?.shape).toBe("noAmount");
  });

  it("drafts 1．/(1)/①: per site, per trainee capped per session, 首次突破 tiers over two sentences, a capped percentage", () => {
    expect(drafts["sishui-2024"].undrafted).toEqual([]);
    expect(evaluate("sishui-2024", "1/1", { sites: 3 }).amountFen).toBe(15_000 * 100);
    expect(evaluate("sishui-2024", "2/1", { entityType: "trainingInstitution", trainees: 30 }).amountFen).toBe(6_000 * 100);
    expect(evaluate("sishui-2024", "2/1", { entityType: "trainingInstitution", trainees: 80 }).amountFen).toBe(wan(1));
    const firsts = rule("sishui-2024", "3/①")!;
    expect(firsts.shape).toBe("tiers");
    expect(firsts.rule.amount).toMatchObject({ fact: "onlineRetailSales", word: "突破", tiers: [{ threshold: "500万元", amount: "5万元" }, { threshold: "1000万元", amount: "10万元" }] });
    expect(evaluate("sishui-2024", "3/②", { entityType: "company", expenses: wan(300) }).amountFen).toBe(wan(20));
  });

  it("passes policy:check's quote and coverage checks: every quote stands in its clause, every amount is used or listed", () => {
    for (const id of Object.keys(DOCS) as Id[]) {
      const lines = checkPolicy(id, dirs);
      for (const check of ["quotes", "coverage", "metadata"]) {
        expect(lines.filter((l) => l.check === check && !l.ok).map((l) => l.message), `${id} ${check}`).toEqual([]);
      }
    }
  });
});
