/**
 * Only confirmed rules answer users (issue 13 item 4): a policy whose rules are drafted but not yet
 * confirmed answers its questions by quoting the clause and saying the amount is being checked.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const QUESTION = "平阴 我是带货达人 抖音粉丝15万 2021年带货卖了600万 能拿多少奖励";
const CLAUSE = "pingyin-2020:三/(三)/3";
let dir: string;
let drafted: Record<string, Answer>;
let shipped: Record<string, Answer>;
beforeAll(async () => {
  // A rules folder where 平阴 has no confirmed rules, only the drafts policy:draft wrote (all 待确认).
  dir = mkdtempSync(join(tmpdir(), "rules-dir-"));
  mkdirSync(join(dir, "policies"));
  copyFileSync(new URL("../../rules/facts.yaml", import.meta.url), join(dir, "facts.yaml"));
  const env = { ...process.env, RULES_DIR: dir };
  await promisify(execFile)(process.execPath, ["--import", "tsx", "rules/cli/policyDraft.ts", "knowledge/policies/pingyin-2020.txt", "--id", "pingyin-2020"], { env });
  [drafted, shipped] = await Promise.all([
    askJson({ q: [QUESTION] }, "2021-06-01", { RULES_DIR: dir }),
    askJson({ q: [QUESTION] }, "2021-06-01"),
  ]);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ask --json for a policy with drafted, unconfirmed rules", () => {
  it("quotes the clause and says the amount is being checked, with no amount", () => {
    const a = drafted.q!;
    expect(a.status).toBe("answered");
    expect(a.awards).toEqual([]);
    expect(a.text).toContain("金额正在核对");
    expect(a.citations.find((c) => c.clause === CLAUSE)?.quote).toContain("达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元");
    expect(a.text).not.toMatch(/✅|❌/);
  });

  it("computes once the rule is confirmed (the shipped rule file)", () => {
    expect(shipped.q!.awards.find((x) => x.clause === CLAUSE)?.amountFen, shipped.q!.text).toBe(2_000_000);
  });
});
