import { describe, expect, it } from "vitest";
import { noStackingSentences } from "../../../bot/understanding/noStacking.js";

const doc = [
  { id: "x:一/1", text: "1.网络零售额奖励。年度网络零售额达到500万元的，奖励2万元。", headingPath: ["奖励"], childIds: [] },
  { id: "x:三/6", text: "6.同一企业同一事项按就高原则不重复享受。", headingPath: ["附则"], childIds: [] },
  { id: "x:第十一条", text: "第十一条 同一项目同时符合本县其他扶持政策的，按照“就高不重复”原则给予扶持。", headingPath: ["第十一条"], childIds: [] },
  { id: "x:第十二条", text: "第十二条 已列入国家资金支持的项目，专项资金不再重复安排。", headingPath: ["第十二条"], childIds: [] },
];

describe("sentences saying awards do not stack", () => {
  it("finds 不重复享受, 就高不重复 and 不重复奖励, verbatim, in document order", () => {
    expect(noStackingSentences(doc)).toEqual([
      { clauseId: "x:三/6", sentence: "6.同一企业同一事项按就高原则不重复享受。" },
      { clauseId: "x:第十一条", sentence: "第十一条 同一项目同时符合本县其他扶持政策的，按照“就高不重复”原则给予扶持。" },
    ]);
  });

  it("takes no award sentence and no sentence about the fund's own spending (不再重复安排) for one", () => {
    expect(noStackingSentences(doc.filter((c) => c.id !== "x:三/6" && c.id !== "x:第十一条"))).toEqual([]);
  });
});
