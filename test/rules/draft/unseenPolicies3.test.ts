/**
 * The drafter on a third set of documents kept as test data (test/fixtures/unseen-policies-3/): a 修订 办法 in
 * 第X章/第X条 with a Markdown tier table and items under an article (按每件… then a cap item), a 征求意见稿 方案
 * with 1、 items, 择优 awards, a 不超过…的40% rate, 每立方米 and rank bands, and a city's 若干政策 whose （一）…
 * run on across sections, with 美元 thresholds and a 择优评选…每名 award. Each is drafted and evaluated as drafts.
 */
import { describe, expect, it } from "vitest";
import { normaliseClauseText, parseClauses } from "../../../knowledge/parseClauses.js";
import { draftPolicy } from "../../../rules/draft/draftPolicy.js";
import { draftFolder, wan } from "./support/draftFolder.js";

const IDS = ["suining-2024", "wugong-2026", "chizhou-2025"] as const;
const { text, drafts, rules, undrafted, evaluate } = draftFolder("unseen-policies-3", IDS);

describe("policy:draft on the third set of documents", () => {
  it("reads a Markdown table under 首次达到以下标准的…给予一次性奖励： as one tier table that keeps 首次 as a condition", () => {
    const [table, ...others] = rules("suining-2024", "第二章/第四条");
    expect(others).toEqual([]);
    expect(table!.shape).toBe("tiers");
    expect(table!.rule.quote).toContain("档次 年网络零售额 奖励金额\n一档 5000万元以上 30万元");
    expect(table!.rule.conditions).toEqual(["首次达到该档（以前年度未达到过）"]);
    expect(evaluate("suining-2024", table!.rule.id, { onlineRetailSales: wan(12_000) }).amountFen).toBe(wan(50));
  });

  it("drafts an item paid per unit (按每件0.05元) per unit, limited by the cap item after it, never as fixed sums", () => {
    const [parcels, ...others] = rules("suining-2024", "第二章/第八条");
    expect(others).toEqual([]);
    expect(parcels!.shape).toBe("perUnit");
    expect(parcels!.rule.quote).toBe("（一）年揽收量500万件（含）以上的，按每件0.05元给予补贴；\n（二）单个企业年度补贴最高不超过50万元。");
    expect(parcels!.rule.upTo).toBe(true);
    expect(evaluate("suining-2024", parcels!.rule.id, { parcelsPerYear: 6_000_000 }).amountFen).toBe(wan(30));
    expect(evaluate("suining-2024", parcels!.rule.id, { parcelsPerYear: 20_000_000 }).amountFen).toBe(wan(50));
    expect(evaluate("suining-2024", parcels!.rule.id, { parcelsPerYear: 4_000_000 }).eligible).toBe(false);
  });

  it("keeps the subject of a sentence without 对 (新获得江苏精品认证的，) and of a 再给予 sentence as conditions to check", () => {
    const [, brand] = rules("suining-2024", "第二章/第六条");
    expect(brand!.rule).toMatchObject({ amount: "5万元", conditions: ["新获得江苏精品认证"] });
    const [, more] = rules("suining-2024", "第二章/第五条");
    expect(more!.rule).toMatchObject({ amount: "2万元", conditions: ["首次纳入限额以上批发零售业统计的电商企业", "当年网络零售额增长20%以上"] });
  });

  it("reads 补助标准不超过设备投资额的40%，单条生产线最高补助15万元 as a rate up to its cap, not a fixed 15万元", () => {
    const [line] = rules("wugong-2026", "二/(三)/2");
    expect(line!.shape).toBe("percent");
    expect(line!.rule.upTo).toBe(true);
    expect(evaluate("wugong-2026", line!.rule.id, { investment: wan(20) }).amountFen).toBe(wan(8));
    expect(evaluate("wugong-2026", line!.rule.id, { investment: wan(50) }).amountFen).toBe(wan(15));
  });

  it("never drafts an amount per cubic metre (按每立方米100元) as a one-off sum, and says which quantity is missing", () => {
    expect(rules("wugong-2026", "二/(四)")).toEqual([]);
    expect(undrafted("wugong-2026", "二/(四)")[0]!.reason).toContain("每立方米");
  });

  it("drafts rank bands (第1至5名…，第6至10名…，第11至20名…) as one rank table", () => {
    const [table, ...others] = rules("wugong-2026", "二/(五)/2");
    expect(others).toEqual([]);
    expect(table!.rule.amount).toMatchObject({ mechanism: "rankTable", places: [{ through: 5, amount: "5万元" }, { through: 10, amount: "3万元" }, { through: 20, amount: "1万元" }] });
    expect(evaluate("wugong-2026", table!.rule.id, { rank: 8 }).amountFen).toBe(wan(3));
    expect(evaluate("wugong-2026", table!.rule.id, { rank: 21 }).eligible).toBe(false);
  });

  it("drafts 择优评选“池州好主播”10名，每名给予1万元 as 1万元 for a winner, never 1万元 times a count", () => {
    const [best] = rules("chizhou-2025", "二/(六)");
    expect(best!.rule.amount).toBe("1万元");
    expect(best!.rule.conditions!.join()).toContain("择优评选");
    const [village] = rules("wugong-2026", "二/(一)/1");
    expect(village!.rule.conditions).toEqual(["每年择优评选电商示范村不超过10个"]);
  });

  it("leaves thresholds written in 美元 to staff with that reason", () => {
    expect(rules("chizhou-2025", "一/(一)")).toEqual([]);
    expect(undrafted("chizhou-2025", "一/(一)")[0]!.reason).toContain("外币");
  });

  it("gives an item without a title of its own the words of the heading above it (（一）支持电商示范村创建 → 示范村)", () => {
    expect(rules("wugong-2026", "二/(一)/1")[0]!.rule.keywords).toEqual(expect.arrayContaining(["支持电商示范村创建", "示范村"]));
    expect(rules("chizhou-2025", "一/(二)")[0]!.rule.keywords).toEqual(expect.arrayContaining(["跨境"]));
    // An article with its own lead title keeps it, not its chapter's (扶持标准).
    expect(rules("suining-2024", "第二章/第七条")[0]!.rule.keywords).not.toContain("扶持标准");
  });

  it("quotes every draft verbatim from its clause, as policy:check reads a quote", () => {
    for (const id of IDS) {
      const clauses = new Map(parseClauses(id, text(id)).map((c) => [c.id, c.text]));
      for (const d of drafts[id].rules) {
        const clause = clauses.get(d.rule.clause)!;
        expect(clause.includes(d.rule.quote) || clause.includes(normaliseClauseText(d.rule.quote)), `${id} ${d.rule.id}`).toBe(true);
      }
    }
  });
});

describe("policy:draft on a limit written once for every award of a clause", () => {
  it("limits each fixed award of the clause by 且对企业的奖补资金额不得超过企业对地方贡献数的20%, written after the second", () => {
    const draft = draftPolicy("x", "六、支持直播电商。对当年新注册的直播电商企业，给予20万元一次性奖励。对获评市级直播基地的，给予50万元一次性奖励，且对企业的奖补资金额不得超过企业对地方贡献数的20%。");
    const share = { mechanism: "percentOf", percent: "20", of: "localContribution" };
    expect(draft.rules.map((d) => d.rule.amount)).toEqual([
      { mechanism: "capMin", of: "20万元", caps: [expect.objectContaining({ amount: share })] },
      { mechanism: "capMin", of: "50万元", caps: [expect.objectContaining({ amount: share })] },
    ]);
    expect(draft.rules[0]!.rule.notes!.join()).toContain("各项奖励都适用");
  });
});

describe("policy:draft on a sum given only as a limit per counted thing", () => {
  it("drafts 验收后给予补助，原则上每个站点不超过3万元 as up to 3万元 per site, never a fixed 3万元 nor a rule without amount", () => {
    const draft = draftPolicy("x", "五、支持服务站点建设\n（一）对新建的村级电商服务站点，验收后给予补助，原则上每个站点不超过3万元。");
    const [site] = draft.rules;
    expect(site!.rule.amount).toEqual({ mechanism: "product", of: "3万元", times: [{ fact: "sites" }] });
    expect(site!.rule.upTo).toBe(true);
  });
});
