/**
 * Questions about a clause that grants no money, asked through `ask --json` as a user would: the clause is
 * the answer (not the list of provisions), and what it grants without money is reported in `awards` with no
 * amount; a request for the list with nothing else still gets the list.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const CASES = {
  inKind: ["平阴 入驻电商产业基地的企业 场地费怎么收"],
  land: ["汨罗 电商重点项目要新增建设用地 有啥说法"],
  praiseAsList: ["聊城 店铺回迁纳统排全市前三的县 有啥奖"],
  list: ["东营有哪些电商扶持政策"],
  listWithFiller: ["叶集这边有啥补贴可以享受吗"],
  openEnded: ["汨罗这个电商意见什么时候过期"],
  whoPays: ["东营 搞电商直播大赛给的那个补贴 是县区掏钱还是市财政掏钱"],
};

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(CASES);
}, 120_000);

describe("ask --json: who bears a provision's cost", () => {
  it("quotes the clause's funding sentence beside the provision and asks the user for no figure", () => {
    const a = answers.whoPays!;
    expect(a.status).toBe("answered");
    expect(a.citations).toContainEqual({ clause: "dongying-2020:三/(五)", quote: expect.stringContaining("分级负担") });
    expect(a.missing).toEqual([]);
  });
});

describe("ask --json: a clause that grants no money answers a question about it", () => {
  it("reports free office space and land as provisions with no amount and no verdict", () => {
    expect(answers.inKind!.awards).toEqual([expect.objectContaining({ clause: "pingyin-2020:三/(一)/2", eligible: null, amountFen: null })]);
    expect(answers.land!.awards).toEqual([expect.objectContaining({ clause: "miluo-2017:三/(二)/2", eligible: null, amountFen: null })]);
    expect(answers.inKind!.status).toBe("answered");
  });

  it("answers a question phrased as a list request ('有啥奖') with the clause it names, not the overview", () => {
    const a = answers.praiseAsList!;
    expect(a.status).toBe("answered");
    expect(a.text).toContain("通报表扬");
    expect(a.awards.map((x) => x.clause)).toContain("liaocheng-2022:五");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });

  it("still lists every provision for a plain list request, filler words and all", () => {
    for (const id of ["list", "listWithFiller"] as const) {
      expect(answers[id]!.text, id).toMatch(/的电商扶持政策主要有以下/);
      expect(answers[id]!.awards.length, id).toBeGreaterThan(5);
    }
  });

  it("says a document with no end date states no validity period", () => {
    expect(answers.openEnded!.text).toContain("文件未写明有效期");
  });
});
