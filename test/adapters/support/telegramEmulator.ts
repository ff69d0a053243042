/**
 * telegram-test-api (a Bot API emulator) on 127.0.0.1 and a random free port, with helpers to act as
 * Telegram users and to read what the bot sent. The emulator's own getUpdates has no long polling and
 * no edited messages; edited messages are handed to the real bot with `bot.handleUpdate`.
 */
import { createServer } from "node:net";
import type { Update } from "grammy/types";
import { routes } from "telegram-test-api/lib/routes/index.js";
import { handle } from "telegram-test-api/lib/routes/bot/utils.js";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

/** Chat actions ("typing") the bot sent, in order; telegram-test-api has no sendChatAction of its own. */
export const chatActions: { chatId: number; action: string; at: number }[] = [];
// Registered before the emulator's catch-all "unknown method" route, so every emulator started here has it.
routes.splice(routes.length - 1, 0, (app) =>
  handle(app, "/bot:token/sendChatAction", (req: { query: object; body: object }, res: { sendResult(data: object): void }) => {
    const params = { ...req.query, ...req.body } as { chat_id?: string | number; action?: string };
    chatActions.push({ chatId: Number(params.chat_id), action: String(params.action), at: Date.now() });
    res.sendResult({ ok: true, result: true });
  }),
);

export const TOKEN = "123456:TEST-token_for-emulator";
/** What the emulator's getMe returns. */
export const EMULATED_BOT = { id: 666, username: "TestNameBot", first_name: "Test First name" };

export interface BotSent {
  chatId: number;
  messageId: number;
  text: string;
  parseMode?: string;
  replyTo?: number;
  keyboard?: { text: string; callback_data?: string }[][];
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Emulator {
  server: TelegramServer;
  apiRoot: string;
  /** Every message the bot has sent so far (edits applied). */
  botMessages(chatId?: number): BotSent[];
  stop(): Promise<void>;
}

export async function startEmulator(): Promise<Emulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  return {
    server,
    apiRoot: `http://127.0.0.1:${port}`,
    botMessages(chatId?: number) {
      return server.storage.botMessages
        .filter((u) => chatId === undefined || Number(u.message.chat_id) === chatId)
        .map((u) => {
          const m = u.message as unknown as Record<string, unknown>;
          const markup = m.reply_markup as { inline_keyboard?: BotSent["keyboard"] } | undefined;
          const replyParameters = m.reply_parameters as { message_id?: number } | string | undefined;
          const reply = typeof replyParameters === "string" ? JSON.parse(replyParameters) : replyParameters;
          return {
            chatId: Number(m.chat_id),
            messageId: u.messageId,
            text: String(m.text),
            parseMode: m.parse_mode as string | undefined,
            replyTo: reply?.message_id,
            keyboard: markup?.inline_keyboard,
          };
        });
    },
    async stop() {
      await server.stop();
    },
  };
}

export interface TestUser {
  id: number;
  chatId: number;
  type: "private" | "group" | "supergroup";
  firstName: string;
}

const userJson = (user: TestUser) => ({ id: user.id, is_bot: false, first_name: user.firstName, username: `user${user.id}` });
const chatJson = (user: TestUser) =>
  user.type === "private" ? { id: user.chatId, type: "private", first_name: user.firstName } : { id: user.chatId, type: user.type, title: "测试群" };

/** Acts as one Telegram user in one chat. */
export class TelegramUser {
  constructor(
    private readonly emulator: Emulator,
    readonly user: TestUser,
  ) {}

  #base() {
    return { botToken: TOKEN, date: Math.floor(Date.now() / 1000), from: userJson(this.user), chat: chatJson(this.user) };
  }

  /** Post a raw message (any Bot API Message fields) into the emulator's update queue. */
  async post(fields: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.emulator.apiRoot}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...this.#base(), ...fields }),
    });
    if (!response.ok) throw new Error(`emulator refused message: ${response.status}`);
  }

  say(text: string, extra: Record<string, unknown> = {}): Promise<void> {
    return this.post({ text, ...extra });
  }

  /** "@TestNameBot text" with a proper mention entity. */
  mention(text: string): Promise<void> {
    const at = `@${EMULATED_BOT.username}`;
    return this.say(`${at} ${text}`, { entities: [{ type: "mention", offset: 0, length: at.length }] });
  }

  command(command: string): Promise<void> {
    const name = command.split(" ")[0]!;
    return this.say(command, { entities: [{ type: "bot_command", offset: 0, length: name.length }] });
  }

  /** Press an inline button of a message the bot sent. */
  async press(sent: BotSent, callbackData: string): Promise<void> {
    const response = await fetch(`${this.emulator.apiRoot}/sendCallback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        botToken: TOKEN,
        date: Math.floor(Date.now() / 1000),
        from: userJson(this.user),
        data: callbackData,
        message: { message_id: sent.messageId, chat: chatJson(this.user), date: Math.floor(Date.now() / 1000), text: sent.text, from: { ...EMULATED_BOT, is_bot: true } },
      }),
    });
    if (!response.ok) throw new Error(`emulator refused callback: ${response.status}`);
  }

  /** A Bot API update carrying an edit of message `messageId` (the emulator cannot produce these). */
  editedUpdate(updateId: number, messageId: number, text: string): Update {
    const base = this.#base();
    return {
      update_id: updateId,
      edited_message: { message_id: messageId, date: base.date, edit_date: base.date + 5, from: base.from, chat: base.chat, text },
    } as Update;
  }
}
