/**
 * README "Adding a policy" on a fourth set of documents (test/fixtures/unseen-policies-4/): an expired county 办法
 * and a 征求意见稿 of 直播 measures, imported, their policies.json entries filled in as an operator does, drafted,
 * then asked in merchants' words through ask --json. No rule is confirmed: every answer quotes its clause, states
 * the policy's status and shows no amount of ours; a 不予扶持 list is answered as the list it is.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { addDraftAndAsk, ungroundedNumbers, type ProjectCopy } from "./support/projectCopy.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/unseen-policies-4/", import.meta.url));
const IDS = ["shuyang-2023", "fengxian-2026"];

const QUESTIONS = {
  tiers: "沭阳 我们去年网上卖了1200万 第一次过千万 能奖多少",
  excluded: "沭阳 哪些情况不给扶持",
  pastWrong: "沭阳 以前拖欠过农户货款 还能申请吗",
  fakeOrders: "丰县 刷单被查了会怎样",
  expired: "沭阳的电商扶持办法现在还有效吗",
  repealed: "沭阳 原来那个暂行办法还管用吗",
  table: "丰县 我是主播 去年直播卖了5000万 能拿多少",
  contest: "丰县 举办直播带货大赛 花了30万 能补多少",
};

let project: ProjectCopy;
let answers: Record<string, Answer>;

beforeAll(async () => {
  ({ project, answers } = await addDraftAndAsk("unseen4-repo-", FIXTURES, IDS, QUESTIONS));
}, 300_000);
afterAll(() => project.remove());

const clauses = (a: Answer) => a.citations.map((c) => c.clause);
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join("\n");

describe("ask --json on a fourth set of policies added through the no-code path, nothing confirmed", () => {
  it("answers tiers and the 晋档按差额 sentence after them as one pending provision of an expired policy", () => {
    const a = answers.tiers!;
    expect(clauses(a)).toContain("shuyang-2023:二/(一)");
    expect(a.text.split("金额正在核对").length).toBe(2);
    expect(quotes(a)).toContain("同一企业晋档的，按差额给予奖励。");
    expect(a.text).toContain("已过期");
    expect(a.awards.filter((w) => w.amountFen !== null)).toEqual([]);
  });

  it("quotes the whole 不予扶持 list, every item, as what it is", () => {
    const a = answers.excluded!;
    expect(clauses(a)).toContain("shuyang-2023:三");
    expect(quotes(a)).toContain("（四）被列入严重失信主体名单的。");
    expect(a.text).toContain("不能享受扶持的情形");
  });

  it("answers a wrongdoing told as past or its consequence with the list it is in, not with the policy's validity", () => {
    expect(clauses(answers.pastWrong!)).toContain("shuyang-2023:三");
    expect(quotes(answers.pastWrong!)).toContain("拖欠农户货款");
    expect(clauses(answers.fakeOrders!)).toContain("fengxian-2026:第八条");
    expect(quotes(answers.fakeOrders!)).toContain("有下列情形之一的，取消当年扶持资格：\n（一）直播中销售假冒伪劣产品的；\n（二）刷单炒信");
  });

  it("states that a policy whose period ended is expired, and that the document it replaced was repealed", () => {
    expect(answers.expired!.text).toContain("2025年12月31日");
    expect(answers.expired!.text).toContain("过期");
    expect(quotes(answers.repealed!)).toContain("同时废止。");
    expect(answers.repealed!.text).toContain("不再执行");
  });

  it("names a tab table under an untitled article by its lead and says a 征求意见稿 is not final", () => {
    const a = answers.table!;
    expect(clauses(a)).toContain("fengxian-2026:第三条");
    expect(a.text).toContain("「年度直播销售额达到以下标准的主播」");
    expect(a.text).toContain("征求意见稿");
    expect(clauses(answers.contest!)).toContain("fengxian-2026:第六条");
  });

  it("shows no number that is not the asker's, a quote's or the policy's dates", () => {
    for (const [id, q] of Object.entries(QUESTIONS)) {
      expect(ungroundedNumbers(FIXTURES, answers[id]!, q), answers[id]!.text).toEqual([]);
      expect(answers[id]!.text, id).not.toMatch(/✅|❌/);
    }
  });
});
