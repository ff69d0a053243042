/**
 * Telegram end to end: the real PolicyBot behind the real grammY adapter, against the telegram-test-api
 * emulator on loopback.
 */
import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PolicyBot } from "../../../bot/policyBot.js";
import { quietLog } from "../../../adapters/adapterLog.js";
import { startTelegram, type RunningTelegram } from "../../../adapters/telegram/startTelegram.js";
import { createTelegramBot } from "../../../adapters/telegram/telegramBot.js";
import { TOKEN, TelegramUser, startEmulator, type Emulator } from "../support/telegramEmulator.js";
import { AWARD_QUESTION, expectTwentyThousandAward } from "../support/policyAnswers.js";
import { waitFor } from "../support/waitFor.js";



/** The lines that state amounts: what must agree between the guided check and a typed question. */
const amountLines = (text: string | undefined) => (text ?? "").split("\n").filter((line) => /\d+万/.test(line));

describe("Telegram with the real PolicyBot", () => {
  let emulator: Emulator;
  let bot: Bot;
  let running: RunningTelegram;
  let nextId = 2_000;
  const privateUser = () => {
    const id = nextId++;
    return new TelegramUser(emulator, { id, chatId: id, type: "private", firstName: `商户${id}` });
  };
  const texts = (chatId: number) => emulator.botMessages(chatId).map((m) => m.text);

  beforeAll(async () => {
    emulator = await startEmulator();
    const handler = await PolicyBot.create({ log: () => undefined });
    bot = createTelegramBot({ token: TOKEN, handler, apiRoot: emulator.apiRoot, throttle: false, log: quietLog });
    running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
  });

  afterAll(async () => {
    await running?.stop();
    await emulator?.stop();
  });

  it("answers a private question with the engine's amount and the quoted clause, as escaped HTML", async () => {
    const user = privateUser();
    await user.say(AWARD_QUESTION);
    await waitFor(() => texts(user.user.chatId).length === 1, 10_000);
    const [reply] = emulator.botMessages(user.user.chatId);
    expectTwentyThousandAward(reply!.text);
    expect(reply!.text).toContain("三(三)3");
    expect(reply!.parseMode).toBe("HTML");
    expect(reply!.text).not.toContain("<"); // everything escaped: Telegram parses no markup of the bot's
  });

  it("/check ends in the same answer as the typed question: buttons, then the numbers the bot asks for", async () => {
    const user = privateUser();
    const chat = user.user.chatId;
    await user.command("/check");
    await waitFor(() => texts(chat).length === 1);
    const regionPicker = emulator.botMessages(chat)[0]!;
    await user.press(regionPicker, regionPicker.keyboard!.flat().find((b) => b.text === "平阴")!.callback_data!);
    await waitFor(() => texts(chat)[0]!.includes("第2步"));
    const rolePicker = emulator.botMessages(chat)[0]!;
    await user.press(rolePicker, rolePicker.keyboard!.flat().find((b) => b.text === "带货达人")!.callback_data!);
    await waitFor(() => texts(chat).length === 2, 10_000);
    expect(texts(chat)[1]).toMatch(/粉丝数/); // the bot asks for what the provision needs

    await user.say("15万粉丝，2021年卖了120万");
    await waitFor(() => texts(chat).length === 3, 10_000);
    expectTwentyThousandAward(texts(chat)[2]);

    const typed = privateUser();
    await typed.say(AWARD_QUESTION);
    await waitFor(() => texts(typed.user.chatId).length === 1, 10_000);
    expect(amountLines(texts(chat)[2])).toEqual(amountLines(texts(typed.user.chatId)[0]));
  });

  it("in a group answers a mention, quoting it, and ignores other chatter", async () => {
    const groupId = -200_100;
    const member = new TelegramUser(emulator, { id: nextId++, chatId: groupId, type: "supergroup", firstName: "主播" });
    await member.say("今晚谁开播？");
    await member.mention(AWARD_QUESTION);
    await waitFor(() => texts(groupId).length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(texts(groupId)).toHaveLength(1);
    expectTwentyThousandAward(texts(groupId)[0]);
    expect(emulator.botMessages(groupId)[0]!.replyTo).toBeGreaterThan(0);
  });

  describe("bad input", () => {
    it("answers a sticker, an emoji-only message and a 10,000-character message with short replies", async () => {
      const user = privateUser();
      await user.post({ sticker: { file_id: "s", file_unique_id: "u", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } });
      await waitFor(() => texts(user.user.chatId).length === 1, 10_000);
      await user.say("😀😀😀");
      await waitFor(() => texts(user.user.chatId).length === 2, 10_000);
      await user.say("平阴带货".repeat(2_500));
      await waitFor(() => texts(user.user.chatId).length === 3, 10_000);
      const [sticker, emoji, long] = texts(user.user.chatId);
      expect(sticker).toMatch(/文字/);
      expect(emoji).toMatch(/文字/);
      expect(long!.length).toBeLessThan(4_000);
    });

    it("re-answers an edited message: the corrected follower count changes the answer", async () => {
      const user = privateUser();
      await user.say("平阴 9万粉丝 2021年卖了120万 能拿多少？");
      await waitFor(() => texts(user.user.chatId).length === 1, 10_000);
      const messageId = Math.max(...emulator.server.storage.userMessages.filter((u) => "message" in u && u.message.from?.id === user.user.id).map((u) => u.messageId));
      await bot.handleUpdate(user.editedUpdate(990_001, messageId, AWARD_QUESTION));
      await waitFor(() => texts(user.user.chatId).length === 2, 10_000);
      expectTwentyThousandAward(texts(user.user.chatId)[1]);
      expect(texts(user.user.chatId)[1]).not.toBe(texts(user.user.chatId)[0]); // 9万 fans did not qualify
    });

    it("100 messages in one second from one user: answers until the limit, one notice, silence; others still answered", async () => {
      const spammer = privateUser();
      const other = privateUser();
      await Promise.all(Array.from({ length: 100 }, (_, i) => spammer.say(`平阴 第${i}条`)));
      await other.say(AWARD_QUESTION);
      await waitFor(() => texts(other.user.chatId).length === 1, 15_000);
      expectTwentyThousandAward(texts(other.user.chatId)[0]);
      await waitFor(() => texts(spammer.user.chatId).some((t) => t.includes("太快")), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const toSpammer = texts(spammer.user.chatId);
      expect(toSpammer.filter((t) => t.includes("太快"))).toHaveLength(1);
      expect(toSpammer.length).toBeLessThan(15); // the rest were dropped silently
    });
  });
});
