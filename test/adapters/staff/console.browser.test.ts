/**
 * The staff console in a real browser: Debian's Chromium driven by playwright-core logs in, approves one
 * draft, edits one (through the number guard's override), rejects one, and the channel receives exactly
 * the approved texts. Also takes the README's screenshot (docs/review-console.png; see updateScreenshot).
 * Skips only when /usr/bin/chromium is absent and CI is not set; in CI a missing browser fails the test.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaffConsole, type StaffConsole } from "../../../adapters/staff/console.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "../../bot/review/recordingSender.js";
import type { DraftInput, ReviewGate } from "../../../bot/reviewGate.js";
import { missingLabels } from "../../../bot/composeAnswer.js";
import { PolicyBot } from "../../../bot/policyBot.js";
import { pipelineDrafts } from "../../bot/review/pipelineDrafts.js";
import { CHROMIUM, launchChromium, logIn, skipWithoutChromium as skip } from "../support/staffBrowser.js";

const README_SCREENSHOT = fileURLToPath(new URL("../../../docs/review-console.png", import.meta.url));
// The committed PNG is rewritten only on request (npm run screenshot:review) or when it is missing, so a
// test run leaves the working tree clean; otherwise the screenshot goes to a temporary file.
const updateScreenshot = process.env.REVIEW_SCREENSHOT === "1" || !existsSync(README_SCREENSHOT);
if (skip) console.warn(`console.browser.test: skipped — ${CHROMIUM} is missing (install with: apt-get install -y chromium); in CI this test fails instead`);

const TOKEN = "browser-test-staff-token";

describe.skipIf(skip)("staff console in Chromium", () => {
  let dir: string;
  let db: SqliteDatabase;
  let service: ReviewService;
  let server: StaffConsole;
  let browser: Browser;
  const wechat = new RecordingSender("wechat");
  const telegram = new RecordingSender("telegram");
  const ids: number[] = [];
  let drafts: DraftInput[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "console-browser-"));
    db = openDatabase({ dataDir: dir });
    let clock = Date.now() - 25 * 60_000;
    service = new ReviewService({ store: sqliteStore(db), log: () => {}, now: () => (clock += 7 * 60_000 + 13_000) });
    service.registerSender(wechat);
    service.registerSender(telegram);
    drafts = await pipelineDrafts();
    for (const d of drafts) ids.push(await service.holdDraft(d));
    server = await startStaffConsole({ service, tokens: { kind: "shared", token: TOKEN }, host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("logs in, approves one draft, edits one, rejects one; the chat receives exactly the approved texts", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", deviceScaleFactor: 1 });
    await page.goto(`${server.url}/pending`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("姓名").fill("王科员");
    await page.getByLabel("登录口令").fill(TOKEN);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/pending$/);

    // Newest first, each card with the question, the engine trace and the cited clause.
    const cards = page.locator("article.card");
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.first().getAttribute("id")).toBe(`draft-${ids[2]}`);
    const first = page.locator(`#draft-${ids[0]}`);
    expect(await first.locator(".question").innerText()).toContain("15万粉丝");
    expect(await first.locator(".award").innerText()).toContain("粉丝数 150000 ≥ 100000");
    expect(await first.locator("blockquote").first().innerText()).toContain("达到10万粉丝且年网络零售额100万元以上");
    const screenshot = updateScreenshot ? README_SCREENSHOT : path.join(dir, "review-console.png");
    mkdirSync(path.dirname(screenshot), { recursive: true });
    expect((await page.screenshot({ path: screenshot, fullPage: true })).length).toBeGreaterThan(10_000);

    // 1. approve as is
    await first.getByRole("button", { name: "通过并发送" }).click();
    await page.waitForURL(/r=approved/);
    expect(await page.getByRole("status").innerText()).toContain(`草稿 #${ids[0]} 已通过`);

    // 2. edit: an ungrounded number is highlighted and needs an explicit override
    const edited = "东营王经理您好：贵公司去年网络零售额9000万元，全市排名第2位，可获奖励30万元，另发放补贴1500元。";
    const second = page.locator(`#draft-${ids[1]}`);
    await second.getByText("修改后发送").click();
    await second.getByLabel("修改后的文本").fill(edited);
    await second.getByRole("button", { name: "保存修改并发送" }).click();
    await page.locator("mark").first().waitFor();
    expect(await page.locator(".draft mark").allInnerTexts()).toEqual(["1500元"]);
    expect((await service.getDraft(ids[1]!))!.state).toBe("pending");
    await page.getByLabel(/确认无误，坚持发送/).check();
    await page.getByRole("button", { name: "保存修改并发送" }).click();
    await page.waitForURL(/r=edited/);

    // 3. reject without notifying the asker
    const third = page.locator(`#draft-${ids[2]}`);
    await third.getByText("驳回", { exact: true }).click();
    await third.getByLabel("驳回原因").fill("需要核实是否已享受其他扶持");
    await third.getByRole("button", { name: "确认驳回" }).click();
    await page.waitForURL(/r=rejected/);
    expect(await page.locator(".empty").innerText()).toContain("没有待审核的草稿");

    await service.deliverDue();
    expect(wechat.sent.map((s) => s.text)).toEqual([drafts[0]!.answer.text]);
    expect(wechat.sent[0]!.to).toEqual({ userId: "wxid_lihua", userName: "李华（平阴带货）", messageId: "m-1001" });
    expect(telegram.sent.map((s) => s.text)).toEqual([edited]);
    expect((await service.getDraft(ids[1]!))!.decidedBy).toBe("王科员");
    expect((await service.store.audit(ids[1])).find((a) => a.action === "approved")!.detail).toMatchObject({ override: true, ungrounded: ["1500元"] });

    // History with a filter, and the counts.
    await page.goto(`${server.url}/history?state=rejected`);
    expect(await page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody").innerText()).toContain("聊城新注册的直播公司");
    expect(await page.locator(".stats").innerText()).toMatch(/2\s*已发送/);

    // On a phone the columns stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/drafts/${ids[1]}`);
    expect(await page.locator("html").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it("shows what a needs-info draft waits for in Chinese fact labels, and no amount", { timeout: 60_000 }, async () => {
    const held: DraftInput[] = [];
    const gate: ReviewGate = { isReviewed: async () => true, holdDraft: async (d) => held.push(d), acknowledgement: () => null };
    const bot = await PolicyBot.create({ review: gate, asOf: "2021-06-01", rateLimit: false, log: () => {} });
    const questions = ["平阴 首次创办小微电商企业 有创业补贴吗 能拿多少", "平阴 带货达人 2021年卖了120万 能拿多少"];
    for (const [i, text] of questions.entries()) await bot.handle({ channel: "wechat", chatId: "20551788@chatroom", userId: `wxid_${i}`, text, isPrivate: false });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    await logIn(page, server.url, "王科员", TOKEN);
    for (const draft of held) {
      expect(draft.answer.status).toBe("needs_info");
      const id = await service.holdDraft(draft);
      await page.goto(`${server.url}/drafts/${id}`);
      const engine = await page.locator("section", { hasText: "引擎计算与依据" }).innerText();
      expect(engine).toContain(`尚缺信息：${missingLabels(draft.answer.missing)}`);
      for (const name of draft.answer.missing) expect(engine).not.toContain(name); // e.g. operatingMonths, followers
      expect(await page.locator(".award .amt").count()).toBe(0); // the 2万 of an undecided award is not shown as an amount
    }
    expect(held.some((d) => d.answer.awards.some((a) => a.eligible === null && a.amountFen !== null))).toBe(true);
    await page.close();
  });
});
