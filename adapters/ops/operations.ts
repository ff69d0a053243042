/**
 * What an operator sees of a running bot: every turn counted, timed and logged as one structured line,
 * rule-engine time measured, failed sends counted, and the health of each channel and of the database.
 * The bot itself knows nothing of this; `observe` wraps the handler the channels call.
 */
import { format } from "node:util";
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from "pino";
import type { ChannelName, ConversationHandler } from "../../bot/message.js";
import type { PolicyCatalog } from "../../bot/policyCatalog.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelState } from "../channelState.js";
import { createMetrics, type BotMetrics } from "./metrics.js";

/** One channel in /healthz. */
export interface ChannelHealth extends ChannelState {
  channel: ChannelName;
  /** When the channel last delivered a message to the bot (ISO time), null when none yet. */
  lastMessageAt: string | null;
}

/** The /healthz body; `ok` (HTTP 200) only when every channel is connected and logged in and the database answers. */
export interface Health {
  ok: boolean;
  channels: ChannelHealth[];
  database: { kind: string; ok: boolean; error?: string };
}

/** The part of the store health needs. */
export interface Pingable {
  readonly kind: string;
  ping(): Promise<void>;
}

export interface OperationsOptions {
  /** Where the structured log goes: JSON lines (default stderr, so the console chat on stdout stays clean). */
  logLevel: LevelWithSilent;
  logTo?: DestinationStream;
  /** Put the asker's message text into turn lines. */
  logText?: boolean;
  /** Drafts waiting for staff, asked at each scrape. */
  draftsPending?: () => Promise<number>;
  /** A database that does not answer a ping within this time counts as down. Default 2 s. */
  pingTimeoutMs?: number;
}

export class Operations {
  readonly metrics: BotMetrics;
  readonly logger: Logger;
  readonly #logText: boolean;
  readonly #pingTimeoutMs: number;
  readonly #lastMessageAt = new Map<ChannelName, number>();

  constructor(options: OperationsOptions) {
    this.metrics = createMetrics(options.draftsPending);
    this.logger = pino({ level: options.logLevel }, options.logTo ?? pino.destination({ dest: 2, sync: true }));
    this.#logText = options.logText ?? false;
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
  }

  /** The adapters' log lines as structured lines of the same logger. */
  get adapterLog(): AdapterLog {
    return {
      info: (...args: unknown[]) => this.logger.info(format(...args)),
      warn: (...args: unknown[]) => this.logger.warn(format(...args)),
      error: (...args: unknown[]) => this.logger.error(format(...args)),
    };
  }

  /**
   * `handler`, with every turn counted by channel and status, timed, and logged as one line:
   * channel, chat, status, provisions (clause ids of the awards), duration; the text only with LOG_TEXT.
   */
  observe(handler: ConversationHandler): ConversationHandler {
    const { turns, turnSeconds } = this.metrics;
    return {
      handle: async (msg) => {
        this.#lastMessageAt.set(msg.channel, Date.now());
        const started = performance.now();
        let status = "error";
        let provisions: string[] = [];
        try {
          const reply = await handler.handle(msg);
          status = reply.answer.status;
          provisions = [...new Set(reply.answer.awards.map((a) => a.clause))];
          return reply;
        } finally {
          const seconds = (performance.now() - started) / 1_000;
          turns.inc({ channel: msg.channel, status });
          turnSeconds.observe({ channel: msg.channel }, seconds);
          this.logger.info(
            { channel: msg.channel, chat: msg.chatId, status, provisions, durationMs: Math.round(seconds * 10_000) / 10, ...(this.#logText ? { text: msg.text } : {}) },
            "turn",
          );
        }
      },
      describeFacts: (key) => handler.describeFacts(key),
      reset: (key) => handler.reset(key),
      remember: (key, update) => handler.remember(key, update),
      helpText: () => handler.helpText(),
      regions: () => handler.regions(),
    };
  }

  /** Times each rule-engine evaluation the catalog makes. */
  timeEngine(catalog: PolicyCatalog): void {
    const evaluate = catalog.evaluate.bind(catalog);
    catalog.evaluate = (...args) => {
      const end = this.metrics.engineSeconds.startTimer();
      try {
        return evaluate(...args);
      } finally {
        end();
      }
    };
  }

  /** Counts a reply `channel` could not send. */
  readonly sendFailed = (channel: ChannelName): void => void this.metrics.sendsFailed.inc({ channel });

  /** Each channel's state with its last message time, and a database round trip. */
  async health(channels: readonly ({ channel: ChannelName } & ChannelState)[], database: Pingable): Promise<Health> {
    const db: Health["database"] = { kind: database.kind, ok: true };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${this.#pingTimeoutMs} ms`)), this.#pingTimeoutMs))),
      ]);
    } catch (error) {
      db.ok = false;
      db.error = (error as Error).message;
    } finally {
      clearTimeout(timer);
    }
    const list = channels.map((c) => {
      const last = this.#lastMessageAt.get(c.channel);
      return { channel: c.channel, connected: c.connected, loggedIn: c.loggedIn, lastMessageAt: last === undefined ? null : new Date(last).toISOString() };
    });
    return { ok: db.ok && list.length > 0 && list.every((c) => c.connected && c.loggedIn), channels: list, database: db };
  }
}
