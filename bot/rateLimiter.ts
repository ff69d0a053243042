/**
 * Per-user flood control: a sliding window per session key. The first message over the limit gets
 * one notice; the rest are dropped silently until the window clears, so one member cannot drown a group
 * or get the bot's account banned, and other members are still answered.
 *
 * `RateLimiter` keeps the windows in memory (one process); store/sqlFloodControl.ts keeps them in the
 * database so that several bot processes apply one limit. Both decide with `admit`.
 */
export interface RateLimitOptions {
  /** Messages allowed per window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 8, windowMs: 10_000 };

export type RateDecision = "allow" | "notice" | "drop";

/** One key's window: the times of its allowed messages, and whether the notice went out. */
export interface RateWindow {
  times: number[];
  noticed: boolean;
}

/** What flood control the bot asks; the database-backed one answers asynchronously. */
export interface FloodControl {
  /** Record a message from `key` at `now` and say what to do with it. */
  check(key: string, now?: number): RateDecision | Promise<RateDecision>;
}

/** Record a message at `now` in `window` (updated in place) and say what to do with it. */
export function admit(window: RateWindow, now: number, options: RateLimitOptions): RateDecision {
  const cutoff = now - options.windowMs;
  while (window.times.length > 0 && window.times[0]! <= cutoff) window.times.shift();
  if (window.times.length < options.limit) {
    window.times.push(now);
    window.noticed = false;
    return "allow";
  }
  if (window.noticed) return "drop";
  window.noticed = true;
  return "notice";
}

/** Flood control in one process's memory. */
export class RateLimiter implements FloodControl {
  readonly #windows = new Map<string, RateWindow>();
  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  check(key: string, now = Date.now()): RateDecision {
    const window = this.#windows.get(key) ?? { times: [], noticed: false };
    this.#windows.set(key, window);
    return admit(window, now, this.options);
  }
}
