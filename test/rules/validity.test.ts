/**
 * An activity year outside a policy's period: the engine rules every provision out for it, quoting the
 * period clause; the period clauses in policies.json stand verbatim in their documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../knowledge/policyMeta.js";
import { evaluatePolicy } from "../../rules/evaluatePolicy.js";
import { activityMonth, judgeInForce, outsidePeriod } from "../../rules/validity.js";

const window = { from: "2020-01-01", until: "2022-12-31", quote: "本意见自发布之日起施行，有效期至2022年12月31日。" };

describe("outsidePeriod", () => {
  it("a year after the end or before the start is ruled out, the clause quoted", () => {
    expect(outsidePeriod(window, 2023)).toEqual(["业绩年度2023年不在政策有效期内：有效期至2022年12月31日 ✗", "  有效期条款：“本意见自发布之日起施行，有效期至2022年12月31日。”"]);
    expect(outsidePeriod(window, 2019)?.[0]).toBe("业绩年度2019年不在政策有效期内：2020年1月1日起施行 ✗");
  });
  it("a year inside, no year, or an open end rules nothing out", () => {
    expect(outsidePeriod(window, 2022)).toBeNull();
    expect(outsidePeriod(window, undefined)).toBeNull();
    expect(outsidePeriod({ from: "2017-06-20", until: null }, 2030)).toBeNull();
  });
});

describe("an activity month", () => {
  const midYear = { from: "2020-06-28", until: "2023-06-27", quote: "本意见自2020年6月28日起施行,有效期至2023年6月27日。" };
  it("a month after a mid-year end is ruled out although its year overlaps the window", () => {
    expect(outsidePeriod(midYear, 2023)).toBeNull();
    expect(outsidePeriod(midYear, 2023, 9)?.[0]).toBe("活动时间2023年9月不在政策有效期内：有效期至2023年6月27日 ✗");
    expect(outsidePeriod(midYear, 2020, 5)?.[0]).toBe("活动时间2020年5月不在政策有效期内：2020年6月28日起施行 ✗");
  });
  it("a month the window covers in part or whole stays in force, the part said", () => {
    expect(outsidePeriod(midYear, 2023, 6)).toBeNull();
    expect(judgeInForce(midYear, 2023, "2026-12-02", 6)).toEqual({ inForce: true, line: "有效期：2020年6月28日至2023年6月27日；活动时间2023年6月在有效期内（仅覆盖该月部分时间）" });
    expect(judgeInForce(midYear, 2023, "2026-12-02", 3).line).toBe("有效期：2020年6月28日至2023年6月27日；活动时间2023年3月在有效期内");
  });
  it("the month counts only while its year is the activity year", () => {
    expect(activityMonth({ activityYear: 2023, activityMonth: "2023-09-01" })).toBe(9);
    expect(activityMonth({ activityYear: 2022, activityMonth: "2023-09-01" })).toBeUndefined();
    expect(activityMonth({ activityYear: 2023 })).toBeUndefined();
  });
  it("the engine rules a provision out for a month after the end (东营 三/(五), 2023年9月)", () => {
    const facts = { entityType: "company", expenses: 5_000_000, registeredLocally: true, activityYear: 2023 } as const;
    const clause = "dongying-2020:三/(五)";
    const september = evaluatePolicy("dongying-2020", { ...facts, activityMonth: "2023-09-01" }, { asOf: "2026-12-02" }).find((a) => a.clause === clause)!;
    expect(september).toMatchObject({ eligible: false, amountFen: null, inForce: false });
    // A month inside the window decides as the year alone does.
    const march = evaluatePolicy("dongying-2020", { ...facts, activityMonth: "2023-03-01" }, { asOf: "2026-12-02" }).find((a) => a.clause === clause)!;
    const year = evaluatePolicy("dongying-2020", facts, { asOf: "2026-12-02" }).find((a) => a.clause === clause)!;
    expect(march).toMatchObject({ eligible: year.eligible, amountFen: year.amountFen, inForce: true });
    expect(march.eligible).not.toBe(false);
  });
});

describe("the engine and a year outside the period", () => {
  const facts = { entityType: "company", onlineRetailSales: 3_000_000_000, registeredLocally: true } as const;
  it("2023 sales under 平阴 (ended 2022-12-31) are not eligible, with the period clause in the trace", () => {
    const r = evaluatePolicy("pingyin-2020", { ...facts, activityYear: 2023 }, { asOf: "2026-12-01" }).find((a) => a.clause === "pingyin-2020:三/(四)")!;
    expect(r).toMatchObject({ eligible: false, amountFen: null, inForce: false });
    expect(r.trace.join("\n")).toContain("有效期条款：“本意见自发布之日起施行，有效期至2022年12月31日。");
  });
  it("2021 sales are computed as before (40万)", () => {
    const r = evaluatePolicy("pingyin-2020", { ...facts, activityYear: 2021 }, { asOf: "2026-12-01" }).find((a) => a.clause === "pingyin-2020:三/(四)")!;
    expect(r).toMatchObject({ eligible: true, amountFen: 40_000_000 });
  });
  it("a guessed year (今年, 去年) rules nothing out: the award is computed, inForce reported", () => {
    const r = evaluatePolicy("pingyin-2020", { ...facts, activityYear: 2025 }, { asOf: "2026-12-01", guessed: ["activityYear"] }).find((a) => a.clause === "pingyin-2020:三/(四)")!;
    expect(r).toMatchObject({ eligible: true, amountFen: 40_000_000, inForce: false });
  });
});

describe("policies.json periodQuote", () => {
  it("stands verbatim in its document", () => {
    const metas = loadPolicyMeta(DEFAULT_POLICY_DIR).filter((m) => m.periodQuote);
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(readFileSync(join(DEFAULT_POLICY_DIR, m.file), "utf8"), m.id).toContain(m.periodQuote);
  });
});
