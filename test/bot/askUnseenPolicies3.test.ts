/**
 * README "Adding a policy" on a third set of documents (test/fixtures/unseen-policies-3/): imported, their
 * policies.json entries filled in as an operator does, drafted, then asked in merchants' words through
 * ask --json. No rule is confirmed: every answer quotes its clause, states the policy's status and shows no
 * amount of ours; a Markdown table, a cap item and the attachments (申报材料清单, 认定标准) are answered from the text.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { addDraftAndAsk, ungroundedNumbers, type ProjectCopy } from "./support/projectCopy.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/unseen-policies-3/", import.meta.url));
const IDS = ["suining-2024", "wugong-2026", "chizhou-2025"];

const QUESTIONS = {
  table: "睢宁 我们公司去年网上卖了1.2个亿 第一次过亿 能奖多少",
  parcels: "睢宁县 我们快递网点一年揽收600万件 补贴咋算",
  materials: "武功 申报要准备啥材料",
  standard: "武功 电商示范村的认定标准是啥",
  period: "池州跨境电商政策有效期到啥时候",
  draft: "武功这个农村电商方案有效期到哪年",
  coldStore: "武功 冷库补贴多少",
  excluded: "睢宁 啥情况不给扶持",
  pastWrong: "武功 之前拖欠过农户货款 还能申请补贴吗",
};

let project: ProjectCopy;
let answers: Record<string, Answer>;

beforeAll(async () => {
  ({ project, answers } = await addDraftAndAsk("unseen3-repo-", FIXTURES, IDS, QUESTIONS));
}, 300_000);
afterAll(() => project.remove());

const clauses = (a: Answer) => a.citations.map((c) => c.clause);
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join("\n");

describe("ask --json on a third set of policies added through the no-code path, nothing confirmed", () => {
  it("quotes a Markdown tier table row by row as its clause's pending provision, with no amount of ours", () => {
    const a = answers.table!;
    expect(clauses(a)).toContain("suining-2024:第二章/第四条");
    expect(quotes(a)).toContain("二档 1亿元以上 50万元");
    expect(a.text).toContain("金额正在核对");
    expect(a.awards.filter((w) => w.amountFen !== null)).toEqual([]);
  });

  it("answers an item paid per unit and the cap item after it as one provision quoting both", () => {
    const a = answers.parcels!;
    expect(a.text.split("金额正在核对").length).toBe(2);
    expect(quotes(a)).toContain("按每件0.05元给予补贴；\n（二）单个企业年度补贴最高不超过50万元。");
  });

  it("answers what to hand in with the attachment 申报材料清单 and a title's standard with its 认定标准", () => {
    expect(clauses(answers.materials!)).toContain("wugong-2026:附件2");
    expect(quotes(answers.materials!)).toContain("营业执照或身份证复印件");
    expect(clauses(answers.standard!)).toContain("wugong-2026:附件1");
    expect(quotes(answers.standard!)).toContain("村内从事电商经营的农户不少于30户");
  });

  it("finds an undrafted provision by a noun of its sentence that its heading lacks (冷库 under 支持冷链物流)", () => {
    expect(clauses(answers.coldStore!)).toEqual(["wugong-2026:二/(四)"]);
  });

  it("answers who gets nothing with the 不予扶持 list, an article of items or items inline in one sentence", () => {
    expect(clauses(answers.excluded!)).toContain("suining-2024:第三章/第十三条");
    expect(answers.excluded!.text).toContain("不能享受扶持的情形");
    expect(clauses(answers.pastWrong!)).toContain("wugong-2026:三/(二)");
    expect(quotes(answers.pastWrong!)).toContain("存在拖欠农户货款行为的；");
  });

  it("states a period the operator counted from 有效期3年 and a 征求意见稿's own end date", () => {
    expect(answers.period!.text).toContain("2027年12月31日");
    expect(answers.draft!.text).toContain("征求意见稿");
    expect(answers.draft!.text).toContain("2028年12月31日");
  });

  it("shows no number that is not the asker's, a quote's or the policy's dates", () => {
    for (const [id, q] of Object.entries(QUESTIONS)) {
      expect(ungroundedNumbers(FIXTURES, answers[id]!, q), answers[id]!.text).toEqual([]);
      expect(answers[id]!.text, id).not.toMatch(/✅|❌/);
    }
  });
});
