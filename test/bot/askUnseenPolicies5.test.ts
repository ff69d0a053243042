/**
 * README "Adding a policy" on a fifth set of documents (test/fixtures/unseen-policies-5/): an expired county 办法
 * (一、（一）) with ranked brackets, 每5万美元 and per-trainee amounts; a current 办法 in chapters and articles
 * (第二章/第四条) whose end is counted from 有效期3年; and 若干政策 numbered 一、1.（1） with a Markdown tier table
 * and a 就高不重复 sentence. Imported, their policies.json entries filled in as an operator does, drafted, then
 * asked in merchants' words through ask --json. No rule is confirmed: every answer quotes its clause, states
 * the policy's status and shows no amount of ours.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { addDraftAndAsk, ungroundedNumbers, type ProjectCopy } from "./support/projectCopy.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/unseen-policies-5/", import.meta.url));
const IDS = ["liulin-2024", "jingxian-2026", "yunhe-2025"];

const QUESTIONS = {
  brackets: "柳林 e镇里的店 去年网上卖了600万 能奖多少",
  exports: "柳林 出口额12万美元 跨境那个奖励怎么算",
  deadline: "柳林 奖励申报截止到什么时候",
  perThousand: "泾县 我们公司去年网络零售额1500万 能奖多少",
  festival: "泾县 办了一场电商直播节 花了40万 能补多少",
  counted: "泾县电商扶持办法什么时候到期",
  excluded: "泾县 去年被税务罚过款 还能申请扶持吗",
  fund: "泾县电商扶持资金一年总共多少钱",
  table: "云和 我家店去年网上卖了1200万 比前年多 能拿多少",
  prizes: "云和 直播大赛拿了二等奖 有奖金吗",
  stacking: "云和 网络零售额奖励和新开店奖励能一起拿吗",
};

let project: ProjectCopy;
let answers: Record<string, Answer>;

beforeAll(async () => {
  ({ project, answers } = await addDraftAndAsk("unseen5-repo-", FIXTURES, IDS, QUESTIONS));
}, 300_000);
afterAll(() => project.remove());

const clauses = (a: Answer) => a.citations.map((c) => c.clause);
const quotes = (a: Answer) => a.citations.map((c) => c.quote).join("\n");

describe("ask --json on a fifth set of policies added through the no-code path, nothing confirmed", () => {
  it("answers three drafted brackets of one clause once, as pending, of an expired policy", () => {
    const a = answers.brackets!;
    expect(clauses(a)).toContain("liulin-2024:二/(一)");
    expect(a.text.split("金额正在核对").length).toBe(2);
    expect(a.text).toContain("已过期");
    expect(a.awards.filter((w) => w.amountFen !== null)).toEqual([]);
    expect(clauses(answers.exports!)).toContain("liulin-2024:二/(四)");
  });

  it("answers a deadline of applying with the procedure that states it, not with the policy's period", () => {
    expect(clauses(answers.deadline!)).toContain("liulin-2024:三/(一)");
    expect(quotes(answers.deadline!)).toContain("每年12月10日前");
  });

  it("numbers articles under their chapter and counts an end from 有效期3年", () => {
    expect(clauses(answers.perThousand!)).toContain("jingxian-2026:第二章/第四条");
    expect(answers.counted!.text).toContain("2028年12月31日");
    expect(clauses(answers.excluded!)).toContain("jingxian-2026:第三章/第十二条");
  });

  it("answers a question about the fund with the article that states the budget, never 'no such provision'", () => {
    expect(clauses(answers.fund!)).toContain("jingxian-2026:第一章/第二条");
    expect(answers.fund!.text).not.toContain("没有对");
  });

  it("answers a spend on an event with the drafted provision that reads it, never 'no such provision'", () => {
    const a = answers.festival!;
    expect(clauses(a)).toContain("jingxian-2026:第二章/第五条");
    expect(a.text).not.toContain("没有对");
  });

  it("quotes a Markdown tier table, names each prize of 一、二、三等奖, and quotes 不重复享受 for a question about holding two awards", () => {
    expect(clauses(answers.table!)).toContain("yunhe-2025:一/1");
    expect(quotes(answers.table!)).toContain("5000万元（含）以上");
    expect(answers.prizes!.text).toContain("「获得二等奖」");
    expect(clauses(answers.stacking!)).toContain("yunhe-2025:三/6");
    expect(quotes(answers.stacking!)).toContain("同一企业同一事项按就高原则不重复享受。");
  });

  it("shows no number that is not the asker's, a quote's or the policy's dates, and no verdict", () => {
    for (const [id, q] of Object.entries(QUESTIONS)) {
      expect(ungroundedNumbers(FIXTURES, answers[id]!, q), answers[id]!.text).toEqual([]);
      expect(answers[id]!.text, id).not.toMatch(/✅|❌/);
    }
  });
});
