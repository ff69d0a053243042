/**
 * What adapters hand to the bot and get back. Adapters only translate between a channel's
 * own message objects and these; all understanding and deciding happens in `bot/`.
 */
import type { Answer } from "./answer.js";

export type ChannelName = "console" | "wechat" | "wecom" | "telegram" | "cli";

/** One incoming chat message, already reduced to what the bot needs. */
export interface IncomingMessage {
  channel: ChannelName;
  /** Chat (room / group / private chat) id within the channel. */
  chatId: string;
  /** Sender id within the channel. Sessions are keyed by (channel, chatId, userId). */
  userId: string;
  /** Display name, for logs and @-mentions; never used as a key. */
  userName?: string;
  /** The text with any @bot mention and trigger prefix already removed by the adapter. */
  text: string;
  /** true for a private (1:1) chat, false for a group. */
  isPrivate: boolean;
  /** Region bound to this chat (a policy id), if any; the user's own words override it. */
  defaultPolicy?: string;
  /** Channel message id, for replies and review. */
  messageId?: string;
  /** "non_text" for voice, image, sticker, file…: the bot answers with a short hint. Default "text". */
  kind?: "text" | "non_text";
}

/** Sessions are per (channel, chat, user): members of one group never share facts. */
export interface SessionKey {
  channel: ChannelName;
  chatId: string;
  userId: string;
}

/**
 * The bot's reply to one message. Adapters post `toAsker` and nothing else: in review mode the answer is
 * held for staff (`held`) and the asker gets only the acknowledgement, or nothing, until staff decide.
 */
export interface BotReply {
  /** What the asker's chat receives now, or null when it receives nothing (held without acknowledgement, flood drop). */
  toAsker: string | null;
  /** The full answer object (`ask --json`, evaluation); in review mode its status is pending_review and its text the draft. */
  answer: Answer;
  /** Where the answer's text came from: the deterministic template or a model's rephrasing that passed the number guard. */
  source: "template" | "llm";
  /** Set when the chat is in review mode: the draft stored for staff, never for the asker. */
  held?: { draftId: number; text: string };
}

/** What adapters call. `PolicyBot` in bot/policyBot.ts implements it. */
export interface ConversationHandler {
  /** Answer one message (any failure inside becomes a short Chinese reply, never a throw). */
  handle(msg: IncomingMessage): Promise<BotReply>;
  /** What the bot remembers about this user in this chat, as short Chinese lines. */
  describeFacts(key: SessionKey): Promise<string>;
  /** Forget this user's session in this chat; returns the confirmation to send. */
  reset(key: SessionKey): Promise<string>;
  /** Set the region and/or facts directly (guided flows such as Telegram's /check). */
  remember(key: SessionKey, update: { policyId?: string; facts?: Record<string, unknown> }): Promise<void>;
  /** The help text: what the bot can answer, with examples. */
  helpText(): string;
  /** Policies the bot knows, as {id, name} for region pickers (name is the short place name, e.g. 平阴). */
  regions(): { id: string; name: string }[];
}
