/**
 * The offline default: a readline chat in the terminal over the same pipeline as WeChat and Telegram,
 * so someone with neither account still gets the whole bot with `npm start`.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ConversationHandler, SessionKey } from "../bot/message.js";
import type { ChannelSender } from "../bot/review/channelSender.js";
import type { ChannelState } from "./channelState.js";
import { answerChatCommand } from "./chatCommands.js";

/** The one-line banner: what this is and how to reach the real channels. */
export const CONSOLE_BANNER =
  "惠商政策助手（离线控制台）— 输入问题回车即可；/help 帮助 /facts 已记住的信息 /reset 重新开始 /quit 退出。" +
  "接入企业微信请设置 WECOM_BOT_ID，接入微信请设置 WECHATY_PUPPET，接入 Telegram 请设置 TELEGRAM_BOT_TOKEN（见 .env.example）。";

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Print the prompt "你：" before each line (off when input is not a terminal). */
  prompt?: boolean;
}

export interface RunningConsole {
  /** Resolves when the input ends or the user types /quit. */
  closed: Promise<void>;
  /** Posts into this console session, e.g. a reply staff approved while the session runs. */
  sender: ChannelSender;
  /** Connected (and "logged in") until the input ends. */
  state(): ChannelState;
  stop(): void;
}

const SESSION: SessionKey = { channel: "console", chatId: "console", userId: "local" };

/** Chat with `handler` on stdin/stdout (or the given streams). */
export function runConsole(handler: ConversationHandler, options: ConsoleOptions = {}): RunningConsole {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const showPrompt = options.prompt ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: showPrompt });
  rl.setPrompt("你：");
  const write = (text: string) => output.write(`${text}\n`);

  write(CONSOLE_BANNER);
  if (showPrompt) rl.prompt();

  // Lines are answered one at a time, in order, even when pasted in a burst.
  let queue = Promise.resolve();
  const answer = async (line: string): Promise<void> => {
    const command = await answerChatCommand(handler, SESSION, line);
    if (command !== undefined) {
      write(command);
    } else if (line.trim() !== "") {
      // An empty Enter is not a question in a terminal.
      const reply = await handler.handle({ ...SESSION, text: line, isPrivate: true, kind: "text" });
      if (reply.toAsker !== null && reply.toAsker.trim() !== "") write(`助手：${reply.toAsker}`);
    }
    if (showPrompt) rl.prompt();
  };
  const closed = new Promise<void>((resolve) => {
    let quitting = false;
    rl.on("line", (line) => {
      // Lines pasted after /quit are not answered.
      if (quitting) return;
      if (["/quit", "/exit"].includes(line.trim())) {
        quitting = true;
        queue = queue.then(() => rl.close());
        return;
      }
      queue = queue
        .then(() => answer(line))
        .catch((error: Error) => {
          write(`助手：抱歉，出了点问题（${error.message}）。`);
        });
    });
    rl.on("close", () => void queue.then(() => resolve()));
  });
  const sender: ChannelSender = {
    channel: "console",
    async sendReply(_chatId, text) {
      write(`助手：${text}`);
      if (showPrompt) rl.prompt(true);
    },
  };
  let open = true;
  void closed.then(() => (open = false));
  return { closed, sender, state: () => ({ connected: open, loggedIn: open }), stop: () => rl.close() };
}
