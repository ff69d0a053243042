/**
 * The 政策 page in Debian's Chromium: staff see a policy's drafted rules with their quotes, confirm one,
 * edit one, reject one; confirmed rules land in the live rule file and answer from then on; every decision
 * is in the audit log under the staff member's name. Skips only when /usr/bin/chromium is absent outside CI.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaffConsole, type StaffConsole } from "../../../adapters/staff/console.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { draftFileOf, readDraftFile, writeDraftFile } from "../../../rules/draft/draftFile.js";
import { draftPolicy } from "../../../rules/draft/draftPolicy.js";
import { evaluatePolicy } from "../../../rules/evaluatePolicy.js";
import { buildRuleBook } from "../../../rules/evaluatePolicy.js";
import { readRuleFiles } from "../../../rules/ruleFiles.js";
import { launchChromium, logIn, skipWithoutChromium as skip } from "../support/staffBrowser.js";

const TOKEN = "policy-page-token";
const TEXT = [
  "某县关于促进电子商务发展的若干措施",
  "一、对年网络零售额达到500万元、1000万元以上的企业，分别奖励5万元、10万元。",
  "二、对新开设旗舰店的企业，给予一次性奖励2万元。",
  "三、对重大项目实行“一事一议”。",
].join("\n");

describe.skipIf(skip)("政策 page in Chromium", () => {
  let dir: string;
  let db: SqliteDatabase;
  let service: ReviewService;
  let server: StaffConsole;
  let browser: Browser;
  let dirs: { rulesDir: string; draftsDir: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "policy-page-"));
    dirs = { rulesDir: path.join(dir, "rules"), draftsDir: path.join(dir, "drafts") };
    mkdirSync(dirs.rulesDir);
    // The drafts are of a made-up text, filed under a served policy id so its metadata exists.
    writeDraftFile(draftFileOf(draftPolicy("pingyin-2020", TEXT), "措施.txt"), dirs.draftsDir);
    db = openDatabase({ dataDir: dir });
    service = new ReviewService({ store: sqliteStore(db), log: () => {} });
    server = await startStaffConsole({ service, tokens: { kind: "shared", token: TOKEN }, host: "127.0.0.1", port: 0, policyDirs: dirs });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("drafted rules are confirmed, edited and rejected with their quotes beside them; the audit log names the staff member", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    await logIn(page, server.url, "李科长", TOKEN);

    await page.getByRole("link", { name: "政策", exact: true }).click();
    const row = page.locator("tr", { hasText: "关于进一步加快电商产业发展的意见" });
    expect(await row.locator("td").allInnerTexts()).toEqual(expect.arrayContaining(["0", "3"]));
    await row.getByRole("link").click();

    // Each drafted rule with its verbatim quote beside it, 待确认.
    const tiers = page.locator("#rule-s1");
    expect(await tiers.locator("blockquote").innerText()).toContain("对年网络零售额达到500万元、1000万元以上的企业，分别奖励5万元、10万元。");
    expect(await tiers.locator(".badge").innerText()).toBe("待确认");
    expect(await tiers.locator(".amt").innerText()).toContain("分档 500万元→5万元，1000万元→10万元");

    // 1. confirm
    await tiers.getByRole("button", { name: "确认", exact: true }).click();
    expect(await page.getByRole("status").innerText()).toContain("规则 s1 已确认");
    // 2. edit, then confirm the edited rule
    const fixed = page.locator("#rule-s2");
    await fixed.getByText("修改后确认").click();
    const yaml = fixed.getByLabel("规则（YAML）");
    await yaml.fill((await yaml.inputValue()).replace("amount: 2万元", "amount: 3万元").replace("upTo: false", "upTo: true"));
    await fixed.getByRole("button", { name: "保存修改并确认" }).click();
    expect(await page.getByRole("status").innerText()).toContain("规则 s2 已修改并确认");
    // 3. reject
    await page.locator("#rule-s3").getByRole("button", { name: "驳回" }).click();
    expect(await page.locator("#rule-s3 .badge").innerText()).toBe("已驳回");

    // The live rule book holds exactly the confirmed rules; the edit is what answers.
    expect(await page.locator("#live .award").count()).toBe(2);
    const book = buildRuleBook(readRuleFiles(dirs.rulesDir));
    const results = evaluatePolicy("pingyin-2020", { onlineRetailSales: 600_000_000 }, { book, asOf: "2021-01-01" });
    expect(results.map((r) => [r.rule, r.amountFen])).toEqual([["s1", 5_000_000], ["s2", 3_000_000]]);
    expect(readFileSync(path.join(dirs.rulesDir, "pingyin-2020.yaml"), "utf8")).not.toContain("一事一议");
    expect(readDraftFile("pingyin-2020", dirs.draftsDir)!.rules.map((r) => [r.rule.id, r.status, r.by])).toEqual([
      ["s1", "已确认", "李科长"], ["s2", "已确认", "李科长"], ["s3", "已驳回", "李科长"],
    ]);

    // Audit log: on the page and in the store, under the staff member's name.
    expect(await page.locator("table.audit tbody tr").count()).toBe(3);
    const audit = (await service.store.audit()).filter((a) => a.action.startsWith("policy_rule_"));
    expect(audit.map((a) => [a.actor, a.action, a.detail.rule]).reverse()).toEqual([
      ["李科长", "policy_rule_confirmed", "s1"], ["李科长", "policy_rule_edited", "s2"], ["李科长", "policy_rule_rejected", "s3"],
    ]);

    // A decided rule cannot be decided twice.
    await page.goto(`${server.url}/policies/pingyin-2020`);
    expect(await page.locator("#rule-s1 form").count()).toBe(0);
    await page.close();
  });
});
