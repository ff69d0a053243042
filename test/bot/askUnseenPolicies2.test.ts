/**
 * README "Adding a policy" on three more county documents (test/fixtures/unseen-policies-2/): imported,
 * their policies.json entries filled in as an operator does, drafted, then asked in merchants' words through
 * ask --json. No rule is confirmed: every answer quotes its clause, states the policy's status and shows no
 * amount of ours; the procedure and definitions the text states are answered from the text.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { addDraftAndAsk, ungroundedNumbers, type ProjectCopy } from "./support/projectCopy.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/unseen-policies-2/", import.meta.url));
const IDS = ["huoshan-2024", "yunxi-2025", "xunwu-2021"];

const QUESTIONS = {
  apply: "霍山电商补贴怎么申请 要交啥材料",
  applyOutline: "郧西直播补贴怎么申报 啥时候报",
  meaning: "寻乌的网络零售额指的是啥 服务类算不算",
  rent: "郧西县城租了150平米做直播 租金补贴咋算",
  warehouse: "寻乌 租了500平仓库发脐橙 补贴多少",
  draftStatus: "郧西县这个直播政策现在生效了吗",
  ranking: "霍山县 卖石斛的 农产品网销排全县第二 奖多少",
};

let project: ProjectCopy;
let answers: Record<string, Answer>;

beforeAll(async () => {
  ({ project, answers } = await addDraftAndAsk("unseen2-repo-", FIXTURES, IDS, QUESTIONS));
}, 300_000);
afterAll(() => project.remove());

const quotes = (a: Answer) => a.citations.map((c) => c.quote).join("\n");

describe("ask --json on a second set of policies added through the no-code path, nothing confirmed", () => {
  it("answers how to apply with the procedure the text states, never that it states none", () => {
    const a = answers.apply!;
    expect(a.text).not.toContain("没有写明申报流程");
    expect(a.citations.map((c) => c.clause)).toContain("huoshan-2024:第十一条");
    expect(quotes(a)).toContain("并提交营业执照、销售额证明");
  });

  it("quotes each clause of an outline's 申报程序 and says the plain sentence once", () => {
    const a = answers.applyOutline!;
    expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(["yunxi-2025:三/(一)", "yunxi-2025:三/(二)"]));
    expect(a.text.split("怎么申报，条文是这样规定的").length).toBe(2);
  });

  it("answers what a term means with the attachment's definition, not as a clause without money", () => {
    const a = answers.meaning!;
    expect(a.citations.map((c) => c.clause)).toContain("xunwu-2021:附件2");
    expect(a.text).toContain("名词解释");
    expect(a.text).not.toContain("工作方向");
  });

  it("finds a drafted provision by part of its title or by the measure it reads (租金, 租了500平)", () => {
    expect(answers.rent!.citations.map((c) => c.clause)).toContain("yunxi-2025:二/(四)");
    expect(answers.warehouse!.citations.map((c) => c.clause)).toContain("xunwu-2021:第二章/第四条");
    for (const id of ["rent", "warehouse", "ranking"] as const) {
      expect(answers[id]!.text).toContain("金额正在核对");
      expect(answers[id]!.awards.filter((w) => w.amountFen !== null)).toEqual([]);
      expect(answers[id]!.text).not.toMatch(/✅|❌/);
    }
  });

  it("states each policy's status: a 征求意见稿 with its own dates, an expired one as expired", () => {
    expect(answers.draftStatus!.text).toContain("征求意见稿");
    expect(answers.warehouse!.text).toContain("过期");
  });

  it("shows no number that is not the asker's, a quote's or the policy's dates", () => {
    for (const [id, q] of Object.entries(QUESTIONS)) expect(ungroundedNumbers(FIXTURES, answers[id]!, q), answers[id]!.text).toEqual([]);
  });
});
