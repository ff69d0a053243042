/**
 * `ask` in review mode: nothing can push an approved reply to a command-line asker, so asking the same
 * question again reports the staff decision (the real PolicyBot, ReviewService and SQLite, as `ask` runs them).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runTurns } from "../../../bot/cli/runTurns.js";
import { PolicyBot } from "../../../bot/policyBot.js";
import { REJECTED_TEXT, ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";

const QUESTION = "平阴 15万粉丝 2021年卖了120万 能拿多少奖励";
const STAFF = { name: "王科员", via: "console" as const };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** One `ask` run: a fresh process's bot over the shared review database. */
async function ask(dir: string, turns: string[]) {
  const db = openDatabase({ dataDir: dir });
  const service = new ReviewService({ store: sqliteStore(db), reviewChats: ["cli:*"], log: () => {} });
  const bot = await PolicyBot.create({ review: service, rateLimit: false, log: () => {} });
  try {
    return await runTurns(bot, "ask", turns);
  } finally {
    await service.close();
    db.close();
  }
}

function reviewDb() {
  const dir = mkdtempSync(path.join(tmpdir(), "ask-review-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase({ dataDir: dir });
  const service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  cleanups.push(() => db.close(), () => service.close());
  return { dir, service };
}

describe("ask in review mode", () => {
  it("reports pending_review with the draft, the same draft while staff have not decided, then the approved text", async () => {
    const { dir, service } = reviewDb();
    const [first] = await ask(dir, [QUESTION]);
    expect(first).toMatchObject({ status: "pending_review", text: expect.stringContaining("最高2万元") });
    const [again] = await ask(dir, [QUESTION]);
    expect(again).toEqual(first);
    expect(await service.listDrafts()).toHaveLength(1); // asking again made no second draft

    const edited = `经工作人员核对：\n${first!.text}`;
    expect((await service.approve(1, STAFF, edited)).ok).toBe(true);
    const [decided] = await ask(dir, [QUESTION]);
    expect(decided).toMatchObject({ status: "answered", text: edited, awards: first!.awards, citations: first!.citations });
    expect((await service.getDraft(1))!.state).toBe("sent"); // reported = delivered; nothing stays queued
    expect((await service.store.outboxFor(1)).map((o) => o.state)).toEqual(["sent"]);
  });

  it("reports a rejection with the notice staff wrote, or a plain rejection without one", async () => {
    const { dir, service } = reviewDb();
    await ask(dir, [QUESTION, "东营 企业 网络零售额5000万 能拿多少？"]);
    await service.reject(1, STAFF, { notifyText: "请带上营业执照到商务局窗口咨询。" });
    await service.reject(2, STAFF);
    const [first, second] = await ask(dir, [QUESTION, "东营 企业 网络零售额5000万 能拿多少？"]);
    expect(first).toMatchObject({ status: "out_of_scope", text: "请带上营业执照到商务局窗口咨询。", awards: [] });
    expect(second).toMatchObject({ status: "out_of_scope", text: REJECTED_TEXT, awards: [] });
  });
});
