/** policy:import reads what the document states for its policies.json entry; the operator checks the rest. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentMeta } from "../../../rules/draft/documentMeta.js";

const fixture = (id: string, folder = "unseen-policies") => readFileSync(new URL(`../../fixtures/${folder}/${id}.txt`, import.meta.url), "utf8");

describe("documentMeta (policy:import's suggested entry)", () => {
  it("takes the title from a 印发通知's 《…》, its signer and date, the document number, and the dates of 自…起施行，有效期至…", () => {
    expect(documentMeta(fixture("yinan-2025"))).toEqual({
      title: "沂南县电子商务进农村综合示范项目资金管理办法", issuer: "沂南县人民政府办公室", issued: "2025-03-10", status: "final", docNumber: "沂政办发〔2025〕6号",
      effectiveFrom: "2025-04-01", validUntil: "2027-03-31", periodQuote: "本办法自2025年4月1日起施行，有效期至2027年3月31日。", notes: "",
    });
  });

  it("marks a 征求意见稿 as a draft and leaves dates the text does not state (自印发之日起，有效期三年) empty", () => {
    expect(documentMeta(fixture("suyu-2026"))).toMatchObject({
      title: "宿迁市宿豫区促进直播电商产业高质量发展扶持办法（征求意见稿）", status: "draft", docNumber: null,
      effectiveFrom: null, validUntil: null, periodQuote: "本办法自印发之日起施行，有效期三年。",
    });
  });

  it("reads 执行期至… and 执行期限至…止 as the end date, and the issuer that opens 关于印发", () => {
    expect(documentMeta(fixture("huoshan-2024", "unseen-policies-2"))).toMatchObject({
      issuer: "霍山县人民政府办公室", issued: "2024-01-08", effectiveFrom: "2024-01-01", validUntil: "2026-12-31",
      periodQuote: "本政策自2024年1月1日起执行，执行期至2026年12月31日。",
    });
    expect(documentMeta(fixture("xunwu-2021", "unseen-policies-2"))).toMatchObject({ issuer: null, issued: null, effectiveFrom: "2021-05-01", validUntil: "2023-12-31" });
  });

  it("quotes a period sentence without the （三） it sits under, and suggests no issuer a draft does not name", () => {
    expect(documentMeta(fixture("yunxi-2025", "unseen-policies-2"))).toMatchObject({
      status: "draft", issuer: null, effectiveFrom: "2025-01-01", validUntil: "2027-12-31",
      periodQuote: "本政策自2025年1月1日起实施，有效期至2027年12月31日，由县商务局负责解释。",
    });
  });

  it("counts the end of 自2024年7月1日起施行，有效期五年 (the day before the fifth anniversary) and says in notes that it was counted", () => {
    const meta = documentMeta(fixture("suining-2024", "unseen-policies-3"));
    expect(meta).toMatchObject({ effectiveFrom: "2024-07-01", validUntil: "2029-06-30", periodQuote: "本办法自2024年7月1日起施行，有效期五年。" });
    expect(meta.notes).toContain("推算");
    expect(documentMeta(fixture("chizhou-2025", "unseen-policies-3"))).toMatchObject({ effectiveFrom: "2025-01-01", validUntil: "2027-12-31" });
  });

  it("takes the office publishing a draft for comment (…关于公开征求…意见的公告) as its issuer, and no issue date", () => {
    expect(documentMeta(fixture("wugong-2026", "unseen-policies-3"))).toMatchObject({ title: "武功县推进农村电商高质量发展实施方案（征求意见稿）", status: "draft", issuer: "武功县商务局", issued: null, validUntil: "2028-12-31" });
  });

  it("takes the office of a 公告 that names the draft before 公开征求意见 as its issuer", () => {
    expect(documentMeta(fixture("fengxian-2026", "unseen-policies-4"))).toMatchObject({ title: "丰县促进直播电商发展若干措施（征求意见稿）", status: "draft", issuer: "丰县商务局", issued: null, validUntil: "2029-12-31" });
  });

  it("reads the start of 有效期为…至…", () => {
    expect(documentMeta("某县电商扶持办法\n一、总则\n本办法有效期为2024年3月1日至2026年2月28日。")).toMatchObject({ effectiveFrom: "2024-03-01", validUntil: "2026-02-28" });
  });
});
