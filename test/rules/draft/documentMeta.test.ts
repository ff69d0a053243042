/** policy:import reads what the document states for its policies.json entry; the operator checks the rest. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentMeta } from "../../../rules/draft/documentMeta.js";

const fixture = (id: string) => readFileSync(new URL(`../../fixtures/unseen-policies/${id}.txt`, import.meta.url), "utf8");

describe("documentMeta (policy:import's suggested entry)", () => {
  it("takes the title from a 印发通知's 《…》, the document number, and the dates of 自…起施行，有效期至…", () => {
    expect(documentMeta(fixture("yinan-2025"))).toEqual({
      title: "沂南县电子商务进农村综合示范项目资金管理办法", status: "final", docNumber: "沂政办发〔2025〕6号",
      effectiveFrom: "2025-04-01", validUntil: "2027-03-31", periodQuote: "本办法自2025年4月1日起施行，有效期至2027年3月31日。",
    });
  });

  it("marks a 征求意见稿 as a draft and leaves dates the text does not state (自印发之日起，有效期三年) empty", () => {
    expect(documentMeta(fixture("suyu-2026"))).toMatchObject({
      title: "宿迁市宿豫区促进直播电商产业高质量发展扶持办法（征求意见稿）", status: "draft", docNumber: null,
      effectiveFrom: null, validUntil: null, periodQuote: "本办法自印发之日起施行，有效期三年。",
    });
  });
});
