/**
 * The start-up check of the Bot API: one `getMe` with a short timeout, through a client without the
 * retry plugins (which would retry a dead network forever, in silence). A failure becomes one line that
 * names the problem: a refused token, or a network that does not reach Telegram (and how to fix it).
 */
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AdapterLog } from "../adapterLog.js";

export interface BotApiCheckOptions {
  /** How long one getMe may take. Default 5 s. */
  timeoutMs?: number;
  /** Waits before each retry after a network failure; a refused token is never retried. Default 5, 15, 30 s. */
  retryDelaysMs?: readonly number[];
  log?: AdapterLog;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** A start-up failure, its message the one line an operator sees. */
export class BotApiUnreachableError extends Error {
  constructor(
    message: string,
    /** A network problem may pass; a bad token will not. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "BotApiUnreachableError";
  }
}

/** The one line for a failed getMe. */
export function describeGetMeFailure(error: unknown, apiRoot: string, timeoutMs: number): BotApiUnreachableError {
  if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
    return new BotApiUnreachableError(`telegram: the Bot API refused TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}); check the token @BotFather gave you`, false);
  }
  if (error instanceof GrammyError) {
    return new BotApiUnreachableError(`telegram: getMe failed at ${apiRoot} (${error.error_code} ${error.description})`, true);
  }
  const cause = error instanceof HttpError ? error.error : error;
  const code = (cause as { code?: string; name?: string } | undefined)?.code;
  const name = (cause as { name?: string } | undefined)?.name;
  const reason =
    name === "AbortError" || name === "TimeoutError" ? `no answer within ${Math.round(timeoutMs / 1000)} s`
    : code === "ECONNREFUSED" ? "connection refused"
    : code === "ENOTFOUND" || code === "EAI_AGAIN" ? "host name not found"
    : code === "ECONNRESET" ? "connection reset"
    : (cause as Error | undefined)?.message ?? String(cause);
  return new BotApiUnreachableError(`telegram: cannot reach the Bot API at ${apiRoot} (${reason}); check the network, or set TELEGRAM_PROXY (needed where Telegram is blocked)`, true);
}

/** One getMe, bounded by `timeoutMs`. */
async function getMeOnce(api: Api, timeoutMs: number): Promise<UserFromGetMe> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await api.getMe(controller.signal as Parameters<Api["getMe"]>[0]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ask the Bot API who the bot is, retrying a network failure on a printed schedule. Resolves with the
 * bot's info; rejects with a `BotApiUnreachableError` whose message is the one line to print.
 */
export async function checkBotApi(token: string, client: ConstructorParameters<typeof Api>[1], options: BotApiCheckOptions = {}): Promise<UserFromGetMe> {
  const log = options.log ?? console;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const delays = options.retryDelaysMs ?? [5_000, 15_000, 30_000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const api = new Api(token, client); // no transformers: no auto-retry, no throttler
  const apiRoot = client?.apiRoot ?? "https://api.telegram.org";
  for (let attempt = 0; ; attempt++) {
    try {
      return await getMeOnce(api, timeoutMs);
    } catch (error) {
      const failure = describeGetMeFailure(error, apiRoot, timeoutMs);
      const delay = delays[attempt];
      if (!failure.retryable || delay === undefined) throw failure;
      log.error(`${failure.message}; retry ${attempt + 1} of ${delays.length} in ${Math.round(delay / 1000)} s`);
      await sleep(delay);
    }
  }
}
