import { describe, expect, it } from "vitest";
import { chineseDate, policyInForce, statusLine, validityAnswer, type PolicyInfo } from "../../bot/policyStatus.js";
import { loadTemplates } from "../../bot/templates.js";

const t = loadTemplates();
const pingyin: PolicyInfo = { id: "pingyin-2020", title: "关于进一步加快电商产业发展的意见", issuer: "平阴县人民政府", docNumber: "平政发〔2020〕3号", aliases: ["平阴"], effectiveFrom: "2020-01-01", validUntil: "2022-12-31", status: "final" };
const liaocheng: PolicyInfo = { ...pingyin, id: "liaocheng-2022", docNumber: null, effectiveFrom: null, validUntil: "2023-12-31", status: "draft", aliases: ["聊城"] };
const yeji: PolicyInfo = { ...pingyin, id: "yeji-2017", effectiveFrom: null, validUntil: null, aliases: ["叶集"] };

describe("policyInForce", () => {
  it("judges by the activity year when one is named, inclusive at both edges", () => {
    expect(policyInForce(pingyin, "2026-11-23", 2020)).toBe(true);
    expect(policyInForce(pingyin, "2026-11-23", 2022)).toBe(true);
    expect(policyInForce(pingyin, "2026-11-23", 2023)).toBe(false);
    expect(policyInForce(pingyin, "2026-11-23", 2019)).toBe(false);
  });
  it("judges by the as-of date otherwise", () => {
    expect(policyInForce(pingyin, "2022-12-31")).toBe(true);
    expect(policyInForce(pingyin, "2023-01-01")).toBe(false);
  });
  it("is unknown when the document states no period", () => {
    expect(policyInForce(yeji, "2026-11-23")).toBeNull();
  });
});

describe("status wording", () => {
  it("writes dates the Chinese way", () => {
    expect(chineseDate("2022-12-31")).toBe("2022年12月31日");
  });
  it("says an expired policy was in force in the year named and is expired now", () => {
    const line = statusLine(pingyin, t, "2026-11-23", 2021);
    expect(line).toContain("2022年12月31日");
    expect(line).toContain("2021年在有效期内");
    expect(line).toContain("现已过期");
  });
  it("names the activity's month when the user wrote it, judged by that month", () => {
    expect(statusLine(pingyin, t, "2026-11-23", 2022, 11)).toContain("2022年11月在有效期内");
    const dongying: PolicyInfo = { ...pingyin, effectiveFrom: "2020-06-28", validUntil: "2023-06-27" };
    expect(statusLine(dongying, t, "2026-11-23", 2023, 9)).toContain("2023年9月已不在有效期内");
    expect(statusLine(dongying, t, "2026-11-23", 2020, 3)).toContain("2020年3月尚未施行");
    expect(statusLine(dongying, t, "2026-11-23", 2023)).toContain("2023年在有效期内");
  });
  it("calls a draft a 征求意见稿", () => {
    expect(statusLine(liaocheng, t, "2026-11-23", 2022)).toContain("征求意见稿");
    expect(validityAnswer(liaocheng, t, "2026-11-23")).toContain("征求意见稿");
  });
  it("answers the validity question with the end date and today's state", () => {
    const text = validityAnswer(pingyin, t, "2026-11-23");
    expect(text).toContain("有效期至2022年12月31日");
    expect(text).toContain("已经过期");
  });
});
