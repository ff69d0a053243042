/**
 * Run a grammY bot: long polling through @grammyjs/runner (updates of different users are handled
 * concurrently, one user's in order) by default, or a webhook on a small HTTP server when a public URL
 * is configured.
 */
import { createServer, type Server } from "node:http";
import { run, type RunnerHandle, type SourceOptions } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelState } from "../channelState.js";
import { checkBotApi, type BotApiCheckOptions } from "./botApiCheck.js";

/** Updates the bot reads; everything else is not requested at all. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** The commands shown in Telegram's menu. */
const COMMAND_MENU = [
  { command: "check", description: "资格自测：选地区和身份，算能拿多少" },
  { command: "region", description: "设置我所在的地区" },
  { command: "facts", description: "查看我已告诉机器人的信息" },
  { command: "reset", description: "清空我的信息，重新开始" },
  { command: "help", description: "能问什么、怎么问" },
];

export interface TelegramRunOptions {
  /** Public HTTPS URL for a webhook; unset = long polling. */
  webhookUrl?: string;
  webhookHost?: string;
  webhookPort?: number;
  webhookSecret?: string;
  /** Publish the command menu with setMyCommands (off for emulators that lack it). Default true. */
  registerCommands?: boolean;
  /** The start-up getMe: its timeout and retry schedule. */
  startup?: Omit<BotApiCheckOptions, "log">;
  /** Polling pace (runner source options). */
  polling?: SourceOptions;
  log?: AdapterLog;
}

export interface RunningTelegram {
  /** Receiving updates (polling: the last getUpdates succeeded; webhook: its server listens), token accepted. */
  state(): ChannelState;
  /** Stop fetching updates and wait for the ones in hand to finish. */
  stop(): Promise<void>;
}

/**
 * Start receiving updates for `bot`. Resolves once the bot is initialised and listening; rejects with
 * one line naming the problem when the Bot API cannot be reached or refuses the token.
 */
export async function startTelegram(bot: Bot, options: TelegramRunOptions = {}): Promise<RunningTelegram> {
  const log = options.log ?? console;
  // Instead of bot.init(), whose getMe retries a dead network forever and says nothing.
  if (!bot.isInited()) bot.botInfo = await checkBotApi(bot.token, bot.api.options, { ...options.startup, log });
  if (options.registerCommands ?? true) {
    // Not awaited: the menu is a nicety, and a slow or failing call must not delay answering.
    bot.api.setMyCommands(COMMAND_MENU).catch((error: Error) => log.warn(`telegram: could not set the command menu: ${error.message}`));
  }

  if (options.webhookUrl) {
    const server = await listenForWebhook(bot, options);
    await bot.api.setWebhook(options.webhookUrl, {
      allowed_updates: [...ALLOWED_UPDATES],
      ...(options.webhookSecret ? { secret_token: options.webhookSecret } : {}),
    });
    log.info(`telegram: @${bot.botInfo.username} receiving updates by webhook at ${options.webhookUrl}`);
    return {
      state: () => ({ connected: server.listening, loggedIn: bot.isInited() }),
      stop: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() for seconds
        }),
    };
  }

  await bot.api.deleteWebhook(); // polling and a webhook exclude each other
  // The Bot API was reachable just now; from here each getUpdates answer (or failure) says whether it still is.
  let polling = true;
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      polling = result.ok;
      return result;
    } catch (error) {
      polling = false;
      throw error;
    }
  });
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
    ...(options.polling ? { source: options.polling } : {}),
  });
  log.info(`telegram: @${bot.botInfo.username} receiving updates by long polling`);
  return {
    state: () => ({ connected: runner.isRunning() && polling, loggedIn: bot.isInited() }),
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

function listenForWebhook(bot: Bot, options: TelegramRunOptions): Promise<Server> {
  const callback = webhookCallback(bot, "http", options.webhookSecret ? { secretToken: options.webhookSecret } : {});
  const server = createServer((request, response) => {
    void callback(request, response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.webhookPort ?? 8080, options.webhookHost ?? "127.0.0.1", () => resolve(server));
  });
}
