import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramReviewComposer, forwardDraftsToTelegram } from "../../../adapters/staff/telegramReview.js";
import { createWechatReviewHandler } from "../../../adapters/staff/wechatReview.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "../../bot/review/recordingSender.js";
import { SAMPLE_DRAFTS } from "../../bot/review/sampleDrafts.js";

let dir: string;
let db: SqliteDatabase;
let service: ReviewService;
let wechat: RecordingSender;
let telegram: RecordingSender;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "chat-review-"));
  db = openDatabase({ dataDir: dir });
  service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  wechat = new RecordingSender("wechat");
  telegram = new RecordingSender("telegram");
  service.registerSender(wechat);
  service.registerSender(telegram);
});
afterEach(async () => {
  await service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("WeChat staff room commands", () => {
  const STAFF_ROOM = "staff-room@chatroom";
  const handler = () => createWechatReviewHandler({ service, staffIds: ["wechat:wxid_staff", "wxid_any_channel"], staffRoom: STAFF_ROOM });
  const say = (talkerId: string, text: string, roomId = STAFF_ROOM) => handler().handle({ roomId, talkerId, talkerName: talkerId === "wxid_staff" ? "王科员" : "路人", text });

  it("approves with 通过 12 and reports an already-decided draft on a second try", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    expect(await say("wxid_staff", `通过 ${id}`)).toContain("已通过");
    expect(await say("wxid_any_channel", `通过 ${id}`)).toMatch(new RegExp(`草稿 #${id} 已由 王科员 \\(wechat:wxid_staff\\) 于 .* 通过，以先作出的决定为准`));
    await service.deliverDue();
    expect(wechat.sent.map((s) => s.text)).toEqual([SAMPLE_DRAFTS[0]!.answer.text]);
  });

  it("refuses a non-staff member and changes nothing", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    expect(await say("wxid_stranger", `通过 ${id}`)).toBe("只有审核人员可以审核草稿。");
    expect(await say("wxid_stranger", `修改 ${id} 都给100万`)).toBe("只有审核人员可以审核草稿。");
    expect((await service.getDraft(id))!.state).toBe("pending");
  });

  it("edits with 修改 12 新文本, and holds an ungrounded number until 确认修改", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    const edited = "东营王经理您好：排名第2位可获奖励30万元，另有配套奖励5万元。";
    const first = (await say("wxid_staff", `修改 ${id} ${edited}`))!;
    expect(first).toContain("5万");
    expect(first).toContain(`确认修改 ${id}`);
    expect((await service.getDraft(id))!.state).toBe("pending");
    expect(await say("wxid_staff", `确认修改 ${id}`)).toContain("已通过（已修改）");
    await service.deliverDue();
    expect(telegram.sent.map((s) => s.text)).toEqual([edited]);
  });

  it("rejects with 驳回, accepts full-width digits, and ignores ordinary talk", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[2]!);
    expect(await say("wxid_staff", "大家辛苦了")).toBeNull();
    expect(await say("wxid_staff", `驳回 ${String(id).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} 金额需复核`)).toContain("已驳回");
    expect(await service.getDraft(id)).toMatchObject({ state: "rejected", rejectReason: "金额需复核" });
  });

  it("switches a merchants' room to review mode on a staff member's 开启审核, and refuses others", async () => {
    expect(await say("wxid_stranger", "开启审核", "merchants@chatroom")).toBe("只有审核人员可以设置审核模式。");
    expect(await service.isReviewed("wechat", "merchants@chatroom")).toBe(false);
    expect(await say("wxid_staff", "开启审核", "merchants@chatroom")).toContain("已开启审核");
    expect(await service.isReviewed("wechat", "merchants@chatroom")).toBe(true);
    expect(await say("wxid_staff", "平阴带货奖励怎么算", "merchants@chatroom")).toBeNull();
  });

  it("forwards each new draft to the staff room with its number and the commands", async () => {
    const said: string[] = [];
    handler().forwardDrafts(async (t) => said.push(t));
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    expect(said[0]).toContain(`草稿 #${id}`);
    expect(said[0]).toContain("通过 编号");
    expect(said[0]).toContain("pingyin-2020:三/(三)/3");
  });
});

describe("Telegram staff group", () => {
  const STAFF_CHAT = -100777;
  const BOT_ID = 999;
  const botInfo = { id: BOT_ID, is_bot: true, first_name: "惠商", username: "huishang_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } as UserFromGetMe;
  const chat = { id: STAFF_CHAT, type: "supergroup" as const, title: "审核群" };
  const staffUser = { id: 111, is_bot: false, first_name: "张三" };
  const stranger = { id: 222, is_bot: false, first_name: "路人" };
  let calls: { method: string; payload: Record<string, unknown> }[];
  let bot: Bot;
  let updateId = 1;

  beforeEach(async () => {
    calls = [];
    bot = new Bot("123:test", { botInfo });
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      const result = method === "sendMessage" || method === "editMessageText"
        ? { message_id: 100 + calls.length, date: 0, chat, text: (payload as { text?: string }).text }
        : true;
      return { ok: true, result } as never;
    });
    bot.use(createTelegramReviewComposer({ service, staffIds: ["telegram:111"], staffChatId: String(STAFF_CHAT) }));
    bot.on("message", (ctx) => ctx.reply("bot answered"));
    await bot.init();
  });

  const notice = (id: number) => ({ message_id: 50, date: 0, chat, from: { id: BOT_ID, is_bot: true, first_name: "惠商" }, text: `草稿 #${id} · 微信 …` });
  const press = (from: typeof staffUser, data: string, id: number): Update =>
    ({ update_id: updateId++, callback_query: { id: `cb${updateId}`, from, chat_instance: "ci", data, message: notice(id) } }) as Update;
  const replyTo = (from: typeof staffUser, id: number, text: string): Update =>
    ({ update_id: updateId++, message: { message_id: 60 + updateId, date: 0, chat, from, text, reply_to_message: notice(id) } }) as Update;

  it("forwards a new draft with 通过 / 驳回 / 修改 buttons", async () => {
    forwardDraftsToTelegram(bot.api, service, String(STAFF_CHAT));
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const sent = calls.find((c) => c.method === "sendMessage")!;
    expect(sent.payload.chat_id).toBe(String(STAFF_CHAT));
    expect(sent.payload.text).toContain(`草稿 #${id}`);
    const buttons = (sent.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard[0]!;
    expect(buttons.map((b) => [b.text, b.callback_data])).toEqual([["通过", `rv:a:${id}`], ["驳回", `rv:r:${id}`], ["修改", `rv:e:${id}`]]);
  });

  it("approves on 通过 from staff, once; a second press says who decided", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    await bot.handleUpdate(press(staffUser, `rv:a:${id}`, id));
    await bot.handleUpdate(press(staffUser, `rv:a:${id}`, id));
    const answers = calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text));
    expect(answers[0]).toContain("已通过");
    expect(answers[1]).toMatch(/已由 张三 \(telegram:111\) 于 .* 通过/);
    await service.deliverDue();
    expect(telegram.sent).toHaveLength(1);
    expect(calls.some((c) => c.method === "editMessageText" && String(c.payload.text).includes("【已通过】"))).toBe(true);
  });

  it("refuses a button press by someone not in STAFF_IDS", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    await bot.handleUpdate(press(stranger, `rv:a:${id}`, id));
    expect(calls.find((c) => c.method === "answerCallbackQuery")!.payload).toMatchObject({ text: "只有审核人员可以审核草稿。", show_alert: true });
    expect((await service.getDraft(id))!.state).toBe("pending");
  });

  it("edits by reply, holding an ungrounded number until the author presses 覆盖", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    await bot.handleUpdate(press(staffUser, `rv:e:${id}`, id));
    expect(String(calls.find((c) => c.method === "sendMessage")!.payload.text)).toContain(`修改草稿 #${id}`);
    await bot.handleUpdate(replyTo(stranger, id, "改成50万元"));
    expect(calls.at(-1)!.payload.text).toBe("只有审核人员可以审核草稿。");
    await bot.handleUpdate(replyTo(staffUser, id, "您好，排名第2位可获奖励30万元，另可叠加12万元。"));
    const warn = calls.at(-1)!;
    expect(String(warn.payload.text)).toContain("12万");
    const data = (warn.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    expect((await service.getDraft(id))!.state).toBe("pending");
    await bot.handleUpdate(press(staffUser, data, id));
    expect(await service.getDraft(id)).toMatchObject({ decidedBy: "张三 (telegram:111)", finalText: "您好，排名第2位可获奖励30万元，另可叠加12万元。" });
    await service.deliverDue();
    expect(telegram.sent.map((s) => s.text)).toEqual(["您好，排名第2位可获奖励30万元，另可叠加12万元。"]);
  });

  it("lets other messages through to the bot", async () => {
    await bot.handleUpdate({ update_id: updateId++, message: { message_id: 1, date: 0, chat, from: staffUser, text: "平阴带货奖励" } } as Update);
    expect(calls.at(-1)!.payload.text).toBe("bot answered");
  });

  it("switches a group's review mode with /review on from staff only", async () => {
    const group = { id: -100555, type: "group" as const, title: "商户群" };
    const cmd = (from: typeof staffUser, text: string): Update =>
      ({ update_id: updateId++, message: { message_id: 2, date: 0, chat: group, from, text, entities: [{ type: "bot_command", offset: 0, length: 7 }] } }) as Update;
    await bot.handleUpdate(cmd(stranger, "/review on"));
    expect(await service.isReviewed("telegram", "-100555")).toBe(false);
    await bot.handleUpdate(cmd(staffUser, "/review on"));
    expect(await service.isReviewed("telegram", "-100555")).toBe(true);
    expect(String(calls.at(-1)!.payload.text)).toContain("审核模式");
  });
});
