import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ReviewService, type StaffIdentity } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "./recordingSender.js";
import { SAMPLE_DRAFTS } from "./sampleDrafts.js";

const zhang: StaffIdentity = { name: "张三", via: "console" };
const li: StaffIdentity = { name: "李四", via: "wechat", id: "wxid_li" };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(options: Partial<ConstructorParameters<typeof ReviewService>[0]> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "review-"));
  const db = openDatabase({ dataDir: dir });
  const service = new ReviewService({ store: sqliteStore(db), log: () => {}, retryDelayMs: 0, ...options });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close(), () => service.close());
  return { dir, db, service };
}

function reopen(dir: string, options: Partial<ConstructorParameters<typeof ReviewService>[0]> = {}): { db: SqliteDatabase; service: ReviewService } {
  const db = openDatabase({ dataDir: dir });
  const service = new ReviewService({ store: sqliteStore(db), log: () => {}, retryDelayMs: 0, ...options });
  cleanups.push(() => db.close(), () => service.close());
  return { db, service };
}

describe("review mode and drafts", () => {
  it("holds a draft with question, facts, engine trace, citations and reply target", async () => {
    const { service } = setup();
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const d = (await service.getDraft(id))!;
    expect(d).toMatchObject({ state: "pending", channel: "wechat", chatId: "20551788@chatroom", userId: "wxid_lihua", messageId: "m-1001", question: SAMPLE_DRAFTS[0]!.message.text });
    expect(d.facts).toEqual(SAMPLE_DRAFTS[0]!.facts);
    expect(d.answer.awards[0]!.trace).toHaveLength(2);
    expect(d.answer.citations[0]!.quote).toContain("10万粉丝");
    expect((await service.store.audit(id)).map((a) => a.action)).toEqual(["draft_held"]);
  });

  it("takes review mode from config, lets staff override it per chat, and keeps the override after a restart", async () => {
    const { dir, service } = setup({ reviewChats: ["wechat:room-a", "telegram:*"], ackChats: ["wechat:room-a"] });
    expect(await service.isReviewed("wechat", "room-a")).toBe(true);
    expect(await service.isReviewed("wechat", "room-b")).toBe(false);
    expect(await service.isReviewed("telegram", "-100")).toBe(true);
    expect(service.acknowledgement("wechat", "room-a")).toBe("已收到，工作人员核对后回复。");
    expect(service.acknowledgement("telegram", "-100")).toBeNull();
    await service.setReviewMode("wechat", "room-a", "off", zhang);
    await service.setReviewMode("wechat", "room-b", "review", li);
    const again = reopen(dir, { reviewChats: ["wechat:room-a"] }).service;
    expect(await again.isReviewed("wechat", "room-a")).toBe(false);
    expect(await again.reviewMode("wechat", "room-b")).toEqual({ mode: "review", source: "staff" });
    expect((await again.store.audit()).filter((a) => a.action === "review_mode").map((a) => a.actor)).toContain("李四 (wechat:wxid_li)");
  });
});

describe("decisions and delivery", () => {
  it("sends an approved draft once to the original chat, addressed to the asker", async () => {
    const { service } = setup();
    const wechat = new RecordingSender("wechat");
    service.registerSender(wechat);
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const result = await service.approve(id, zhang);
    expect(result.ok).toBe(true);
    await service.deliverDue();
    expect(wechat.sent).toEqual([{ chatId: "20551788@chatroom", text: SAMPLE_DRAFTS[0]!.answer.text, to: { userId: "wxid_lihua", userName: "李华（平阴带货）", messageId: "m-1001" }, deliveryKey: expect.stringMatching(/^hs-1-reply-/) }]);
    expect(await service.getDraft(id)).toMatchObject({ state: "sent", decidedBy: "张三", decidedVia: "console" });
    expect((await service.store.audit(id)).map((a) => a.action)).toEqual(["draft_held", "approved", "delivered"]);
  });

  it("lets the first decision win and tells the second who decided and when", async () => {
    const { service } = setup({ now: () => Date.UTC(2024, 4, 1, 2, 3) });
    const sender = new RecordingSender("wechat");
    service.registerSender(sender);
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    expect((await service.approve(id, zhang)).ok).toBe(true);
    const second = await service.approve(id, li);
    expect(second).toMatchObject({ ok: false, reason: "already_decided" });
    expect(second.message).toBe("草稿 #1 已由 张三 于 2024-05-01 10:03 通过，以先作出的决定为准，本次操作未生效。");
    expect((await service.reject(id, li)).ok).toBe(false);
    await service.deliverDue();
    expect(sender.sent).toHaveLength(1);
  });

  it("sends a rejection notice only when staff ask for one", async () => {
    const { service } = setup();
    const sender = new RecordingSender("wechat");
    service.registerSender(sender);
    const a = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const b = await service.holdDraft(SAMPLE_DRAFTS[2]!);
    expect((await service.reject(a, zhang, { reason: "金额待核实" })).ok).toBe(true);
    expect((await service.reject(b, zhang, { notifyText: "您好，您的问题需要进一步核实。" })).ok).toBe(true);
    await service.deliverDue();
    expect(sender.sent.map((s) => s.text)).toEqual(["您好，您的问题需要进一步核实。"]);
    expect(await service.getDraft(a)).toMatchObject({ state: "rejected", rejectReason: "金额待核实" });
  });

  it("stops an edit with a number nothing supports until its author confirms, and logs the override", async () => {
    const { service } = setup();
    const sender = new RecordingSender("telegram");
    service.registerSender(sender);
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    const edited = "按东营市的政策，排名第2位的企业可获奖励35万元。";
    const blocked = await service.approve(id, zhang, edited);
    expect(blocked).toMatchObject({ ok: false, reason: "needs_override" });
    expect(blocked.ok === false && blocked.reason === "needs_override" && blocked.ungrounded.join()).toContain("35");
    expect((await service.getDraft(id))!.state).toBe("pending");
    // Another staff member cannot confirm someone else's override.
    expect((await service.confirmProposal({ draftId: id }, li)).ok).toBe(false);
    const confirmed = await service.confirmProposal({ draftId: id }, zhang);
    expect(confirmed.ok).toBe(true);
    await service.deliverDue();
    expect(sender.sent.map((s) => s.text)).toEqual([edited]);
    const approval = (await service.store.audit(id)).find((a) => a.action === "approved")!;
    expect(approval.actor).toBe("张三");
    expect(approval.detail).toMatchObject({ edited: true, override: true });
    expect(approval.detail.ungrounded).toEqual(expect.arrayContaining([expect.stringContaining("35")]));
  });

  it("accepts an edit whose numbers come from the engine, the quotes or the user without an override", async () => {
    const { service } = setup();
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    const result = await service.approve(id, zhang, "您好！去年网络零售额9000万元、全市排名第2位，可获奖励30万元（依据：年网络零售额8000万元以上，排名前3位）。");
    expect(result).toMatchObject({ ok: true, action: "approved" });
    expect((await service.store.audit(id)).find((a) => a.action === "approved")!.detail).toMatchObject({ edited: true });
  });

  it("keeps the audit log append-only", async () => {
    const { db, service } = setup();
    await service.holdDraft(SAMPLE_DRAFTS[0]!);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });

  it("retries a failed send, then leaves it for staff, who can resend it", async () => {
    const { service } = setup({ maxAttempts: 2 });
    const sender = new RecordingSender("wechat");
    sender.failNext = 2;
    service.registerSender(sender);
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    await service.approve(id, zhang);
    await service.deliverDue();
    await service.deliverDue();
    expect(await service.deliveriesNeedingAttention()).toMatchObject([{ draftId: id, state: "failed", attempts: 2 }]);
    expect(await service.resend((await service.deliveriesNeedingAttention())[0]!.id, zhang)).toBe(true);
    await service.deliverDue();
    expect(sender.sent).toHaveLength(1);
    expect((await service.getDraft(id))!.state).toBe("sent");
  });

  it("after a crash mid-send, resends with the same key on a keyed channel and asks staff on others", async () => {
    const { dir, db, service } = setup();
    const a = await service.holdDraft(SAMPLE_DRAFTS[1]!); // telegram
    const b = await service.holdDraft(SAMPLE_DRAFTS[0]!); // wechat
    await service.approve(a, zhang);
    await service.approve(b, zhang);
    // A process that claimed both sends and died: its pid no longer exists.
    const deadPid = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    db.prepare("UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = 1").run(`${(await import("node:os")).hostname()}/${deadPid}/gone`);
    const keys = db.prepare("SELECT channel, delivery_key FROM outbox").all() as { channel: string; delivery_key: string }[];
    const restarted = reopen(dir).service;
    const telegram = new RecordingSender("telegram", { dedupesByKey: true });
    const wechat = new RecordingSender("wechat");
    restarted.registerSender(telegram);
    restarted.registerSender(wechat);
    await restarted.deliverDue();
    expect(telegram.sent.map((s) => s.deliveryKey)).toEqual([keys.find((k) => k.channel === "telegram")!.delivery_key]);
    expect(wechat.sent).toHaveLength(0);
    const [uncertain] = await restarted.deliveriesNeedingAttention();
    expect(uncertain).toMatchObject({ draftId: b, state: "uncertain" });
    expect(await restarted.confirmDelivered(uncertain!.id, zhang)).toBe(true);
    expect((await restarted.getDraft(b))!.state).toBe("sent");
    expect((await restarted.store.audit(b)).map((x) => x.action)).toEqual(["draft_held", "approved", "delivery_uncertain", "delivery_confirmed"]);
  });

  it("lets two service instances on one database file decide a draft once", async () => {
    const { dir, service } = setup();
    const other = reopen(dir).service;
    const s1 = new RecordingSender("wechat");
    const s2 = new RecordingSender("wechat");
    service.registerSender(s1);
    other.registerSender(s2);
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const results = await Promise.all([service.approve(id, zhang), other.approve(id, li)]);
    await Promise.all([service.deliverDue(), other.deliverDue()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(s1.sent.length + s2.sent.length).toBe(1);
  });

  it("reports counts by state and the median time to approval", async () => {
    let t = 1_000_000;
    const { service } = setup({ now: () => t });
    const ids: number[] = [];
    for (const d of SAMPLE_DRAFTS) ids.push(await service.holdDraft(d));
    t += 60_000;
    await service.approve(ids[0]!, zhang);
    t += 120_000;
    await service.approve(ids[1]!, zhang);
    expect(await service.stats()).toEqual({ counts: { pending: 1, approved: 2, rejected: 0, sent: 0 }, medianApprovalMs: 120_000 });
  });
});
