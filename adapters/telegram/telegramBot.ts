/**
 * Telegram through grammY: commands, the guided `/check`, and questions in private chats and groups,
 * all answered by the same `ConversationHandler`. Outgoing calls are retried on 429 (auto-retry) and,
 * by default, queued to Telegram's limits (transformer-throttler). Replies use HTML parse mode with
 * every character of the answer escaped.
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { HttpsProxyAgent } from "https-proxy-agent";
import { SocksProxyAgent } from "socks-proxy-agent";
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, Composer, type Api, type ApiClientOptions, type Context } from "grammy";
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";
import type { ConversationHandler, IncomingMessage } from "../../bot/message.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender, ReplyTarget } from "../../bot/review/channelSender.js";
import { ADAPTER_ERROR_TEXT } from "../chatCommands.js";
import { isStaffId } from "../staff/config.js";
import { SerialQueue } from "../serialQueue.js";
import { splitReply } from "../splitReply.js";
import { checkFlow } from "./checkFlow.js";
import { escapeHtml, mentionHtml } from "./html.js";
import { sessionKey } from "./sessionKey.js";

/** Telegram allows 4096 characters per message (counted after HTML parsing); keep room for a mention. */
const MAX_MESSAGE_CHARS = 4_000;
/**
 * Concurrent connections to the Bot API. grammY's default pool is unbounded, so a burst of updates opens
 * a connection per reply at once and the burst's last replies wait seconds; a bounded keep-alive pool
 * is faster under load (see bench:telegram) and far above what Telegram's own limits allow anyway.
 */
const MAX_API_SOCKETS = 32;

export interface TelegramBotOptions {
  token: string;
  handler: ConversationHandler;
  /** Bot API root, e.g. a local Bot API server or an emulator. Default: Telegram's. */
  apiRoot?: string;
  /** TELEGRAM_PROXY: every Bot API call goes through it (http(s):// by CONNECT, or socks5://). */
  proxy?: string;
  /** STAFF_IDS: in groups only staff get an answer to /id. */
  staffIds?: readonly string[];
  /** Further grammY client options (e.g. `baseFetchConfig.agent` for an HTTP proxy). */
  client?: ApiClientOptions;
  /** Queue outgoing calls to Telegram's published limits. Default true; off only for load tests. */
  throttle?: boolean;
  /** Retry policy for 429s and server errors. */
  autoRetry?: Partial<AutoRetryOptions>;
  /**
   * Extra middleware (e.g. the review feature's staff commands and callback buttons). Installed after
   * the built-in commands and before the catch-all question handler, so their commands are not
   * mistaken for questions.
   */
  composers?: Composer<Context>[];
  log?: AdapterLog;
  /** Called when a reply could not be sent (metrics). */
  onSendFailed?: () => void;
}

/** Build the grammY bot. Start it with `startTelegram` (long polling or webhook) or feed it updates. */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const { handler } = options;
  const log = options.log ?? console;
  const bot = new Bot(options.token, {
    client: {
      ...options.client,
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      baseFetchConfig: { agent: apiAgent(options.apiRoot, options.proxy), ...options.client?.baseFetchConfig },
    },
  });
  // Installed last runs first: auto-retry wraps the throttler, so a retried call is throttled too.
  if (options.throttle ?? true) bot.api.config.use(apiThrottler());
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, ...options.autoRetry }));

  const outbox = new SerialQueue();
  // One user's updates in one chat are handled in order (matters with the concurrent runner).
  bot.use(sequentialize((ctx: Context) => (ctx.chat && ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : undefined)));

  bot.command(["start", "help"], (ctx) => replyText(ctx, handler.helpText()));
  bot.command("facts", async (ctx) => replyText(ctx, await handler.describeFacts(sessionKey(ctx))));
  bot.command("reset", async (ctx) => {
    return replyText(ctx, await handler.reset(sessionKey(ctx)));
  });
  // The ids REVIEW_CHATS, TELEGRAM_STAFF_CHAT_ID and STAFF_IDS need; a group's id only for staff.
  bot.command("id", (ctx) => {
    const isGroup = ctx.chat.type !== "private";
    if (isGroup && !isStaffId(options.staffIds ?? [], "telegram", String(ctx.from?.id))) return replyText(ctx, "只有审核人员可以在群里查看 ID。");
    return replyText(ctx, [`本聊天 ID：${ctx.chat.id}${isGroup ? `（REVIEW_CHATS 写 telegram:${ctx.chat.id}）` : ""}`, `您的用户 ID：${ctx.from?.id}（STAFF_IDS 写 telegram:${ctx.from?.id}）`].join("\n"));
  });
  bot.use(checkFlow(handler, (ctx, text) => answerQuestion(ctx, text, "text")));
  for (const composer of options.composers ?? []) bot.use(composer);

  bot.on(["message", "edited_message"], async (ctx) => {
    const message = ctx.msg;
    const text = message.text ?? message.caption ?? "";
    const isPrivate = ctx.chat.type === "private";
    if (isPrivate) {
      if (message.text?.startsWith("/")) return replyText(ctx, `没有这个命令。\n\n${handler.helpText()}`);
    } else if (!addressesBot(message, ctx.me)) {
      return; // group chatter not meant for the bot
    }
    const question = isPrivate ? text : stripBotMention(text, message.text ? message.entities : message.caption_entities, ctx.me);
    // An edited message is answered again: the user usually corrected a number, and the bot reads
    // the corrected text as the newest turn of the same session.
    await answerQuestion(ctx, question, message.text === undefined ? "non_text" : "text");
  });

  async function answerQuestion(ctx: Context, text: string, kind: IncomingMessage["kind"]): Promise<void> {
    const key = sessionKey(ctx);
    const incoming: IncomingMessage = {
      channel: "telegram",
      chatId: key.chatId,
      userId: key.userId,
      userName: displayName(ctx),
      text,
      isPrivate: ctx.chat?.type === "private",
      kind,
    };
    if (ctx.msg?.message_id !== undefined && !ctx.callbackQuery) incoming.messageId = String(ctx.msg.message_id);
    const reply = await whileTyping(ctx, () => handler.handle(incoming));
    const toAsker = reply.toAsker;
    if (toAsker === null || toAsker.trim() === "") return;
    // Not awaited: one user's updates are handled in order (sequentialize), and holding that order
    // until a throttled reply is out would let a burst trickle past the per-user rate limit.
    // Replies still leave in order, through a per-chat queue.
    const chatId = ctx.chat!.id;
    outbox.run(String(chatId), () => replyText(ctx, toAsker)).catch((error: Error) => {
      options.onSendFailed?.();
      log.error(`telegram: could not send a reply into ${chatId}: ${error.message}`);
    });
  }

  bot.catch(async (error) => {
    log.error(`telegram: update ${error.ctx.update.update_id} failed: ${error.error instanceof Error ? error.error.message : String(error.error)}`);
    if (error.ctx.chat) await error.ctx.reply(ADAPTER_ERROR_TEXT).catch(() => undefined);
  });

  return bot;
}

/** Telegram shows "typing…" for 5 s per chat action; renew it until the answer is ready. */
const TYPING_RENEW_MS = 4_500;
/** Answers faster than this (templates, flood-control drops) need no "typing…", and cost no API call. */
const TYPING_DELAY_MS = 400;

/** Run `task` with the chat showing "typing…" once it takes a moment; a failed chat action never holds up the answer. */
async function whileTyping<T>(ctx: Context, task: () => Promise<T>): Promise<T> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return task();
  const type = () => void ctx.api.sendChatAction(chatId, "typing").catch(() => undefined);
  let renew: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    type();
    renew = setInterval(type, TYPING_RENEW_MS);
  }, TYPING_DELAY_MS);
  try {
    return await task();
  } finally {
    clearTimeout(first);
    clearInterval(renew);
  }
}

function apiAgent(apiRoot = "https://api.telegram.org", proxy?: string): HttpAgent {
  const options = { keepAlive: true, maxSockets: MAX_API_SOCKETS };
  if (proxy) return proxy.startsWith("socks") ? new SocksProxyAgent(proxy, options) : new HttpsProxyAgent(proxy, options);
  const Agent = apiRoot.startsWith("http:") ? HttpAgent : HttpsAgent;
  return new Agent(options);
}

function displayName(ctx: Context): string | undefined {
  const from = ctx.from;
  if (!from) return undefined;
  return [from.first_name, from.last_name].filter(Boolean).join(" ") || from.username;
}

/** Post `text` as escaped HTML, split to Telegram's size; in groups, quote the message being answered. */
async function replyText(ctx: Context, text: string): Promise<void> {
  const quote = ctx.chat?.type !== "private" && ctx.msg && !ctx.callbackQuery ? ctx.msg.message_id : undefined;
  await sendHtml(ctx.api, ctx.chat!.id, text, quote);
}

async function sendHtml(api: Api, chatId: number | string, text: string, quoteMessageId?: number, prefixHtml = ""): Promise<void> {
  for (const [index, chunk] of splitReply(text, MAX_MESSAGE_CHARS).entries()) {
    await api.sendMessage(chatId, (index === 0 ? prefixHtml : "") + escapeHtml(chunk), {
      parse_mode: "HTML",
      ...(index === 0 && quoteMessageId !== undefined ? { reply_parameters: { message_id: quoteMessageId, allow_sending_without_reply: true } } : {}),
    });
  }
}

/** In a group: the bot is @-mentioned, text-mentioned, or the message replies to one of its messages. */
function addressesBot(message: Message, me: UserFromGetMe): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const text = message.text ?? message.caption ?? "";
  const entities = (message.text ? message.entities : message.caption_entities) ?? [];
  return entities.some((e) => isBotMention(e, text, me));
}

function isBotMention(entity: MessageEntity, text: string, me: UserFromGetMe): boolean {
  if (entity.type === "text_mention") return entity.user.id === me.id;
  if (entity.type !== "mention") return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username}`.toLowerCase();
}

/** Remove the bot's @-mentions (by entity position, last first) and the separators left behind. */
function stripBotMention(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): string {
  let result = text;
  for (const entity of [...(entities ?? [])].sort((a, b) => b.offset - a.offset)) {
    if (isBotMention(entity, text, me)) {
      result = result.slice(0, entity.offset) + result.slice(entity.offset + entity.length);
    }
  }
  return result.replace(/^[\s,，:：]+/u, "").trim();
}

/** Posts into a Telegram chat on behalf of others (staff approving a draft). */
export function telegramSender(api: Api): ChannelSender {
  return {
    channel: "telegram",
    async sendReply(chatId: string, text: string, to: ReplyTarget): Promise<void> {
      const quote = to.messageId !== undefined ? Number(to.messageId) : undefined;
      // Without a message to quote, a group reply names its addressee.
      const isGroup = chatId.startsWith("-");
      const prefix = isGroup && quote === undefined ? `${mentionHtml(to.userId, to.userName ?? "您")} ` : "";
      await sendHtml(api, chatId, text, quote, prefix);
    },
  };
}
