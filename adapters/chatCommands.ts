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

/** Reply when the user asked for their facts and the bot remembers nothing. */
export const NO_FACTS_TEXT = "我还没有记住关于您的信息。直接告诉我地区、身份和数字即可，例如：平阴 15万粉丝 去年卖了120万。";
/** Reply after /reset. */
export const RESET_TEXT = "好的，已清空您在本会话中的信息，我们重新开始。";
/** Reply when something unexpected broke in the adapter itself. */
export const ADAPTER_ERROR_TEXT = "抱歉，处理这条消息时出了点问题，请稍后再试。";

/** Carry out `text` if it is a command and return the reply; undefined for an ordinary message. */
export function answerChatCommand(handler: ConversationHandler, key: SessionKey, text: string): string | undefined {
  switch (parseChatCommand(text)) {
    case "help":
      return handler.helpText();
    case "facts":
      return handler.describeFacts(key).trim() || NO_FACTS_TEXT;
    case "reset":
      handler.reset(key);
      return RESET_TEXT;
    default:
      return undefined;
  }
}
