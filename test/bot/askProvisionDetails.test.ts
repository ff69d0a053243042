/**
 * Questions about a detail of a provision (whom it pays, how often it is assessed, what its clause says
 * beyond the amount), asked through `ask --json` as a user would: answered from the text without asking for
 * the asker's figures, and the clause's sentence that answers the detail quoted verbatim.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const CASES = {
  howOften: ["东营 园区和平台综合评定 多长时间评一次"],
  whom: ["汨罗 乡镇农产品线上交易额排名奖 是发给谁的"],
  trainees: ["叶集 培训补助是给学员的吗"],
  noteBeyond: ["聊城 电商主要监测数据 多久反馈给各县"],
};

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(CASES);
}, 120_000);

describe("ask --json: a question about a detail of a provision is answered from the text", () => {
  it("does not ask for the asker's figures", () => {
    for (const id of Object.keys(CASES)) expect(answers[id]!.status, id).toBe("answered");
  });

  it("quotes the sentence of the clause that answers the detail, beside the provision's own quote", () => {
    expect(answers.howOften!.citations).toContainEqual({ clause: "dongying-2020:三/(一)", quote: "建立电商园区和平台综合评定体系,每年进行综合考核。" });
    expect(answers.howOften!.text).toContain("每年进行综合考核");
    expect(answers.noteBeyond!.text).toContain("每月反馈各县（市、区）电商主要监测数据");
  });

  it("says whom the provision pays in the clause's words", () => {
    expect(answers.whom!.text).toContain("排名前三位的乡镇");
    expect(answers.trainees!.text).toContain("给予培训主体");
  });

  it("keeps the conditions of the parts of an amount ('安排就餐的30元'), never adding them up", () => {
    expect(answers.trainees!.text).toContain("（60元 + 安排就餐的30元 + 安排上机操作的20元）×培训人数");
  });
});
