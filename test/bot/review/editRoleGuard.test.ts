/**
 * Staff edits go through the role-aware number guard: drafts from the real pipeline, edited so that a
 * number copied from the quote or the question is presented as the asker's award.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyBot } from "../../../bot/policyBot.js";
import { ReviewService, type StaffIdentity } from "../../../bot/review/reviewService.js";
import type { DraftInput, ReviewGate } from "../../../bot/reviewGate.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";

const zhang: StaffIdentity = { name: "张三", via: "console" };
let dir: string;
let db: SqliteDatabase;
let service: ReviewService;
let bot: PolicyBot;
const held: DraftInput[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "edit-guard-"));
  db = openDatabase({ dataDir: dir });
  service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  const gate: ReviewGate = { isReviewed: async () => true, holdDraft: async (d) => held.push(d), acknowledgement: () => null };
  bot = await PolicyBot.create({ review: gate, asOf: "2021-06-01", rateLimit: false, log: () => {} });
});
afterAll(async () => {
  await service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Hold the pipeline's draft for `question` in the review store. */
async function draftFor(question: string): Promise<number> {
  await bot.handle({ channel: "wechat", chatId: "room@chatroom", userId: `u${held.length}`, text: question, isPrivate: false });
  return await service.holdDraft(held.at(-1)!);
}

describe("staff edits and the role-aware number guard", () => {
  it("needs the logged override to present the quote's threshold as the award of a not-eligible draft", async () => {
    const id = await draftFor("平阴 9万粉丝 2021年卖了120万 能拿多少奖励");
    expect((await service.getDraft(id))!.answer.awards.every((a) => a.eligible !== true)).toBe(true);
    const blocked = await service.approve(id, zhang, "平阴：带货达人线上销售奖励最高奖励100万元。");
    expect(blocked).toMatchObject({ ok: false, reason: "needs_override", ungrounded: ["100万元"] });
    expect(blocked.message).toContain("写成提问人可得的金额");
    expect((await service.getDraft(id))!.state).toBe("pending");
    expect((await service.confirmProposal({ draftId: id }, zhang)).ok).toBe(true);
    const approval = (await service.store.audit(id)).find((a) => a.action === "approved")!;
    expect(approval.detail).toMatchObject({ edited: true, override: true, ungrounded: ["100万元"] });
  });

  it("needs the override to present the asker's own sales as the award", async () => {
    const id = await draftFor("平阴 15万粉丝 2021年卖了120万 能拿多少奖励");
    expect(await service.approve(id, zhang, "您最高可得2万元。您可以拿120万元奖励。")).toMatchObject({ ok: false, reason: "needs_override", ungrounded: ["120万元"] });
  });

  it("approves without an override an edit that states the engine's amount and keeps the user's figures as conditions", async () => {
    const id = await draftFor("平阴 15万粉丝 2021年卖了120万 能拿多少奖励");
    const result = await service.approve(id, zhang, "经核对：您有15万粉丝、年网络零售额120万元，达到10万粉丝且100万元以上的条件，最高可得两万元。");
    expect(result.ok).toBe(true);
  });
});
