import type { Context } from "grammy";
import type { SessionKey } from "../../bot/message.js";

/** Sessions are per (chat, user): members of one group never share facts. */
export function sessionKey(ctx: Context): SessionKey {
  return { channel: "telegram", chatId: String(ctx.chat?.id ?? ctx.from?.id), userId: String(ctx.from?.id ?? ctx.chat?.id) };
}
