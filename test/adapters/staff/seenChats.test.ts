/**
 * The console's 审核群聊 page lists the group chats the bot has seen, with their names, so staff pick one
 * instead of typing an id; the chats come from the review handlers the channels run on every message.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaffConsole, type StaffConsole } from "../../../adapters/staff/console.js";
import { createWechatReviewHandler } from "../../../adapters/staff/wechatReview.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";

const TOKEN = "seen-chats-staff-token-2026";
let dir: string;
let db: SqliteDatabase;
let service: ReviewService;
let consoleServer: StaffConsole;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "seen-chats-"));
  db = openDatabase({ dataDir: dir });
  service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  consoleServer = await startStaffConsole({ service, tokens: { kind: "shared", token: TOKEN }, port: 0 });
});
afterAll(async () => {
  await consoleServer.close();
  await service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("审核群聊 page", () => {
  it("lists the rooms the bot has seen, by name, each with a button to switch review on", async () => {
    const wechat = createWechatReviewHandler({ service, staffIds: [] });
    const wecom = createWechatReviewHandler({ service, channel: "wecom", staffIds: [] });
    expect(await wechat.handle({ roomId: "r1@chatroom", roomTopic: "平阴带货一群", talkerId: "wxid_a", text: "大家好" })).toBeNull();
    await wechat.handle({ roomId: "r1@chatroom", roomTopic: "平阴带货一群", talkerId: "wxid_b", text: "还有我" });
    await wecom.handle({ roomId: "wrkSFfCgAAxyz", talkerId: "zhangsan", text: "@助手 东营政策" });
    await wechat.handle({ talkerId: "wxid_a", text: "私聊不列出" });

    let chats: Awaited<ReturnType<typeof service.store.knownChats>> = [];
    for (let i = 0; i < 50 && chats.length < 2; i++) {
      chats = await service.store.knownChats();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(chats.map((c) => [c.channel, c.chatId, c.name])).toEqual([
      ["wechat", "r1@chatroom", "平阴带货一群"],
      ["wecom", "wrkSFfCgAAxyz", undefined],
    ]);

    const app = consoleServer.app;
    const loginPage = await app.inject({ method: "GET", url: "/login" });
    const anon = String(loginPage.headers["set-cookie"]).split(";")[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!;
    const loggedIn = await app.inject({
      method: "POST", url: "/login", headers: { "content-type": "application/x-www-form-urlencoded", cookie: anon },
      payload: new URLSearchParams({ _csrf: csrf, name: "王科员", token: TOKEN }).toString(),
    });
    const cookie = String(loggedIn.headers["set-cookie"]).split(";")[0]!;
    const page = await app.inject({ method: "GET", url: "/chats", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("平阴带货一群");
    expect(page.body).toContain("企业微信");
    expect(page.body.match(/开启审核<\/button>/g)).toHaveLength(2);
  });
});
