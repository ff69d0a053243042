/**
 * The WeCom channel, as `npm start` wires it, against a local emulator of WeCom's long-connection server:
 * the real SDK connects to it through WECOM_WS_URL, authenticates, and answers callbacks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../adapters/config.js";
import { createPolicyBot, startChannels, type RunningChannels } from "../../../adapters/main.js";
import { loadStaffConfig } from "../../../adapters/staff/config.js";
import { createStaffReview, type StaffReview } from "../../../adapters/staff/startReview.js";
import { openStore, type Store } from "../../../bot/store/store.js";
import { FakeHandler, FAKE_TEXT } from "../support/fakeHandler.js";
import { AWARD_QUESTION, expectTwentyThousandAward } from "../support/policyAnswers.js";
import { waitFor } from "../support/waitFor.js";
import { WECOM_BOT_ID, WECOM_SECRET, WecomEmulator } from "../support/wecomEmulator.js";

const config = (url: string) => parseConfig({ WECOM_BOT_ID, WECOM_BOT_SECRET: WECOM_SECRET, WECOM_WS_URL: url });
const recordingLog = (lines: string[]) => ({ info: (l: string) => void lines.push(l), warn: (l: string) => void lines.push(l), error: (l: string) => void lines.push(l) });

describe("WeCom channel against the emulator", () => {
  let emulator: WecomEmulator;
  let channels: RunningChannels;
  const handler = new FakeHandler();
  const logged: string[] = [];

  beforeAll(async () => {
    emulator = await WecomEmulator.start();
    channels = await startChannels(config(emulator.url), handler, { log: recordingLog(logged) });
    await channels.wecom!.ready;
  });
  afterAll(async () => {
    await channels?.stop();
    await emulator?.stop();
  });

  it("authenticates with the bot id and secret from the settings", async () => {
    const auth = emulator.frames.find((f) => f.cmd === "aibot_subscribe");
    expect(auth?.body).toMatchObject({ bot_id: WECOM_BOT_ID, secret: WECOM_SECRET });
    expect(logged.some((l) => l.includes(`wecom: bot ${WECOM_BOT_ID} connected`))).toBe(true);
  });

  it("answers a group @-mention with a finished stream reply to that message, mention removed, per-user sessions", async () => {
    const reqA = emulator.say({ chatId: "grp-merchants", userId: "zhangsan", text: "@政策助手 平阴有什么补贴" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === reqA), 5_000, "reply to zhangsan");
    const replyA = emulator.sent.find((s) => s.replyTo === reqA)!;
    expect(replyA).toMatchObject({ cmd: "aibot_respond_msg", chatId: "grp-merchants", finish: true });
    expect(replyA.text).toBe(`${FAKE_TEXT.echo}[无地区]：平阴有什么补贴`);
    expect(handler.received.at(-1)).toMatchObject({ channel: "wecom", chatId: "grp-merchants", userId: "zhangsan", isPrivate: false });

    // Another member of the same group starts a fresh session; zhangsan's next message continues his.
    const reqB = emulator.say({ chatId: "grp-merchants", userId: "lisi", text: "@政策助手 东营呢" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === reqB));
    expect(emulator.sent.find((s) => s.replyTo === reqB)!.text).not.toContain("上一句");
    const reqA2 = emulator.say({ chatId: "grp-merchants", userId: "zhangsan", text: "@政策助手 15万粉丝" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === reqA2));
    expect(emulator.sent.find((s) => s.replyTo === reqA2)!.text).toContain("上一句：平阴有什么补贴");
  });

  it("answers a single chat, keyed by the user, and carries out /reset", async () => {
    const req = emulator.say({ userId: "wangwu", text: "聊城的政策" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === req));
    expect(emulator.sent.find((s) => s.replyTo === req)).toMatchObject({ chatId: "wangwu", text: `${FAKE_TEXT.echo}[无地区]：聊城的政策` });
    expect(handler.received.at(-1)).toMatchObject({ chatId: "wangwu", userId: "wangwu", isPrivate: true });
    const reset = emulator.say({ userId: "wangwu", text: "/reset" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === reset));
    expect(emulator.sent.find((s) => s.replyTo === reset)!.text).toContain("重新开始");
  });

  it("logs a malformed frame and a callback without a sender, and keeps answering", async () => {
    const before = logged.length;
    emulator.sendFrame("{this is not json");
    emulator.sendFrame({ cmd: "aibot_msg_callback", headers: { req_id: "req_broken" }, body: { msgid: "m1", chattype: "single", msgtype: "text", text: { content: "hi" } } });
    await waitFor(() => logged.length >= before + 2, 5_000, "two log lines");
    expect(logged.slice(before).join("\n")).toMatch(/wecom: Failed to parse WebSocket message/);
    expect(logged.slice(before).join("\n")).toMatch(/wecom: ignored a message callback without the expected fields \(req_id req_broken\)/);
    expect(emulator.sent.some((s) => s.replyTo === "req_broken")).toBe(false);
    const req = emulator.say({ userId: "wangwu", text: "还在吗" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === req));
  });

  it("reconnects after the connection drops, says so, and answers again", async () => {
    const authenticationsBefore = emulator.authentications;
    emulator.dropConnection();
    await waitFor(() => emulator.authentications > authenticationsBefore && emulator.connected, 10_000, "re-authentication");
    // The adapter logs "reconnected" when the emulator's answer to the new authentication arrives, a moment after the
    // emulator counts it: wait for the line rather than expect it at once (it was missed under load).
    await waitFor(() => logged.some((l) => l.includes(`wecom: bot ${WECOM_BOT_ID} reconnected`)), 10_000, "reconnected line");
    expect(logged.some((l) => l.includes("wecom: connection lost; reconnect attempt 1"))).toBe(true);
    const req = emulator.say({ chatId: "grp-merchants", userId: "zhangsan", text: "@政策助手 又来了" });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === req));
  });
});

describe("WeCom start-up problems", () => {
  it("says in one line to check the credentials when WeCom keeps refusing them", async () => {
    const emulator = await WecomEmulator.start();
    const logged: string[] = [];
    const bad = parseConfig({ WECOM_BOT_ID, WECOM_BOT_SECRET: "wrong-secret", WECOM_WS_URL: emulator.url });
    const { startWecom } = await import("../../../adapters/wecom/startWecom.js");
    const wecom = startWecom(bad, new FakeHandler(), { log: recordingLog(logged), reconnectIntervalMs: 10 });
    try {
      await waitFor(() => logged.some((l) => l.includes("check WECOM_BOT_ID and WECOM_BOT_SECRET")), 10_000, "credentials line");
      expect(emulator.authentications).toBe(0);
    } finally {
      await wecom.stop();
      await emulator.stop();
    }
  });

  it("refuses WECOM_BOT_ID without WECOM_BOT_SECRET, naming the setting", async () => {
    expect(() => parseConfig({ WECOM_BOT_ID })).toThrow(/^Bad setting WECOM_BOT_SECRET: required when WECOM_BOT_ID is set/);
    expect(() => parseConfig({ WECOM_BOT_ID, WECOM_BOT_SECRET: "x", WECOM_WS_URL: "http://example.com" })).toThrow(/^Bad setting WECOM_WS_URL: must be a ws\(s\) URL/);
  });
});

describe("WeCom review mode with the real bot", () => {
  let dir: string;
  let emulator: WecomEmulator;
  let review: StaffReview;
  let store: Store;
  let channels: RunningChannels;
  afterEach(async () => {
    await channels?.stop();
    await review?.close();
    await store?.close();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("holds a reviewed group's answer, posts the draft to the staff group, and sends it after 通过 from staff", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "wecom-review-"));
    emulator = await WecomEmulator.start();
    const cfg = config(emulator.url);
    store = await openStore({ dataDir: dir });
    review = createStaffReview(loadStaffConfig({
      DATA_DIR: dir, STAFF_IDS: "wecom:boss", REVIEW_CHATS: "wecom:grp-merchants", WECOM_STAFF_CHAT_ID: "grp-staff",
    }), store, () => {});
    const bot = await createPolicyBot(cfg, { sessions: store.sessions, review: review.service });
    channels = await startChannels(cfg, bot, { ...review.extensions, log: recordingLog([]) });
    await review.attach(channels);
    await channels.wecom!.ready;

    const question = emulator.say({ chatId: "grp-merchants", userId: "zhangsan", text: `@政策助手 ${AWARD_QUESTION}` });
    await waitFor(() => emulator.textsIn("grp-staff").length === 1, 15_000, "draft notice in the staff group");
    const notice = emulator.textsIn("grp-staff")[0]!;
    const draftId = Number(/草稿 #(\d+)/.exec(notice)?.[1]);
    expect(notice).toContain("企业微信 grp-merchants");
    expectTwentyThousandAward(notice);
    // Nothing reached the asker's group: no acknowledgement is configured.
    expect(emulator.sent.filter((s) => s.chatId === "grp-merchants")).toEqual([]);
    expect(emulator.sent.some((s) => s.replyTo === question)).toBe(false);

    // Someone who is not staff cannot approve.
    const refused = emulator.say({ chatId: "grp-staff", userId: "passerby", text: `@政策助手 通过 ${draftId}` });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === refused));
    expect(emulator.sent.find((s) => s.replyTo === refused)!.text).toBe("只有审核人员可以审核草稿。");

    const approve = emulator.say({ chatId: "grp-staff", userId: "boss", text: `@政策助手 通过 ${draftId}` });
    await waitFor(() => emulator.sent.some((s) => s.replyTo === approve));
    expect(emulator.sent.find((s) => s.replyTo === approve)!.text).toContain("已通过");
    review.service.kick();
    await waitFor(() => emulator.textsIn("grp-merchants").length > 0, 10_000, "approved answer in the merchants' group");
    expectTwentyThousandAward(emulator.textsIn("grp-merchants").join("\n"));
    // The outbox marks the draft sent once the channel has accepted it, a moment after the text arrives.
    await waitFor(async () => (await review.service.getDraft(draftId))!.state === "sent", 10_000, "draft marked sent");
    expect((await review.service.getDraft(draftId))!.state).toBe("sent");
  }, 30_000);
});
