/**
 * The no-code path of README "Adding a policy" on three county documents the bot was not written for
 * (test/fixtures/unseen-policies/): in a copy of the repository each is brought in with policy:import, its
 * policies.json entry filled in as an operator does (the fixture's policies.json), its rules drafted with
 * policy:draft; then merchants' questions go through ask --json. Before staff confirm a rule: the clause
 * quoted verbatim, the status stated, no amount of ours. After a drafted rule is confirmed: the engine's amount.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { readDraftFile } from "../../rules/draft/draftFile.js";
import { decideDraftRule } from "../../rules/draft/decideDraft.js";
import { addPolicies, copyProject, draftPolicies, ungroundedNumbers, type ProjectCopy } from "./support/projectCopy.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/unseen-policies/", import.meta.url));
const IDS = ["yinan-2025", "suyu-2026", "qinghe-2021"];

let project: ProjectCopy;

/** Every number in the reply is an engine amount, the asker's, or stands in a quote or the policy's dates. */
function expectGrounded(a: Answer, question: string): void {
  expect(ungroundedNumbers(FIXTURES, a, question), a.text).toEqual([]);
}

const PENDING = {
  sites: "沂南县的村级电商服务站点建一个补多少钱",
  lines: "沂南县开通乡镇到村的物流线路有补贴吗",
  draftPeriod: "宿豫这个直播电商扶持办法现在生效了吗",
  anchors: "我是宿豫的主播，粉丝120万，去年带货300万，有奖励吗",
  expired: "清河县做跨境电商，去年出口额800万，能拿多少奖励",
};
const CONFIRMED = {
  parcels: "宿豫 我们公司快递发件量一年150万件，物流补贴能拿多少",
  exports: "清河县做跨境电商，2022年跨境电商出口额800万，能拿多少奖励",
};
let undrafted: Record<string, Answer>;
let pending: Record<string, Answer>;
let confirmed: Record<string, Answer>;

beforeAll(async () => {
  project = copyProject("unseen-repo-");
  // Steps 1–2: import, fill in the metadata.
  await addPolicies(project, FIXTURES, IDS);
  // An operator who has not drafted yet: the documents answer from their text alone.
  undrafted = await project.ask({ sites: PENDING.sites });
  await draftPolicies(project, IDS);
  pending = await project.ask(PENDING);
  // Step 5: staff confirm two drafted rules on the 政策 page.
  const dirs = { rulesDir: join(project.dir, "rules/policies"), draftsDir: join(project.dir, "rules/drafts") };
  for (const [policy, clause] of [["suyu-2026", "suyu-2026:二/(五)"], ["qinghe-2021", "qinghe-2021:附件"]] as const) {
    const draft = readDraftFile(policy, dirs.draftsDir)!.rules.find((r) => r.rule.clause === clause)!;
    expect(decideDraftRule(policy, draft.rule.id, { action: "confirm" }, "测试员", new Date(), dirs).ok).toBe(true);
  }
  confirmed = await project.ask(CONFIRMED);
}, 300_000);
afterAll(() => project.remove());

describe("ask --json on policies added through the no-code path, before any rule is confirmed", () => {
  it("quotes a drafted provision verbatim, states the policy in force, and gives no amount", () => {
    const a = pending.sites!;
    expect(a.policies).toEqual(["yinan-2025"]);
    expect(a.awards.filter((w) => w.amountFen !== null)).toEqual([]);
    expect(a.text).toContain("金额正在核对");
    expect(a.text).toContain("有效期内");
    expect(a.citations.find((c) => c.clause === "yinan-2025:第二章/第六条")?.quote).toContain("每个给予1.5万元补助");
    expect(a.text).not.toMatch(/✅|❌/);
  });

  it("answers a sentence the drafter could not draft like a drafted one: its quote, the amount being checked", () => {
    const a = pending.lines!;
    expect(a.citations.map((c) => c.quote).join("")).toContain("每开通1条常态化运营线路给予补助5000元");
    expect(a.text).toContain("金额正在核对");
    expect(a.text).not.toContain("没有写发给申请人的具体金额");
  });

  it("before any draft, never calls a clause that states money one without money", () => {
    const a = undrafted.sites!;
    expect(a.citations.map((c) => c.quote).join("")).toContain("每个给予1.5万元补助");
    expect(a.text).not.toContain("没有写发给申请人的具体金额");
    expect(a.text).toContain("主管部门核定");
    expectGrounded(a, PENDING.sites);
  });

  it("says a 征求意见稿 is a draft without dates and quotes its own period sentence", () => {
    const a = pending.draftPeriod!;
    expect(a.text).toContain("征求意见稿");
    expect(a.text).not.toContain("稿中写明文件未写明");
    expect(a.citations.map((c) => c.quote)).toContain("本办法自印发之日起施行，有效期三年。");
  });

  it("states that an expired policy has expired", () => {
    const a = pending.expired!;
    expect(a.policies).toEqual(["qinghe-2021"]);
    expect(a.text).toContain("过期");
    expect(a.awards.filter((w) => w.amountFen !== null)).toEqual([]);
  });

  it("shows no number that is not the asker's, a quote's or the policy's dates", () => {
    for (const [id, q] of Object.entries(PENDING)) expectGrounded(pending[id]!, q);
  });
});

describe("ask --json once staff confirmed a drafted rule", () => {
  it("computes 按每件0.1元 under its cap: 150万件 → 15万元, as a 征求意见稿's figure", () => {
    const a = confirmed.parcels!;
    const award = a.awards.find((w) => w.clause === "suyu-2026:二/(五)");
    expect(award, a.text).toMatchObject({ eligible: true, amountFen: 150_000 * 100 });
    expect(a.text).toContain("征求意见稿");
  });

  it("computes the 附件 table's tier for 800万元 (3万元), in force in 2022 though expired now", () => {
    const a = confirmed.exports!;
    expect(a.awards.find((w) => w.clause === "qinghe-2021:附件"), a.text).toMatchObject({ eligible: true, amountFen: 30_000 * 100, inForce: true });
    expect(a.text).toContain("过期");
    for (const [id, q] of Object.entries(CONFIRMED)) expectGrounded(confirmed[id]!, q);
  });
});
