/**
 * WeChat channel mechanics on a real Wechaty with wechaty-puppet-mock, answered by a test double
 * (see support/fakeHandler.ts). The end-to-end test with the real bot is wechatPolicyBot.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileBox } from "file-box";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { quietLog } from "../../../adapters/adapterLog.js";
import { JsonRoomRegionStore } from "../../../adapters/wechat/roomRegions.js";
import { SendPacer } from "../../../adapters/wechat/sendPacer.js";
import { attachWechatAdapter, type WechatOutcome } from "../../../adapters/wechat/wechatAdapter.js";
import { FAKE_TEXT, FakeHandler } from "../support/fakeHandler.js";
import { startMockWechat, type MockWechat } from "../support/mockWechat.js";
import { waitFor } from "../support/waitFor.js";

const PACE = { perChatMs: 60, globalMs: 15, jitterMs: 10 };


describe("WeChat adapter (Wechaty + puppet-mock)", () => {
  let env: MockWechat;
  let handler: FakeHandler;
  let outcomes: WechatOutcome[];
  let dataDir: string;
  let members: ReturnType<MockWechat["mocker"]["createContacts"]>;
  let staff: (typeof members)[number];
  let room: ReturnType<MockWechat["mocker"]["createRoom"]>;

  beforeAll(async () => {
    env = await startMockWechat();
    dataDir = mkdtempSync(join(tmpdir(), "wechat-test-"));
    handler = new FakeHandler();
    outcomes = [];
    members = env.mocker.createContacts(4);
    staff = env.mocker.createContact({ name: "群管理员" });
    room = env.mocker.createRoom({
      topic: "平阴电商交流群",
      memberIdList: [env.botUser.id, staff.id, ...members.map((m) => m.id)],
    });
    attachWechatAdapter(env.wechaty, {
      handler,
      pacer: new SendPacer(PACE),
      regions: new JsonRoomRegionStore({}, join(dataDir, "room-regions.json")),
      staffIds: [staff.id],
      prefixes: {},
      maxMessageChars: 300,
      log: quietLog,
      onOutcome: (o) => outcomes.push(o),
    });
  });

  afterAll(async () => {
    await env.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    env.sent.length = 0;
    outcomes.length = 0;
    handler.replyOverride = undefined;
  });

  const mention = (text: string) => `@${env.botUser.payload.name}\u2005${text}`;
  const sentTo = (chatId: string) => env.sent.filter((s) => s.chatId === chatId);
  const outcomesOf = (userId: string) => outcomes.filter((o) => o.userId === userId);

  it("answers a member who @-mentions the bot, mentioning them back, and ignores a message without a mention", async () => {
    const [alice] = members;
    alice!.say("大家好，今天直播几点开始？").to(room);
    alice!.say(mention("平阴 15万粉丝 能拿多少？"), [env.botUser]).to(room);
    await waitFor(() => outcomesOf(alice!.id).length === 2, 5_000, "two outcomes");
    await waitFor(() => sentTo(room.id).length === 1);
    expect(outcomesOf(alice!.id).map((o) => o.result).sort()).toEqual(["ignored", "replied"]);
    const reply = sentTo(room.id)[0]!.text;
    expect(reply.startsWith(`@${alice!.payload.name}`)).toBe(true);
    // The mention was stripped before the bot saw the text.
    expect(reply).toContain(`${FAKE_TEXT.echo}[无地区]：平阴 15万粉丝 能拿多少？`);
    expect(handler.received.at(-1)).toMatchObject({ channel: "wechat", chatId: room.id, userId: alice!.id, isPrivate: false });
  });

  it("keeps sessions separate for two members of one room", async () => {
    const [, bob, carol] = members;
    bob!.say(mention("我在平阴"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 1);
    carol!.say(mention("我在东营"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 2);
    bob!.say(mention("15万粉丝"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 3);
    const [, toCarol, toBob] = sentTo(room.id).map((s) => s.text);
    expect(toCarol).not.toContain("上一句"); // Carol's first message: Bob's turn is not hers
    expect(toBob).toContain("上一句：我在平阴");
  });

  it("lets a staff member bind the room to a region, refuses a non-staff member, and uses the binding", async () => {
    const [alice, bob] = members;
    bob!.say(mention("绑定 东营"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 1);
    expect(sentTo(room.id)[0]!.text).toContain("只有本群管理员");

    staff.say(mention("绑定 平阴"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 2);
    expect(sentTo(room.id)[1]!.text).toContain("本群已绑定地区：平阴");
    // Kept under the room's topic, which survives a re-login (the id does not with wechat4u).
    expect(JSON.parse(readFileSync(join(dataDir, "room-regions.json"), "utf8"))).toEqual({ 平阴电商交流群: "pingyin-2020" });

    alice!.say(mention("能拿多少"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 3);
    expect(handler.received.at(-1)?.defaultPolicy).toBe("pingyin-2020");

    staff.say(mention("绑定 火星"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 4);
    expect(sentTo(room.id)[3]!.text).toContain("可绑定的地区：平阴、东营、聊城");

    staff.say(mention("解绑"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === 5);
    expect(sentTo(room.id)[4]!.text).toContain("已解除");
  });

  it("paces replies into one room at least perChatMs apart", async () => {
    for (const member of members) member.say(mention(`第${member.id.slice(-3)}个问题`), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).length === members.length);
    const times = sentTo(room.id).map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(PACE.perChatMs - 2);
  });

  it("answers every private message, including commands, and ignores the bot's own messages", async () => {
    const [alice] = members;
    alice!.say("东营的政策有哪些？").to(env.botUser);
    await waitFor(() => sentTo(alice!.id).length === 1);
    expect(sentTo(alice!.id)[0]!.text).toContain("收到[无地区]：东营的政策有哪些？");
    expect(handler.received.at(-1)).toMatchObject({ chatId: alice!.id, userId: alice!.id, isPrivate: true, kind: "text" });

    alice!.say("/help").to(env.botUser);
    await waitFor(() => sentTo(alice!.id).length === 2);
    expect(sentTo(alice!.id)[1]!.text).toContain("测试替身");
    alice!.say("/reset").to(env.botUser);
    await waitFor(() => sentTo(alice!.id).length === 3);
    expect(sentTo(alice!.id)[2]!.text).toContain("重新开始");

    // The bot's replies were delivered back as messages; none of them was answered.
    expect(handler.received.every((m) => m.userId !== env.botUser.id)).toBe(true);
  });

  it("splits a long reply at line breaks, mentioning the asker only on the first piece", async () => {
    const [alice] = members;
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}条：${"政策原文".repeat(5)}`).join("\n");
    handler.replyOverride = () => ({ toAsker: long, answer: { status: "answered", text: long, policies: [], awards: [], missing: [], citations: [] }, source: "template" });
    alice!.say(mention("长一点的回答"), [env.botUser]).to(room);
    await waitFor(() => sentTo(room.id).some((s) => s.text.includes("第40条")), 5_000, "the last piece");
    const pieces = sentTo(room.id).map((s) => s.text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.startsWith(`@${alice!.payload.name}`)).toBe(true);
    expect(pieces.slice(1).every((p) => !p.startsWith("@"))).toBe(true);
    expect(pieces.every((p) => [...p].length <= 300 + 40)).toBe(true);
    expect(pieces.join("\n")).toContain("第40条");
  });

  describe("bad input", () => {
    it("passes empty and emoji-only messages through and answers them", async () => {
      const [, bob] = members;
      bob!.say(mention(""), [env.botUser]).to(room);
      await waitFor(() => sentTo(room.id).length === 1);
      expect(sentTo(room.id)[0]!.text).toContain(FAKE_TEXT.empty);
      bob!.say("😀😀🎉").to(env.botUser);
      await waitFor(() => sentTo(bob!.id).length === 1);
      expect(handler.received.at(-1)?.text).toBe("😀😀🎉");
    });

    it("passes a 10,000-character message through whole", async () => {
      const [, , carol] = members;
      const huge = "平阴带货".repeat(2_500);
      carol!.say(huge).to(env.botUser);
      await waitFor(() => sentTo(carol!.id).length === 1);
      expect(handler.received.at(-1)?.text.length).toBe(10_000);
    });

    it("answers an image in a private chat with the non-text hint, and ignores an image in a room", async () => {
      const [, , , dave] = members;
      const image = FileBox.fromBase64(Buffer.from([0xff, 0xd8, 0xff]).toString("base64"), "photo.jpg");
      dave!.say(image).to(env.botUser);
      await waitFor(() => sentTo(dave!.id).length === 1);
      expect(sentTo(dave!.id)[0]!.text).toBe(FAKE_TEXT.nonText);
      expect(handler.received.at(-1)?.kind).toBe("non_text");

      dave!.say(image).to(room);
      await waitFor(() => outcomesOf(dave!.id).length === 2);
      expect(outcomesOf(dave!.id)[1]!.result).toBe("ignored");
    });

    it("rate-limits 100 messages in one second from one member with one notice, and still answers others", async () => {
      const spammer = env.mocker.createContact({ name: "刷屏的人" });
      const [alice] = members;
      room.payload.memberIdList.push(spammer.id);
      for (let i = 0; i < 100; i++) spammer.say(mention(`刷屏${i}`), [env.botUser]).to(room);
      alice!.say(mention("我正常提问"), [env.botUser]).to(room);
      await waitFor(() => outcomesOf(spammer.id).length === 100, 10_000, "100 spam outcomes");
      await waitFor(() => outcomesOf(alice!.id).length === 1, 10_000, "alice answered");
      const spam = outcomesOf(spammer.id).map((o) => o.result);
      expect(spam.filter((r) => r === "replied").length).toBe(9); // 8 answers + 1 notice
      expect(spam.filter((r) => r === "silent").length).toBe(91);
      await waitFor(() => sentTo(room.id).length === 10, 10_000, "all replies sent"); // 8 answers, 1 notice, Alice's answer
      expect(sentTo(room.id).filter((s) => s.text.includes(FAKE_TEXT.notice))).toHaveLength(1);
      expect(sentTo(room.id).some((s) => s.text.includes("我正常提问"))).toBe(true);
    });
  });

  it("provides a ChannelSender that posts into a room with a mention and into a private chat", async () => {
    const [alice] = members;
    const adapter = attachWechatAdapter(env.wechaty, {
      handler: new FakeHandler(),
      pacer: new SendPacer(PACE),
      regions: new JsonRoomRegionStore({}),
      staffIds: [],
      prefixes: {},
      maxMessageChars: 300,
      log: quietLog,
    });
    adapter.detach(); // only the sender is needed: messages keep going to the first adapter
    await adapter.sender.sendReply(room.id, "审核通过的回答", { userId: alice!.id });
    await adapter.sender.sendReply(alice!.id, "私聊的回答", { userId: alice!.id });
    await waitFor(() => env.sent.length === 2);
    expect(sentTo(room.id)[0]!.text).toBe(`@${alice!.payload.name} 审核通过的回答`);
    expect(sentTo(alice!.id)[0]!.text).toBe("私聊的回答");
  });
});

describe("WeChat adapter with production-like pacing", () => {
  it("reads a burst at once while replies trickle out, so the per-user rate limit still trips", async () => {
    const env = await startMockWechat();
    try {
      const handler = new FakeHandler();
      const outcomes: WechatOutcome[] = [];
      const [spammer] = env.mocker.createContacts(1);
      attachWechatAdapter(env.wechaty, {
        handler,
        pacer: new SendPacer({ perChatMs: 200, globalMs: 0, jitterMs: 0 }),
        regions: new JsonRoomRegionStore({}),
        staffIds: [],
        prefixes: {},
        maxMessageChars: 300,
        log: quietLog,
        onOutcome: (o) => outcomes.push(o),
      });
      for (let i = 0; i < 30; i++) spammer!.say(`第${i}条`).to(env.botUser);
      await waitFor(() => outcomes.length === 30, 5_000, "30 outcomes");
      // Every message was read while the paced replies had barely started going out.
      expect(env.sent.length).toBeLessThan(3);
      expect(outcomes.filter((o) => o.result === "silent")).toHaveLength(21);
      await waitFor(() => env.sent.length === 9, 10_000, "paced replies");
      expect(env.sent.at(-1)!.text).toBe(FAKE_TEXT.notice);
    } finally {
      await env.stop();
    }
  });
});
