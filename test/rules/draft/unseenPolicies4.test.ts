/**
 * The drafter on a fourth set of documents kept as test data (test/fixtures/unseen-policies-4/): an expired county
 * 办法 (一、（一）) with tiers written with 分别 and a 晋档按差额 sentence after them, a 不予扶持情形 section, 每单,
 * 每平方米每月, 每吸纳1人 and a 驰名商标 award; and a 征求意见稿 措施 in 第X条 with a tab table under an untitled
 * article, 每场 caps, 分别 ranks and a 取消当年扶持资格 list. Each is drafted and read for its clause notes.
 */
import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../knowledge/parseClauses.js";
import { readDocumentBytes } from "../../../knowledge/documents/readDocument.js";
import { textNotes } from "../../../rules/draft/clauseNotes.js";
import { draftPolicy } from "../../../rules/draft/draftPolicy.js";
import { docx } from "../../knowledge/makeDocuments.js";
import { draftFolder, wan } from "./support/draftFolder.js";

const IDS = ["shuyang-2023", "fengxian-2026"] as const;
const { text, rules, undrafted, evaluate } = draftFolder("unseen-policies-4", IDS);
const notesOf = (id: (typeof IDS)[number]) => textNotes(parseClauses(id, text(id)));

describe("policy:draft on the fourth set of documents", () => {
  it("quotes 同一企业晋档的，按差额给予奖励 with the tiers before it and drafts no award of its own from it", () => {
    const [tiers, ...others] = rules("shuyang-2023", "二/(一)");
    expect(others).toEqual([]);
    expect(tiers!.shape).toBe("tiers");
    expect(tiers!.rule.quote).toMatch(/一次性奖励。同一企业晋档的，按差额给予奖励。$/);
    expect(tiers!.rule.notes!.some((n) => n.includes("差额"))).toBe(true);
    expect(evaluate("shuyang-2023", tiers!.rule.id, { onlineRetailSales: wan(1200) }).amountFen).toBe(wan(5));
  });

  it("drafts a tier table written in a Word document (.docx) as one tier table, as the same table copied from a web page", async () => {
    const rows = [["档次", "年度直播销售额", "奖励金额"], ["一档", "1000万元以上", "3万元"], ["二档", "3000万元以上", "8万元"]];
    const { text: word } = await readDocumentBytes(await docx(["第三条 对年度直播销售额达到以下标准的主播，给予一次性奖励：", rows]), "w.docx");
    const [table, ...others] = draftPolicy("word-2026", word).rules;
    expect(others).toEqual([]);
    expect(table!.rule.amount).toMatchObject({ mechanism: "tierTable", tiers: [{ threshold: "1000万元", amount: "3万元" }, { threshold: "3000万元", amount: "8万元" }] });
  });

  it("names the rows of a table under an untitled article by its lead, not by the first row's cells", () => {
    const [table, ...others] = rules("fengxian-2026", "第三条");
    expect(others).toEqual([]);
    expect(table!.rule.title).toBe("年度直播销售额达到以下标准的主播");
    expect(table!.rule.keywords).toEqual(expect.arrayContaining(["销售额"]));
    expect(table!.rule.keywords.join()).not.toMatch(/一档|\d/);
  });

  it("keeps the nouns of a provision no other clause has as its words (冷库 under 支持冷链物流), never verbs or places", () => {
    const w = draftFolder("unseen-policies-3", ["wugong-2026"] as const);
    expect(w.undrafted("wugong-2026", "二/(四)")[0]!.keywords).toEqual(expect.arrayContaining(["冷库"]));
    const words = w.drafts["wugong-2026"].rules.flatMap((r) => r.rule.keywords);
    for (const notNoun of ["新建", "获得", "中国", "用于"]) expect(words).not.toContain(notNoun);
    expect(undrafted("shuyang-2023", "二/(三)")[0]!.keywords).toEqual(expect.arrayContaining(["仓储"]));
  });

  it("reads 原《…暂行办法》（…〔2019〕45号）同时废止 as a note on the repealed document, named by its title, 暂行 and its year", () => {
    const [repeal, ...others] = notesOf("shuyang-2023").filter((n) => n.kind === "repeal");
    expect(others).toEqual([]);
    expect(repeal).toMatchObject({ clause: "shuyang-2023:五", quote: "原《沭阳县电子商务发展扶持暂行办法》（沭政发〔2019〕45号）同时废止。" });
    expect(repeal!.keywords).toEqual(expect.arrayContaining(["暂行", "2019年", "电子商务发展扶持暂行办法"]));
  });

  it("reads a 不予扶持 list (a section of items, an article of items, or items in one sentence) as one note quoting all of it", () => {
    const shuyang = notesOf("shuyang-2023").filter((n) => n.kind === "exclusion");
    expect(shuyang.map((n) => n.clause)).toEqual(["shuyang-2023:三"]);
    expect(shuyang[0]!.quote).toContain("（二）存在拖欠农民工工资或拖欠农户货款行为的；\n（三）");
    expect(shuyang[0]!.keywords).toEqual(expect.arrayContaining(["不予扶持", "货款"]));
    const fengxian = notesOf("fengxian-2026").filter((n) => n.kind === "exclusion");
    expect(fengxian).toMatchObject([{ clause: "fengxian-2026:第八条", title: "取消当年扶持资格" }]);
    const wugong = textNotes(parseClauses("wugong-2026", draftFolder("unseen-policies-3", ["wugong-2026"] as const).text("wugong-2026")));
    expect(wugong.filter((n) => n.kind === "exclusion")).toMatchObject([{ clause: "wugong-2026:三/(二)", title: "不予扶持" }]);
  });
});
