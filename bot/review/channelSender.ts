/**
 * How something outside a channel's own message loop (staff approving a draft) posts into that channel.
 * Each channel adapter provides one; the review feature looks it up by channel name. It lives in bot/ so that
 * bot/ never imports from adapters/.
 */
import type { ChannelName } from "../message.js";

/** Who a reply is addressed to, so the channel can @-mention or quote them. */
export interface ReplyTarget {
  userId: string;
  userName?: string;
  /** The original message id, for a quoted reply where the channel supports it. */
  messageId?: string;
}

export interface ChannelSender {
  channel: ChannelName;
  /** Post `text` into `chatId`, addressed to `to`; resolves when the channel accepted it. */
  sendReply(chatId: string, text: string, to: ReplyTarget): Promise<void>;
}
