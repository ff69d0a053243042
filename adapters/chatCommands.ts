/**
 * The text commands shared by channels without a native command menu (console, WeChat):
 * `/help`, `/facts`, `/reset`, and their Chinese words. Telegram uses real bot commands instead.
 */
import type { ConversationHandler, SessionKey } from "../bot/message.js";

export type ChatCommand = "help" | "facts" | "reset";

const COMMANDS: Record<string, ChatCommand> = {
  "/help": "help",
  "/start": "help",
  "帮助": "help",
  "/facts": "facts",
  "我的信息": "facts",
  "/reset": "reset",
  "重新开始": "reset",
  "重置": "reset",
};

/** The command `text` is, or undefined for an ordinary message. Only a whole message counts. */
export function parseChatCommand(text: string): ChatCommand | undefined {
  return COMMANDS[text.trim().toLowerCase()];
}

/** Reply when something unexpected broke in the adapter itself. */
export const ADAPTER_ERROR_TEXT = "抱歉，处理这条消息时出了点问题，请稍后再试。";

/** Carry out `text` if it is a command and return the reply; undefined for an ordinary message. */
export async function answerChatCommand(handler: ConversationHandler, key: SessionKey, text: string): Promise<string | undefined> {
  switch (parseChatCommand(text)) {
    case "help":
      return handler.helpText();
    case "facts":
      return handler.describeFacts(key);
    case "reset":
      return handler.reset(key);
    default:
      return undefined;
  }
}
