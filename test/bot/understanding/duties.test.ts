import { describe, expect, it } from "vitest";
import { asksDuty, dutyAsked, dutySentences } from "../../../bot/understanding/duties.js";

const doc = [
  { id: "x:五", text: "（五）部门协作。县财政局负责扶持资金预算管理和拨付；县邮政部门负责快递物流配送工作；县市场监管局负责市场秩序监管。", headingPath: ["部门协作"], childIds: [] },
  { id: "x:三", text: "（三）物流。对新建物流中心给予20万元奖励。", headingPath: ["物流"], childIds: [] },
];

describe("who is responsible", () => {
  it("is asked by 归哪个部门管 / 谁负责, not by a question how to apply", () => {
    for (const q of ["资金拨付归哪个部门管", "快递配送这块谁负责", "市场秩序哪个单位管", "物流配送这事该找哪个部门指导"]) expect(asksDuty(q), q).toBe(true);
    for (const q of ["找哪个部门申请", "申报材料交给哪个单位", "物流中心奖多少"]) expect(asksDuty(q), q).toBe(false);
  });

  it("is answered by the part of a sentence assigning the duty the question names", () => {
    const sentences = dutySentences(doc);
    expect(sentences.map((s) => s.sentence)).toHaveLength(3);
    expect(dutyAsked("扶持资金拨付归哪个部门管", sentences)?.sentence).toBe("县财政局负责扶持资金预算管理和拨付；");
    expect(dutyAsked("快递配送谁负责", sentences)?.sentence).toContain("县邮政部门");
    expect(dutyAsked("直播基地谁负责", sentences)).toBeUndefined();
  });
});
