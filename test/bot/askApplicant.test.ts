/**
 * Who applies, through `ask --json`: a place name is where the user is, never the applicant; a guessed or
 * borderline applicant is a condition to meet, never a flat ❌.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    townStreamer: ["我是平阴玫瑰镇的 在抖音带货 2021年卖了150万 能拿奖励吗", "粉丝12万"],
    streetExporter: ["东营 我们是河口区六合街道的 做跨境电商 2021年跨境电商零售额800万 有奖励吗"],
    villageStation: ["汨罗长乐镇 我们村的电商服务站建在贫困村 2018年网上交易额30万 能奖多少"],
    cooperative: ["汨罗 我们农民专业合作社入驻了溯源体系 溯源系统投资5万 补贴多少"],
    foreignGoods: ["汨罗 我们公司在天猫卖从义乌批发来的日用百货 2018年卖了120万 奖多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);
const flatTownReject = /申报主体类型：(镇|村)；/;

describe("ask --json: a place name is where the user is", () => {
  it("reads a livestreamer in a town as a livestreamer, not a town", () => {
    expect(award("townStreamer", "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    for (const a of answers.townStreamer!.awards) expect(a.trace.join("\n")).not.toMatch(flatTownReject);
  });

  it("never rejects a user for living in a 街道 or 镇", () => {
    for (const id of ["streetExporter", "villageStation"]) {
      for (const a of answers[id]!.awards) expect(a.trace.join("\n"), id).not.toMatch(flatTownReject);
    }
    expect(award("villageStation", "miluo-2017:三/(三)/9")).toMatchObject({ eligible: true, amountFen: 1_000_000 });
  });
});

describe("ask --json: borderline applicants", () => {
  it("gives a 合作社 the provision for companies, with who may apply under 还需满足", () => {
    const r = award("cooperative", "miluo-2017:三/(二)/3");
    expect(r).toMatchObject({ eligible: true, amountFen: 1_500_000 });
    expect(answers.cooperative!.text).toMatch(/还需满足：[^\n]*合作社[^\n]*主管部门确认/);
  });

  it("reads goods bought in from another place as no local speciality, and still answers", () => {
    expect(answers.foreignGoods!.status).not.toBe("out_of_scope");
    expect(award("foreignGoods", "miluo-2017:三/(三)/3")?.eligible).toBe(false);
  });
});
