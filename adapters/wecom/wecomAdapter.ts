/**
 * WeCom (企业微信) 智能机器人 through WeCom's own SDK (`@wecom/aibot-node-sdk`, long connection): turns
 * message callbacks into `IncomingMessage`s and answers with a markdown stream reply to the message.
 * WeCom delivers a group message only when the bot is @-mentioned, so every callback is for the bot.
 * Sessions are per (chat, user), so members of one group never share facts.
 */
import { generateReqId, type WSClient, type WsFrame } from "@wecom/aibot-node-sdk";
import { z } from "zod";
import type { ConversationHandler, IncomingMessage, SessionKey } from "../../bot/message.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender } from "../../bot/review/channelSender.js";
import { ADAPTER_ERROR_TEXT, answerChatCommand } from "../chatCommands.js";
import { SerialQueue } from "../serialQueue.js";
import { splitReply } from "../splitReply.js";

/** A group or single-chat text message as interceptors (the review commands) see it. */
export interface WecomTextMessage {
  /** Group chat id; undefined in a single chat. */
  roomId?: string;
  talkerId: string;
  /** The text with the bot's @-mention removed. */
  text: string;
}

/** Returns the reply when it handled the message, or null/undefined to let the next step have it. */
export type WecomInterceptor = (message: WecomTextMessage) => string | null | undefined | Promise<string | null | undefined>;

export interface WecomAdapterOptions {
  handler: ConversationHandler;
  /** Longest single message; longer replies are split at line breaks. */
  maxMessageChars: number;
  /** Run before the bot on every text message; the first one that returns text answers instead of the bot. */
  interceptors?: WecomInterceptor[];
  log?: AdapterLog;
  /** Called when a reply could not be sent (metrics). */
  onSendFailed?: () => void;
}

export interface WecomAdapter {
  /** Posts into a WeCom chat on behalf of others (staff approving a draft). */
  sender: ChannelSender;
  /** Post `text` into a group (chat id) or a single chat (user id), without a message to answer. */
  post(chatId: string, text: string): Promise<void>;
  detach(): void;
}

/** The callback fields the adapter reads; anything else in the frame is WeCom's business. */
const CallbackBody = z.object({
  msgid: z.string(),
  chattype: z.enum(["single", "group"]),
  chatid: z.string().optional(),
  from: z.object({ userid: z.string().min(1) }),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
  /** WeCom transcribes voice messages itself. */
  voice: z.object({ content: z.string() }).optional(),
  mixed: z.object({ msg_item: z.array(z.object({ msgtype: z.string(), text: z.object({ content: z.string() }).optional() })) }).optional(),
});
type CallbackBody = z.infer<typeof CallbackBody>;

/** The @-mention that starts a group message ("@政策助手 平阴…"), with the separators after it. */
const LEADING_MENTION = /^\s*@\S+[\s\u2005:：,，]*/u;

/** The words of a callback, or undefined for a message without any (image, file, video). */
function textOf(body: CallbackBody): string | undefined {
  if (body.msgtype === "text") return body.text?.content;
  if (body.msgtype === "voice") return body.voice?.content;
  if (body.msgtype === "mixed") {
    const parts = body.mixed?.msg_item.flatMap((item) => (item.text ? [item.text.content] : [])) ?? [];
    return parts.length > 0 ? parts.join("\n") : undefined;
  }
  return undefined;
}

/** Listen to `client`'s message callbacks and answer through `options.handler`. */
export function attachWecomAdapter(client: WSClient, options: WecomAdapterOptions): WecomAdapter {
  const log = options.log ?? console;
  const perUser = new SerialQueue();
  const pieces = (text: string) => splitReply(text, options.maxMessageChars);

  /** A markdown message into a chat, not tied to a callback (approved drafts, staff notices, overflow). */
  const post = async (chatId: string, text: string): Promise<void> => {
    for (const piece of pieces(text)) await client.sendMessage(chatId, { msgtype: "markdown", markdown: { content: piece } });
  };

  /** Answer the callback with one finished stream message; any further pieces follow as messages. */
  const reply = async (frame: WsFrame, chatId: string, text: string): Promise<void> => {
    const [first, ...rest] = pieces(text);
    if (first === undefined) return;
    await client.replyStream(frame, generateReqId("stream"), first, true);
    for (const piece of rest) await client.sendMessage(chatId, { msgtype: "markdown", markdown: { content: piece } });
  };

  const onMessage = async (frame: WsFrame): Promise<void> => {
    const parsed = CallbackBody.safeParse(frame.body);
    if (!parsed.success || (parsed.data.chattype === "group" && !parsed.data.chatid)) {
      log.warn(`wecom: ignored a message callback without the expected fields (req_id ${frame.headers?.req_id ?? "?"})`);
      return;
    }
    const body = parsed.data;
    const isGroup = body.chattype === "group";
    const userId = body.from.userid;
    const chatId = isGroup ? body.chatid! : userId;
    const raw = textOf(body);
    const text = raw === undefined ? "" : isGroup ? raw.replace(LEADING_MENTION, "").trim() : raw.trim();
    const send = (answer: string) =>
      reply(frame, chatId, answer).catch((error: Error) => {
        options.onSendFailed?.();
        log.error(`wecom: could not reply into ${chatId}: ${error.message}`);
      });

    if (raw !== undefined) {
      for (const intercept of options.interceptors ?? []) {
        const answer = await Promise.resolve(intercept({ ...(isGroup ? { roomId: chatId } : {}), talkerId: userId, text })).catch((error: Error) => {
          log.error(`wecom: interceptor failed on ${body.msgid}: ${error.message}`);
          return ADAPTER_ERROR_TEXT;
        });
        if (answer) return void (await send(answer));
      }
    }

    const key: SessionKey = { channel: "wecom", chatId, userId };
    await perUser.run(JSON.stringify([chatId, userId]), async () => {
      try {
        const command = raw === undefined ? undefined : await answerChatCommand(options.handler, key, text);
        if (command !== undefined) return void (await send(command));
        const incoming: IncomingMessage = {
          channel: "wecom",
          chatId,
          userId,
          text,
          isPrivate: !isGroup,
          messageId: body.msgid,
          kind: raw === undefined ? "non_text" : "text",
        };
        // Only what goes to the asker: in review mode the answer itself waits for staff.
        const { toAsker } = await options.handler.handle(incoming);
        if (toAsker === null || toAsker.trim() === "") return;
        await send(toAsker);
      } catch (error) {
        log.error(`wecom: failed to answer message ${body.msgid} in ${chatId}: ${(error as Error).message}`);
        await send(ADAPTER_ERROR_TEXT);
      }
    });
  };

  const listener = (frame: WsFrame) => {
    onMessage(frame).catch((error: unknown) => log.error(`wecom: message handler crashed: ${(error as Error).message}`));
  };
  client.on("message", listener);

  return {
    sender: { channel: "wecom", sendReply: (chatId, text) => post(chatId, text) },
    post,
    detach: () => void client.off("message", listener),
  };
}
