/**
 * The drafter on three county documents kept as test data (test/fixtures/unseen-policies/), written in the
 * forms counties publish and unlike the five shipped texts: a 第X章/第X条 资金管理办法 under its 印发通知, a
 * 一、（一）1． 征求意见稿 with 分档 and caps, and a 1．/（1） 若干措施 whose 附件 is a table without verbs.
 * Each is drafted, evaluated as drafts (as `rules --draft` does) and its quotes checked as `policy:check` does.
 */
import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../knowledge/parseClauses.js";
import { draftFolder, wan } from "./support/draftFolder.js";

const IDS = ["yinan-2025", "suyu-2026", "qinghe-2021"] as const;
type Id = (typeof IDS)[number];
const { text, drafts, rules, evaluate } = draftFolder("unseen-policies", IDS);
const rule = (id: Id, clause: string) => rules(id, clause)[0];

describe("policy:draft on county documents kept as test data", () => {
  it("takes 每人每年最高不超过3万元 as the cap of a percentage of 年薪, not as an amount per person", () => {
    const talent = rule("qinghe-2021", "4")!;
    expect(talent.shape).toBe("percent");
    expect(evaluate("qinghe-2021", talent.rule.id, { annualSalary: wan(20) }).amountFen).toBe(wan(2));
    expect(evaluate("qinghe-2021", talent.rule.id, { annualSalary: wan(50) }).amountFen).toBe(wan(3));
    expect(evaluate("qinghe-2021", talent.rule.id, { annualSalary: wan(15) }).eligible).toBe(false);
  });

  it("drafts 按每件0.1元 per parcel under its cap, never the cap as a fixed award", () => {
    const parcels = rule("suyu-2026", "二/(五)")!;
    expect(parcels.shape).toBe("perUnit");
    expect(evaluate("suyu-2026", parcels.rule.id, { entityType: "company", parcelsPerYear: 1_500_000 }).amountFen).toBe(wan(15));
    expect(evaluate("suyu-2026", parcels.rule.id, { entityType: "company", parcelsPerYear: 3_000_000 }).amountFen).toBe(wan(20));
    expect(evaluate("suyu-2026", parcels.rule.id, { entityType: "company", parcelsPerYear: 900_000 }).eligible).toBe(false);
  });

  it("reads 粉丝数达到50万、100万、500万以上 as follower counts, with the sales floor as a condition", () => {
    const anchors = rule("suyu-2026", "二/(三)/1")!;
    expect(anchors.rule.amount).toMatchObject({ mechanism: "tierTable", fact: "followers", tiers: [{ threshold: 500_000 }, { threshold: 1_000_000 }, { threshold: 5_000_000 }] });
    expect(anchors.rule.when).toMatchObject({ fact: "onlineRetailSales", word: "不低于", value: "200万元" });
    expect(evaluate("suyu-2026", anchors.rule.id, { entityType: "influencer", followers: 1_200_000, onlineRetailSales: wan(300) }).amountFen).toBe(wan(5));
    expect(evaluate("suyu-2026", anchors.rule.id, { entityType: "influencer", followers: 1_200_000, onlineRetailSales: wan(150) }).eligible).toBe(false);
  });

  it("splits 获评省级、市级直播电商基地的，分别给予…30万元、10万元 into one award per level, named in full", () => {
    const bases = rules("suyu-2026", "二/(一)/2");
    expect(bases.map((b) => [b.rule.title, b.rule.amount])).toEqual([["获评省级直播电商基地", "30万元"], ["获评市级直播电商基地", "10万元"]]);
  });

  it("counts 入驻企业不少于10家 as firms, not as square metres", () => {
    const base = rule("suyu-2026", "二/(一)/1")!;
    expect(base.rule.when).toMatchObject({ all: [{ fact: "area", value: 2000 }, { fact: "residentCompanies", word: "不少于", value: 10 }] });
  });

  it("drafts an 附件 table without verbs (header row, one row per tier) as a tier table whose quote names the quantity", () => {
    const table = rule("qinghe-2021", "附件")!;
    expect(table.shape).toBe("tiers");
    expect(table.rule.amount).toMatchObject({ mechanism: "tierTable", fact: "crossBorderSales", word: "含本数", tiers: [{ threshold: "500万元", amount: "3万元" }, { threshold: "1000万元", amount: "6万元" }, { threshold: "3000万元", amount: "10万元" }] });
    expect(table.rule.quote.split("\n")[0]).toBe("年跨境电商出口额 奖励金额");
    expect(evaluate("qinghe-2021", table.rule.id, { crossBorderSales: wan(800) }).amountFen).toBe(wan(3));
    expect(drafts["qinghe-2021"].notAwards).toEqual([]);
  });

  it("counts per site by the head noun of 每个…: 站点 is sites; 线路 and 认证, which the vocabulary lacks, are listed with the reason", () => {
    expect(evaluate("yinan-2025", rule("yinan-2025", "第二章/第六条")!.rule.id, { sites: 3 }).amountFen).toBe(wan(4.5));
    expect(evaluate("yinan-2025", rule("yinan-2025", "第二章/第五条/(三)")!.rule.id, { sites: 4 }).amountFen).toBe(12_000 * 100);
    const undrafted = Object.fromEntries(drafts["yinan-2025"].undrafted.map((u) => [u.clause, u.reason]));
    expect(undrafted["yinan-2025:第二章/第五条/(二)"]).toContain("每开通1条");
    expect(undrafted["yinan-2025:第二章/第九条"]).toContain("事实词表");
    expect(rules("yinan-2025", "第二章/第九条")).toEqual([]);
  });

  it("names an article's provision by its lead sentence (第七条 支持农产品网络销售。对…)", () => {
    expect(rule("yinan-2025", "第二章/第七条")!.rule.title).toBe("支持农产品网络销售");
    expect(rule("yinan-2025", "第二章/第七条")!.rule.keywords).toContain("支持农产品网络销售");
  });

  it("quotes every drafted rule verbatim from its clause, heading gaps and table gaps included", () => {
    for (const id of IDS) {
      const clauses = new Map(parseClauses(id, text(id)).map((c) => [c.id, c.text]));
      for (const d of drafts[id].rules) expect(clauses.get(d.rule.clause), `${d.rule.id}`).toContain(d.rule.quote);
    }
  });
});
