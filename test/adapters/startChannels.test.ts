/**
 * `startChannels`, the function `npm start` uses: which channels start, and how another feature (staff
 * review) plugs its Telegram commands in and gets a sender per channel.
 */
import { Composer, type Context } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietLog } from "../../adapters/adapterLog.js";
import { parseConfig } from "../../adapters/config.js";
import { startChannels, type RunningChannels } from "../../adapters/main.js";
import { FakeHandler } from "./support/fakeHandler.js";
import { TOKEN, TelegramUser, startEmulator, type Emulator } from "./support/telegramEmulator.js";
import { waitFor } from "./support/waitFor.js";

describe("startChannels with Telegram configured", () => {
  let emulator: Emulator;
  let channels: RunningChannels;
  const handler = new FakeHandler();

  beforeAll(async () => {
    emulator = await startEmulator();
    // What the review feature would pass: a composer with its own command.
    const staff = new Composer<Context>();
    staff.command("pending", (ctx) => ctx.reply("没有待审核的草稿。"));
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, TELEGRAM_THROTTLE: "false" });
    channels = await startChannels(config, handler, { telegramComposers: [staff], log: quietLog });
  });

  afterAll(async () => {
    await channels?.stop();
    await emulator?.stop();
  });

  it("starts only Telegram (no console) and offers its sender", () => {
    expect(channels.consoleClosed).toBeUndefined();
    expect(channels.wechat).toBeUndefined();
    expect(channels.senders.map((s) => s.channel)).toEqual(["telegram"]);
  });

  it("answers questions and runs the commands a composer added, which never reach the bot", async () => {
    const user = new TelegramUser(emulator, { id: 31, chatId: 31, type: "private", firstName: "审核员" });
    await user.command("/pending");
    await waitFor(() => emulator.botMessages(31).length === 1);
    expect(emulator.botMessages(31)[0]!.text).toBe("没有待审核的草稿。");
    await user.say("东营 能拿多少");
    await waitFor(() => emulator.botMessages(31).length === 2);
    expect(handler.received.map((m) => m.text)).toEqual(["东营 能拿多少"]);
  });

  it("posts an approved draft through the channel's sender", async () => {
    await channels.senders[0]!.sendReply("31", "审核通过的回答", { userId: "31", messageId: "1" });
    await waitFor(() => emulator.botMessages(31).some((m) => m.text === "审核通过的回答"));
  });
});
