/**
 * Start the WeCom channel from configuration: connect the SDK's long connection (it authenticates with
 * the bot id and secret, keeps a heartbeat, and reconnects with back-off), attach the adapter, and say
 * in one line what went wrong when the connection cannot be made or kept.
 */
import { WSClient, type Logger } from "@wecom/aibot-node-sdk";
import type { ConversationHandler } from "../../bot/message.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender } from "../../bot/review/channelSender.js";
import type { ChannelState } from "../channelState.js";
import type { AppConfig } from "../config.js";
import { attachWecomAdapter, type WecomInterceptor } from "./wecomAdapter.js";

export interface RunningWecom {
  client: WSClient;
  sender: ChannelSender;
  /** Post into a group or single chat (e.g. drafts into the staff group). */
  post(chatId: string, text: string): Promise<void>;
  /** Resolves on the first successful authentication (the SDK keeps retrying until then). */
  ready: Promise<void>;
  /** Long connection open and the bot authenticated, now. */
  state(): ChannelState;
  stop(): Promise<void>;
}

export interface StartWecomOptions {
  log?: AdapterLog;
  /** Run before the bot on every text message (the review feature's staff commands). */
  interceptors?: WecomInterceptor[];
  /** First reconnect delay in ms (doubles up to 30 s); tests shorten it. */
  reconnectIntervalMs?: number;
  /** Called when a reply could not be sent (metrics). */
  onSendFailed?: () => void;
}

/** The SDK's own log lines: its routine chatter is dropped, its warnings and errors kept with our prefix. */
function sdkLogger(log: AdapterLog): Logger {
  return {
    debug() {},
    info() {},
    warn: (message: string, ...args: unknown[]) => log.warn(`wecom: ${[message, ...args].join(" ")}`),
    error: (message: string, ...args: unknown[]) => log.error(`wecom: ${[message, ...args].join(" ")}`),
  };
}

/** Connect to WeCom; the connection is made in the background (see `ready`). */
export function startWecom(config: AppConfig, handler: ConversationHandler, options: StartWecomOptions = {}): RunningWecom {
  const log = options.log ?? console;
  const client = new WSClient({
    botId: config.WECOM_BOT_ID!,
    secret: config.WECOM_BOT_SECRET!,
    wsUrl: config.WECOM_WS_URL,
    maxReconnectAttempts: -1, // a network outage must not end the channel; the back-off is capped at 30 s
    reconnectInterval: options.reconnectIntervalMs ?? 1_000,
    logger: sdkLogger(log),
  });
  const adapter = attachWecomAdapter(client, {
    handler,
    maxMessageChars: config.WECOM_MAX_MESSAGE_CHARS,
    interceptors: options.interceptors ?? [],
    log,
    ...(options.onSendFailed ? { onSendFailed: options.onSendFailed } : {}),
  });

  let connectedOnce = false;
  let authenticated = false;
  client.on("disconnected", () => (authenticated = false));
  const ready = new Promise<void>((resolve) => {
    client.on("authenticated", () => {
      authenticated = true;
      log.info(`wecom: bot ${config.WECOM_BOT_ID} ${connectedOnce ? "reconnected" : "connected"} at ${config.WECOM_WS_URL}`);
      connectedOnce = true;
      resolve();
    });
  });
  client.on("reconnecting", (attempt) => {
    authenticated = false;
    log.warn(`wecom: connection lost; reconnect attempt ${attempt}`);
  });
  client.on("error", (error: Error & { code?: string }) => {
    // The SDK gives up after repeated authentication failures: that is a setting, not the network.
    if (error.code === "WS_AUTH_FAILURE_EXHAUSTED") {
      log.error("wecom: WeCom refused the bot's credentials repeatedly; check WECOM_BOT_ID and WECOM_BOT_SECRET (bot page → API mode: long connection)");
    }
  });
  client.on("event.disconnected_event", () =>
    log.error("wecom: another process connected with the same WECOM_BOT_ID, so WeCom closed this connection; run one bot process per bot id"),
  );
  client.connect();

  return {
    client,
    sender: adapter.sender,
    post: adapter.post,
    ready,
    state: () => ({ connected: client.isConnected, loggedIn: client.isConnected && authenticated }),
    async stop() {
      adapter.detach();
      client.disconnect();
    },
  };
}
