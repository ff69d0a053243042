/**
 * Caps where the text applies them: per event (每次活动不超过5万元), per site, per year (年内累计不超过10万元)
 * and in total, applied to each instance a user states and shown step by step in the trace.
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../../rules/evaluatePolicy.js";
import { parseFacts, type Facts, type QuantityPart } from "../../rules/facts.js";
import { compileAmount } from "../../rules/mechanisms/index.js";
import { fromParts } from "../../rules/quantity.js";
import { AmountSchema, parsePolicyRuleFile, type Amount } from "../../rules/ruleSchema.js";

const amount = (node: Amount, facts: Facts) => compileAmount(AmountSchema.parse(node), "test:一")(parseFacts(facts));
const yuan = (n: number) => Math.round(n * 100);
const part = (low: number, high: number | null, words: string, year?: number): QuantityPart => ({
  low: yuan(low),
  high: high === null ? null : yuan(high),
  words,
  ...(year ? { year } : {}),
});
const spent = (...parts: QuantityPart[]) => ({ expenses: fromParts(parts, true) });

/** 东营 三/(五) 直播大赛: 80%，每次活动不超过5万元，年内累计不超过10万元. */
const contest: Amount = {
  mechanism: "capMin",
  of: { mechanism: "percentOf", percent: "80", of: "expenses" },
  caps: [
    { amount: "5万元", per: "event", label: "每次活动上限", quote: "每次活动不超过5万元" },
    { amount: "10万元", per: "year", label: "年内累计上限", quote: "年内累计不超过10万元" },
  ],
};

describe("caps per event", () => {
  it("caps each event before adding: 5w → 4万, 8w → 6.4万 capped at 5万; 9万 in all", () => {
    const r = amount(contest, spent(part(50_000, 50_000, "5w"), part(80_000, 80_000, "8w")));
    expect(r.valueFen).toBe(yuan(90_000));
    expect(r.highFen).toBeUndefined();
    const trace = r.lines.join("\n");
    expect(trace).toContain("第1次（5w）");
    expect(trace).toContain("第2次（8w）");
    expect(trace).toContain("受「每次活动上限」限制");
    expect(trace).toContain("同一年度合计：4万元 + 5万元 = 9万元");
  });
  it("a range that clears the event cap at both ends is exact: 7万多 × 80% > 5万 → 5万", () => {
    const r = amount(contest, spent(part(45_000, 45_000, "4万5"), part(70_000.01, 79_999.99, "7万多")));
    expect(r).toMatchObject({ valueFen: yuan(86_000), missing: [] });
    expect(r.highFen).toBeUndefined();
  });
  it("a range that straddles the event cap stays a range: 五六万 × 80% = 4万–4.8万", () => {
    const r = amount(contest, spent(part(50_000, 60_000, "五六万"), part(30_000, 30_000, "3万")));
    expect(r.valueFen).toBe(yuan(64_000));
    expect(r.highFen).toBe(yuan(72_000));
  });
  it("one stated figure is one event, as before", () => {
    expect(amount(contest, { expenses: yuan(100_000) }).valueFen).toBe(yuan(50_000));
  });
});

describe("caps per year", () => {
  it("caps each year's sum: three events of 8万 in 2021 are 15万 → 10万; with 3万 in 2022 → 12.4万", () => {
    const r = amount(contest, spent(part(80_000, 80_000, "8万", 2021), part(80_000, 80_000, "8万", 2021), part(30_000, 30_000, "3万", 2022)));
    expect(r.valueFen).toBe(yuan(124_000));
    const trace = r.lines.join("\n");
    expect(trace).toContain("2021年合计：5万元 + 5万元 = 10万元");
    expect(trace).toContain("2022年合计：2.4万元 = 2.4万元");
    expect(trace).toContain("各年度相加：10万元 + 2.4万元 = 12.4万元");
  });
  it("the same events in one year are capped once: 8万 + 8万 + 3万 → 10万", () => {
    const r = amount(contest, spent(part(80_000, 80_000, "8万", 2021), part(80_000, 80_000, "8万", 2021), part(30_000, 30_000, "3万", 2021)));
    expect(r.valueFen).toBe(yuan(100_000));
    expect(r.lines.join("\n")).toContain("受「年内累计上限」限制");
  });
  it("a year cap alone (每年最高补助不超过10万元): 三十来万 in 2021 → 10万, 16万 in 2022 → 8万", () => {
    const promotion: Amount = {
      mechanism: "capMin",
      of: { mechanism: "percentOf", percent: "50", of: "expenses" },
      caps: [{ amount: "10万元", per: "year", label: "单个企业每年最高补助", quote: "单个企业每年最高补助不超过10万元" }],
    };
    const r = amount(promotion, spent(part(300_000, 399_999.99, "三十来万", 2021), part(160_000, 160_000, "16万", 2022)));
    expect(r).toMatchObject({ valueFen: yuan(180_000), missing: [] });
    expect(r.highFen).toBeUndefined();
    // Without years the two are one year's costs: 50% of 46万多 is above 10万.
    const same = amount(promotion, spent(part(300_000, 399_999.99, "三十来万"), part(160_000, 160_000, "16万")));
    expect(same.valueFen).toBe(yuan(100_000));
  });
});

describe("caps in total", () => {
  const total: Amount = {
    mechanism: "capMin",
    of: { mechanism: "percentOf", percent: "80", of: "expenses" },
    caps: [{ amount: "10万元", per: "total", label: "最高不超过", quote: "最高不超过10万元" }],
  };
  it("adds the instances first, then caps: 60k + 70k = 13万 × 80% → 10万", () => {
    const r = amount(total, spent(part(60_000, 60_000, "60k"), part(70_000, 70_000, "70k")));
    expect(r.valueFen).toBe(yuan(100_000));
    expect(r.lines.join("\n")).toContain("60k、70k");
  });
  it("a total cap over per-event caps binds last", () => {
    const both: Amount = {
      mechanism: "capMin",
      of: { mechanism: "percentOf", percent: "80", of: "expenses" },
      caps: [
        { amount: "5万元", per: "event", label: "每次活动上限", quote: "每次活动不超过5万元" },
        { amount: "12万元", per: "total", label: "累计最高", quote: "累计最高12万元" },
      ],
    };
    const r = amount(both, spent(part(80_000, 80_000, "8万", 2021), part(80_000, 80_000, "8万", 2021), part(30_000, 30_000, "3万", 2022)));
    expect(r.valueFen).toBe(yuan(120_000));
    expect(r.lines.at(-1)).toContain("受「累计最高」限制");
  });
});

describe("counts stated per instance pair up in a product", () => {
  const perPersonDay: Amount = { mechanism: "product", of: "200元", times: [{ fact: "trainees" }, { fact: "trainingDays" }] };
  const sessions = (days: number[], people: number[]) => ({
    trainees: fromParts(people.map((n) => ({ low: n, high: n, words: `${n}人` })), true),
    trainingDays: fromParts(days.map((d) => ({ low: d, high: d, words: `${d}天` })), false),
  });
  it("45人 × 2天 + 30人 × 1天 = 120 person-days × 200元 (not 75 × 2)", () => {
    const r = amount(perPersonDay, sessions([2, 1], [45, 30]));
    expect(r.valueFen).toBe(yuan(24_000));
    expect(r.lines.join("\n")).toContain("第1项（45人，2天）");
  });
  it("without a pairing the span gives a range", () => {
    const r = amount(perPersonDay, { trainees: 75, trainingDays: sessions([2, 1], [45, 30]).trainingDays });
    expect([r.valueFen, r.highFen]).toEqual([yuan(15_000), yuan(30_000)]);
  });
});

describe("cap scopes in the rule data", () => {
  const file = (per: unknown) => ({
    policy: "dongying-2020",
    rules: [
      {
        id: "x",
        title: "t",
        clause: "dongying-2020:三/(五)",
        quote: "q",
        entityTypes: [],
        keywords: ["k"],
        upTo: true,
        amount: { mechanism: "capMin", of: "1万元", caps: [{ amount: "5万元", ...(per === undefined ? {} : { per }), label: "l", quote: "q" }] },
      },
    ],
  });
  it("every cap states where it applies", () => {
    expect(() => parsePolicyRuleFile(file(undefined), "f.yaml")).toThrow(/per.*required/);
    expect(() => parsePolicyRuleFile(file("month"), "f.yaml")).toThrow(/"month", not known/);
    expect(parsePolicyRuleFile(file("event"), "f.yaml").rules).toHaveLength(1);
  });
});

describe("through the rule book (东营 三/(五))", () => {
  const asOf = "2021-06-01";
  it("two contests of 5w and 8w in one year: 9万, within the 10万 a year", () => {
    const [r] = evaluatePolicy("dongying-2020", { activity: "liveContest", entityType: "association", activityYear: 2021, ...spent(part(50_000, 50_000, "5w"), part(80_000, 80_000, "8w")) }, { asOf, ruleIds: ["live-contest"] });
    expect(r).toMatchObject({ eligible: true, amountFen: yuan(90_000) });
    expect(r!.trace.join("\n")).toContain("2021年合计：4万元 + 5万元 = 9万元");
  });
  it("promotion costs in two years are capped per year: 10万 + 8万", () => {
    const [r] = evaluatePolicy("dongying-2020", { activity: "promotion", entityType: "company", ...spent(part(300_000, 399_999.99, "三十来万", 2021), part(160_000, 160_000, "16万", 2022)) }, { asOf, ruleIds: ["cross-border-promotion"] });
    expect(r).toMatchObject({ eligible: true, amountFen: yuan(180_000) });
    expect(r!.amountRange).toBeUndefined();
  });
  it("a sum whose parts do not add up to the total is refused", () => {
    const bad = { activity: "promotion", expenses: { ...fromParts([part(60_000, 60_000, "60k"), part(70_000, 70_000, "70k")], true), low: yuan(60_000) } };
    expect(() => evaluatePolicy("dongying-2020", bad, { asOf })).toThrow(/各项之和/);
  });
});

describe("a cap per year counts what was already received in the year (同一年度已获补助的，按余额计)", () => {
  it("leaves the rest of the year's cap: 7万 received, 5万 spent → 4万 capped at 3万", () => {
    const r = amount(contest, { expenses: yuan(50_000), receivedThisYear: yuan(70_000) });
    expect(r.valueFen).toBe(yuan(30_000));
    expect(r.lines.join("\n")).toContain("本年度已获补助 7万元，余额：10万元 − 7万元 = 3万元");
  });
  it("gives nothing once the year's cap is used up, and says why", () => {
    const r = amount(contest, { expenses: yuan(50_000), receivedThisYear: yuan(100_000) });
    expect(r.notReached).toMatch(/本年度已获补助10万元，已用完「年内累计上限」10万元/);
  });
  it("an approximate figure received leaves a range of the rest: 七八万 → 2万–3万", () => {
    const r = amount(contest, { expenses: yuan(50_000), receivedThisYear: { low: yuan(70_000), high: yuan(80_000), words: "七八万" } });
    expect(r).toMatchObject({ valueFen: yuan(20_000), highFen: yuan(30_000) });
    expect(r.lines.join("\n")).toContain("本年度已获补助 七八万");
  });
  it("only the year asked about: costs of an earlier year keep that year's whole cap", () => {
    const facts = { activityYear: 2022, receivedThisYear: yuan(100_000), ...spent(part(80_000, 80_000, "8万", 2021), part(50_000, 50_000, "5万", 2022)) };
    const r = amount(contest, facts);
    expect(r.valueFen).toBe(yuan(50_000));
    expect(r.notReached).toBeUndefined();
  });
  it("through the rule book: the stated condition fails with the figure received (东营 三/(五) 宣传推介)", () => {
    const [r] = evaluatePolicy("dongying-2020", { activity: "promotion", entityType: "company", expenses: yuan(80_000), receivedThisYear: yuan(100_000) }, { asOf: "2022-06-01", ruleIds: ["cross-border-promotion"] });
    expect(r).toMatchObject({ eligible: false, amountFen: null });
    expect(r!.checks).toContainEqual({ facts: ["receivedThisYear"], text: "每年累计不超过10万元（同一年度已获补助的，按余额计）", holds: false });
  });
});
