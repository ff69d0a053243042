/**
 * `npm start`: read the configuration, build the bot, and start the channels it names — Telegram when
 * TELEGRAM_BOT_TOKEN is set, WeChat when WECHATY_PUPPET is set, WeCom when WECOM_BOT_ID is set, otherwise
 * the console chat. SIGINT and
 * SIGTERM stop every channel before the process exits.
 */
import { pathToFileURL } from "node:url";
import type { Bot, Composer, Context } from "grammy";
import type { ChannelName, ConversationHandler } from "../bot/message.js";
import type { PolicyBot, PolicyBotOptions } from "../bot/policyBot.js";
import type { PolicyCatalog } from "../bot/policyCatalog.js";
import type { RoomBindings } from "./wechat/roomRegions.js";
import type { AdapterLog } from "./adapterLog.js";
import type { ChannelSender } from "../bot/review/channelSender.js";
import type { ChannelState } from "./channelState.js";
import { ConfigError, loadConfig, selectedChannels, type AppConfig } from "./config.js";
import { runConsole, type ConsoleOptions } from "./console.js";
import { loadStaffConfig, type StaffConfig } from "./staff/config.js";
import type { RunningWecom } from "./wecom/startWecom.js";
import type { WecomInterceptor } from "./wecom/wecomAdapter.js";
import type { RunningWechat } from "./wechat/startWechat.js";
import type { WechatInterceptor } from "./wechat/wechatAdapter.js";

// Channel libraries and the knowledge base load only when used: a bad setting is reported at once,
// and the console does not pay for Wechaty or grammY.

/** Ways to extend the channels without editing them (the review feature uses these). */
export interface ChannelExtensions {
  /** Extra grammY middleware (staff commands, approval buttons), installed before the question handler. */
  telegramComposers?: Composer<Context>[];
  /** Run before the bot on every WeChat text message (staff commands in rooms). */
  wechatInterceptors?: WechatInterceptor[];
  /** Run before the bot on every WeCom text message (staff commands in the staff group). */
  wecomInterceptors?: WecomInterceptor[];
  /** Streams for the console channel (tests). */
  console?: ConsoleOptions;
  /** WeChat room bindings in the database (shared by every process). */
  roomBindings?: RoomBindings;
  log?: AdapterLog;
  /** Called for every reply a channel could not send, its own or one posted through its sender (metrics). */
  onSendFailed?: (channel: ChannelName) => void;
}

export interface RunningChannels {
  /** One sender per started chat channel, for posting approved drafts. */
  senders: ChannelSender[];
  /** The grammY bot, when Telegram runs (e.g. to forward drafts to a staff group with `bot.api`). */
  telegramBot?: Bot;
  /** The WeChat channel, when it runs (e.g. `wechat.post(staffRoomId, text)`). */
  wechat?: RunningWechat;
  /** The WeCom channel, when it runs (e.g. `wecom.post(staffChatId, text)`). */
  wecom?: RunningWecom;
  /** Resolves when the console chat ends (the user typed /quit or closed the input); absent otherwise. */
  consoleClosed?: Promise<void>;
  /** Each started channel's state now, for /healthz. */
  states(): ({ channel: ChannelName } & ChannelState)[];
  /** Stop every channel. */
  stop(): Promise<void>;
}

/** Start the channels `config` selects, all answered by `handler`. */
export async function startChannels(config: AppConfig, handler: ConversationHandler, extensions: ChannelExtensions = {}): Promise<RunningChannels> {
  const log = extensions.log ?? console;
  const stops: (() => Promise<void>)[] = [];
  const states: (() => { channel: ChannelName } & ChannelState)[] = [];
  const started = (channel: ChannelName, sender: ChannelSender, state: () => ChannelState) => {
    running.senders.push(sendFailures(sender, extensions.onSendFailed));
    states.push(() => ({ channel, ...state() }));
  };
  const sendFailed = (channel: ChannelName) => (extensions.onSendFailed ? { onSendFailed: () => extensions.onSendFailed!(channel) } : {});
  const running: RunningChannels = {
    senders: [],
    states: () => states.map((state) => state()),
    async stop() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
  try {
    for (const channel of selectedChannels(config)) {
      if (channel === "telegram") {
        const { createTelegramBot, telegramSender } = await import("./telegram/telegramBot.js");
        const { startTelegram } = await import("./telegram/startTelegram.js");
        const bot = createTelegramBot({
          token: config.TELEGRAM_BOT_TOKEN!,
          handler,
          apiRoot: config.TELEGRAM_API_ROOT,
          ...(config.TELEGRAM_PROXY ? { proxy: config.TELEGRAM_PROXY } : {}),
          staffIds: config.STAFF_IDS,
          throttle: config.TELEGRAM_THROTTLE,
          composers: extensions.telegramComposers ?? [],
          log,
          ...sendFailed("telegram"),
        });
        const telegram = await startTelegram(bot, {
          ...(config.TELEGRAM_WEBHOOK_URL ? { webhookUrl: config.TELEGRAM_WEBHOOK_URL } : {}),
          webhookHost: config.TELEGRAM_WEBHOOK_HOST,
          webhookPort: config.TELEGRAM_WEBHOOK_PORT,
          ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
          log,
        });
        stops.push(() => telegram.stop());
        running.telegramBot = bot;
        started("telegram", telegramSender(bot.api), telegram.state);
      } else if (channel === "wechat") {
        const { startWechat } = await import("./wechat/startWechat.js");
        const wechat = await startWechat(config, handler, {
          log,
          interceptors: extensions.wechatInterceptors ?? [],
          ...(extensions.roomBindings ? { roomBindings: extensions.roomBindings } : {}),
          ...sendFailed("wechat"),
        });
        stops.push(() => wechat.stop());
        running.wechat = wechat;
        started("wechat", wechat.sender, wechat.state);
      } else if (channel === "wecom") {
        const { startWecom } = await import("./wecom/startWecom.js");
        const wecom = startWecom(config, handler, { log, interceptors: extensions.wecomInterceptors ?? [], ...sendFailed("wecom") });
        stops.push(() => wecom.stop());
        running.wecom = wecom;
        started("wecom", wecom.sender, wecom.state);
      } else {
        const chat = runConsole(handler, extensions.console);
        stops.push(async () => chat.stop());
        running.consoleClosed = chat.closed;
        started("console", chat.sender, chat.state);
      }
    }
  } catch (error) {
    await running.stop(); // a later channel failed: do not leave earlier ones running
    throw error;
  }
  return running;
}

/** `sender`, telling `onSendFailed` about each post the channel refused (the caller still gets the error). */
function sendFailures(sender: ChannelSender, onSendFailed: ((channel: ChannelName) => void) | undefined): ChannelSender {
  if (!onSendFailed) return sender;
  return {
    channel: sender.channel,
    sendReply: (chatId, text, to) =>
      sender.sendReply(chatId, text, to).catch((error: unknown) => {
        onSendFailed(sender.channel);
        throw error;
      }),
  };
}

/**
 * The real bot, configured from the environment (language model only when OPENAI_API_KEY is set).
 * `observeCatalog` sees the policy catalog before the bot uses it (engine timing).
 */
export async function createPolicyBot(
  config: AppConfig,
  extra: Pick<PolicyBotOptions, "sessions" | "review" | "floodControl" | "rateLimit" | "log"> = {},
  observeCatalog?: (catalog: PolicyCatalog) => void,
): Promise<PolicyBot> {
  const { PolicyBot } = await import("../bot/policyBot.js");
  const { PolicyCatalog } = await import("../bot/policyCatalog.js");
  // The model client (@langchain/openai) costs more start-up than the rest of the bot: loaded only when configured.
  const phraser = config.OPENAI_API_KEY
    ? (await import("../bot/llmPhraser.js")).createLlmPhraser({
        apiKey: config.OPENAI_API_KEY,
        ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
        model: config.OPENAI_MODEL ?? "gpt-4o-mini",
        timeoutMs: config.LLM_TIMEOUT_MS ?? 8_000,
        breakerFailures: config.LLM_BREAKER_FAILURES,
        breakerCoolDownMs: config.LLM_BREAKER_COOLDOWN_MS,
      })
    : undefined;
  const catalog = await PolicyCatalog.open(process.env.DATA_DIR ? { dataDir: config.DATA_DIR } : {});
  observeCatalog?.(catalog);
  return PolicyBot.create({
    catalog,
    ...(config.AS_OF ? { asOf: config.AS_OF } : {}),
    ...(config.SESSION_IDLE_MINUTES ? { sessionIdleMs: config.SESSION_IDLE_MINUTES * 60_000 } : {}),
    ...(phraser ? { phraser } : {}),
    ...extra,
  });
}

/** The `npm start` entry point. */
async function main(): Promise<void> {
  let config: AppConfig;
  let staffConfig: StaffConfig;
  try {
    config = loadConfig();
    staffConfig = loadStaffConfig(process.env);
  } catch (error) {
    // One line naming the setting, never a stack trace.
    console.error(error instanceof ConfigError ? error.message : `Bad setting ${(error as Error).message}`);
    process.exit(1);
  }
  // Sessions, drafts, flood control and room bindings live in the database (SQLite in DATA_DIR, or
  // PostgreSQL shared by several bot processes), so a restart keeps them.
  const { openStore } = await import("../bot/store/store.js");
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  // /healthz and /metrics from the start: while channels are still starting they report 503.
  const { Operations } = await import("./ops/operations.js");
  const { startOpsServer } = await import("./ops/opsServer.js");
  const consoleOnly = selectedChannels(config).join() === "console";
  const ops = new Operations({
    logLevel: config.LOG_LEVEL ?? (consoleOnly ? "warn" : "info"),
    logText: config.LOG_TEXT,
    draftsPending: async () => (await store.drafts.countsByState()).pending,
  });
  let channels: RunningChannels | undefined;
  const starting = selectedChannels(config).map((channel) => ({ channel, connected: false, loggedIn: false }));
  const opsServer = await startOpsServer({
    host: config.HEALTH_HOST,
    port: config.HEALTH_PORT,
    registry: ops.metrics.registry,
    health: () => ops.health(channels?.states() ?? starting, store),
  });
  ops.logger.info(`health: ${opsServer.url}/healthz, metrics: ${opsServer.url}/metrics`);
  const { createStaffReview } = await import("./staff/startReview.js");
  const review = createStaffReview(staffConfig, store);
  const bot = await createPolicyBot(
    config,
    { sessions: store.sessions, review: review.service, floodControl: store.floodControl(), log: (line) => ops.logger.error(line) },
    (catalog) => ops.timeEngine(catalog),
  );
  const running = await startChannels(config, ops.observe(bot), { ...review.extensions, roomBindings: store.roomBindings, log: ops.adapterLog, onSendFailed: ops.sendFailed });
  channels = running;
  await review.attach(running);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    const forced = setTimeout(() => process.exit(1), 10_000).unref(); // a hung channel must not block exit
    await running.stop();
    await review.close();
    await opsServer.close();
    await store.close();
    clearTimeout(forced);
    process.exit(0);
  };
  // A puppet that keeps failing to start ends the process with its one line, rather than looping forever.
  void running.wechat?.gaveUp.then(async (line) => {
    console.error(line);
    await running.stop();
    await review.close();
    process.exit(1);
  });
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  if (running.consoleClosed) {
    await running.consoleClosed;
    await shutdown("end of input");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
