/**
 * Telegram channel mechanics: a real grammY bot (runner long polling) against the telegram-test-api
 * emulator on loopback, answered by a test double (support/fakeHandler.ts). The end-to-end test with
 * the real bot is telegramPolicyBot.test.ts.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { Bot } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { quietLog } from "../../../adapters/adapterLog.js";
import { checkQuestion } from "../../../adapters/telegram/checkFlow.js";
import { startTelegram, type RunningTelegram } from "../../../adapters/telegram/startTelegram.js";
import { createTelegramBot, telegramSender } from "../../../adapters/telegram/telegramBot.js";
import { DEFAULT_RATE_LIMIT } from "../../../bot/rateLimiter.js";
import { FAKE_TEXT, FakeHandler } from "../support/fakeHandler.js";
import { EMULATED_BOT, TOKEN, TelegramUser, freePort, startEmulator, type Emulator } from "../support/telegramEmulator.js";
import { waitFor } from "../support/waitFor.js";

describe("Telegram adapter (grammY + telegram-test-api)", () => {
  let emulator: Emulator;
  let handler: FakeHandler;
  let bot: Bot;
  let running: RunningTelegram;

  beforeAll(async () => {
    emulator = await startEmulator();
    handler = new FakeHandler();
    bot = createTelegramBot({ token: TOKEN, handler, apiRoot: emulator.apiRoot, throttle: false, log: quietLog });
    running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
  });

  afterAll(async () => {
    await running?.stop();
    await emulator?.stop();
  });

  beforeEach(() => {
    handler.replyOverride = undefined;
  });

  let nextId = 1000;
  const privateUser = () => {
    const id = nextId++;
    return new TelegramUser(emulator, { id, chatId: id, type: "private", firstName: `用户${id}` });
  };
  const groupMember = (groupId: number) => new TelegramUser(emulator, { id: nextId++, chatId: groupId, type: "supergroup", firstName: "群成员" });
  const lastUserMessageId = (userId: number) =>
    Math.max(...emulator.server.storage.userMessages.filter((u) => "message" in u && u.message.from?.id === userId).map((u) => u.messageId));

  it("answers a private question in HTML parse mode with the text escaped", async () => {
    const user = privateUser();
    await user.say("平阴 15万粉丝 <b>卖了</b> 120万 & 更多");
    await waitFor(() => emulator.botMessages(user.user.chatId).length === 1);
    const [reply] = emulator.botMessages(user.user.chatId);
    expect(reply!.parseMode).toBe("HTML");
    expect(reply!.text).toBe("收到[无地区]：平阴 15万粉丝 &lt;b&gt;卖了&lt;/b&gt; 120万 &amp; 更多");
    expect(handler.received.at(-1)).toMatchObject({ channel: "telegram", chatId: String(user.user.id), userId: String(user.user.id), isPrivate: true });
  });

  it("runs /check through its buttons: region, then role, then hands a question to the pipeline", async () => {
    const user = privateUser();
    const chat = user.user.chatId;
    await user.command("/check");
    await waitFor(() => emulator.botMessages(chat).length === 1);
    const picker = emulator.botMessages(chat)[0]!;
    const pingyin = picker.keyboard!.flat().find((b) => b.text === "平阴")!;
    expect(pingyin.callback_data).toBe("check:r:pingyin-2020");

    await user.press(picker, pingyin.callback_data!);
    await waitFor(() => emulator.botMessages(chat)[0]!.text.includes("第2步"));
    const rolePicker = emulator.botMessages(chat)[0]!;
    const influencer = rolePicker.keyboard!.flat().find((b) => b.text === "带货达人")!;

    await user.press(rolePicker, influencer.callback_data!);
    await waitFor(() => emulator.botMessages(chat).length === 2);
    expect(emulator.botMessages(chat)[0]!.text).toContain("身份：带货达人 ✓");
    const asked = handler.received.at(-1)!;
    expect(asked).toMatchObject({ text: checkQuestion("influencer"), chatId: String(chat) });
    expect(emulator.botMessages(chat)[1]!.text).toContain("收到[pingyin-2020]");

    await user.command("/facts");
    await waitFor(() => emulator.botMessages(chat).length === 3);
    expect(emulator.botMessages(chat)[2]!.text).toContain("entityType：influencer");
  });

  it("sets the region with /region buttons or a typed name, and forgets with /reset", async () => {
    const user = privateUser();
    const chat = user.user.chatId;
    await user.command("/region");
    await waitFor(() => emulator.botMessages(chat).length === 1);
    await user.press(emulator.botMessages(chat)[0]!, "region:dongying-2020");
    await waitFor(() => emulator.botMessages(chat)[0]!.text.includes("东营"));
    await user.command("/region 聊城市");
    await waitFor(() => emulator.botMessages(chat).length === 2);
    expect(emulator.botMessages(chat)[1]!.text).toContain("按聊城的政策");
    await user.command("/reset");
    await user.command("/facts");
    await waitFor(() => emulator.botMessages(chat).length === 4);
    expect(emulator.botMessages(chat)[3]!.text).toContain("还没有记住");
  });

  it("in a group answers a mention, a reply to the bot and a command, and ignores other chatter", async () => {
    const groupId = -100_777;
    const member = groupMember(groupId);
    await member.say("大家晚上好，今天谁直播？");
    await member.mention("东营 企业 能拿多少");
    await waitFor(() => emulator.botMessages(groupId).length === 1);
    const first = emulator.botMessages(groupId)[0]!;
    expect(first.text).toBe("收到[无地区]：东营 企业 能拿多少");
    expect(first.replyTo).toBe(lastUserMessageId(member.user.id)); // quotes the asker

    await member.say("那聊城呢", { reply_to_message: { message_id: first.messageId, date: 0, chat: { id: groupId, type: "supergroup" }, from: { ...EMULATED_BOT, is_bot: true }, text: first.text } });
    await waitFor(() => emulator.botMessages(groupId).length === 2);
    expect(emulator.botMessages(groupId)[1]!.text).toContain("那聊城呢");

    await member.command(`/help@${EMULATED_BOT.username}`);
    await waitFor(() => emulator.botMessages(groupId).length === 3);
    expect(emulator.botMessages(groupId)[2]!.text).toContain("测试替身");

    await member.say("我去吃饭了");
    await member.mention("最后一个问题");
    await waitFor(() => emulator.botMessages(groupId).length === 4);
    expect(emulator.botMessages(groupId).map((m) => m.text).join("\n")).not.toMatch(/晚上好|吃饭/);
  });

  it("keeps two group members' sessions apart", async () => {
    const groupId = -100_888;
    const [a, b] = [groupMember(groupId), groupMember(groupId)];
    await a.mention("我在平阴");
    await waitFor(() => emulator.botMessages(groupId).length === 1);
    await b.mention("我在东营");
    await waitFor(() => emulator.botMessages(groupId).length === 2);
    expect(emulator.botMessages(groupId)[1]!.text).not.toContain("上一句");
  });

  describe("bad input", () => {
    it("answers an empty mention and an emoji-only message", async () => {
      const groupId = -100_999;
      const member = groupMember(groupId);
      await member.say(`@${EMULATED_BOT.username}`, { entities: [{ type: "mention", offset: 0, length: EMULATED_BOT.username.length + 1 }] });
      await waitFor(() => emulator.botMessages(groupId).length === 1);
      expect(emulator.botMessages(groupId)[0]!.text).toBe(FAKE_TEXT.empty);
      const user = privateUser();
      await user.say("😀🎉🎉");
      await waitFor(() => emulator.botMessages(user.user.chatId).length === 1);
      expect(handler.received.at(-1)?.text).toBe("😀🎉🎉");
    });

    it("passes a 10,000-character message through whole", async () => {
      const user = privateUser();
      await user.say("东营跨境".repeat(2_500));
      await waitFor(() => emulator.botMessages(user.user.chatId).length === 1);
      expect(handler.received.at(-1)?.text.length).toBe(10_000);
    });

    it("answers a sticker and a photo with the non-text hint", async () => {
      const user = privateUser();
      await user.post({ sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "😀" } });
      await user.post({ photo: [{ file_id: "p1", file_unique_id: "pu1", width: 90, height: 90 }] });
      await waitFor(() => emulator.botMessages(user.user.chatId).length === 2);
      expect(emulator.botMessages(user.user.chatId).map((m) => m.text)).toEqual([FAKE_TEXT.nonText, FAKE_TEXT.nonText]);
      expect(handler.received.at(-1)?.kind).toBe("non_text");
    });

    it("re-answers an edited message with the edited text", async () => {
      const user = privateUser();
      await user.say("平阴 10万粉丝");
      await waitFor(() => emulator.botMessages(user.user.chatId).length === 1);
      await bot.handleUpdate(user.editedUpdate(900_001, lastUserMessageId(user.user.id), "平阴 15万粉丝"));
      await waitFor(() => emulator.botMessages(user.user.chatId).length === 2);
      expect(emulator.botMessages(user.user.chatId)[1]!.text).toContain("收到[无地区]：平阴 15万粉丝");
    });

    it("rate-limits a burst of 100 messages from one user with one notice, and still answers others", async () => {
      const spammer = privateUser();
      const other = privateUser();
      const started = Date.now();
      await Promise.all(Array.from({ length: 100 }, (_, i) => spammer.say(`刷屏${i}`)));
      // The burst must land inside one rate window; how fast it lands depends on the machine's load.
      expect(Date.now() - started).toBeLessThan(DEFAULT_RATE_LIMIT.windowMs);
      await other.say("正常提问");
      await waitFor(() => emulator.botMessages(other.user.chatId).length === 1, 10_000, "other user answered");
      await waitFor(() => handler.received.filter((m) => m.userId === String(spammer.user.id)).length === 100, 10_000, "all spam handled");
      await new Promise((resolve) => setTimeout(resolve, 200)); // let any stray reply arrive
      const toSpammer = emulator.botMessages(spammer.user.chatId).map((m) => m.text);
      expect(toSpammer).toHaveLength(9); // 8 answers within the window, then one notice, then silence
      expect(toSpammer.filter((t) => t === FAKE_TEXT.notice)).toHaveLength(1);
    });
  });

  it("provides a ChannelSender that quotes the original message or names the addressee", async () => {
    const sender = telegramSender(bot.api);
    await sender.sendReply("-100555", "审核通过：<平阴> 2万元", { userId: "42", userName: "张三" });
    await sender.sendReply("-100555", "第二条", { userId: "42", messageId: "7" });
    await waitFor(() => emulator.botMessages(-100555).length === 2);
    const [named, quoted] = emulator.botMessages(-100555);
    expect(named!.text).toBe('<a href="tg://user?id=42">张三</a> 审核通过：&lt;平阴&gt; 2万元');
    expect(quoted!.replyTo).toBe(7);
  });
});

describe("Telegram adapter with the throttler on (production default)", () => {
  it("reads a user's burst at once while throttled replies trickle out, so the rate limit still trips", async () => {
    const emulator = await startEmulator();
    const handler = new FakeHandler();
    // Replies still queued when the emulator stops fail at once instead of being retried.
    const autoRetry = { rethrowHttpErrors: true, rethrowInternalServerErrors: true };
    const bot = createTelegramBot({ token: TOKEN, handler, apiRoot: emulator.apiRoot, throttle: true, autoRetry, log: quietLog });
    const running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
    try {
      const user = new TelegramUser(emulator, { id: 88, chatId: 88, type: "private", firstName: "连发" });
      const started = Date.now();
      await Promise.all(Array.from({ length: 30 }, (_, i) => user.say(`第${i}条`)));
      await waitFor(() => handler.received.length === 30, 5_000, "all 30 read");
      expect(Date.now() - started).toBeLessThan(3_000); // the throttler allows about one reply a second here
      await waitFor(() => emulator.botMessages(88).length >= 1, 5_000, "first throttled reply");
      expect(emulator.botMessages(88).length).toBeLessThan(9); // the rest are still queued by the throttler
    } finally {
      await running.stop();
      await emulator.stop();
    }
  });
});

describe("Telegram adapter with a webhook instead of long polling", () => {
  it("registers the webhook and answers the updates Telegram posts to it", async () => {
    const emulator = await startEmulator();
    const port = await freePort();
    const bot = createTelegramBot({ token: TOKEN, handler: new FakeHandler(), apiRoot: emulator.apiRoot, throttle: false, log: quietLog });
    const running = await startTelegram(bot, {
      webhookUrl: `http://127.0.0.1:${port}/telegram`,
      webhookHost: "127.0.0.1",
      webhookPort: port,
      registerCommands: false,
      log: quietLog,
    });
    try {
      // The emulator now delivers updates by POSTing them to the webhook (it has no other way to reach the bot).
      const user = new TelegramUser(emulator, { id: 77, chatId: 77, type: "private", firstName: "网钩" });
      await user.say("聊城 跨境电商");
      await waitFor(() => emulator.botMessages(77).length === 1, 5_000, "webhook reply");
      expect(emulator.botMessages(77)[0]!.text).toContain("聊城 跨境电商");
    } finally {
      await running.stop();
      await emulator.stop();
    }
  });
});

describe("Telegram adapter under Bot API flood control", () => {
  let emulator: Emulator;
  let proxy: Server;
  let proxyRoot: string;
  let rejected = 0;

  beforeAll(async () => {
    emulator = await startEmulator();
    const target = new URL(emulator.apiRoot);
    // A loopback proxy in front of the emulator that answers the first sendMessage with a real 429.
    proxy = createServer((req, res) => {
      if (req.url?.endsWith("/sendMessage") && rejected === 0) {
        rejected++;
        req.resume();
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
        return;
      }
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    proxyRoot = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await emulator.stop();
  });

  it("retries a reply that got 429 after retry_after and delivers it", async () => {
    const handler = new FakeHandler();
    const bot = createTelegramBot({ token: TOKEN, handler, apiRoot: proxyRoot, throttle: true, log: quietLog });
    const running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
    try {
      const user = new TelegramUser(emulator, { id: 5, chatId: 5, type: "private", firstName: "重试" });
      const started = Date.now();
      await user.say("东营 能拿多少");
      await waitFor(() => emulator.botMessages(5).length === 1, 10_000, "retried reply");
      expect(rejected).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // waited retry_after
      expect(emulator.botMessages(5)[0]!.text).toContain("东营 能拿多少");
    } finally {
      await running.stop();
    }
  });
});
