/**
 * Per-user flood control: a sliding window per session key. The first message over the limit gets
 * one notice; the rest are dropped silently until the window clears, so one member cannot drown a group
 * or get the bot's account banned, and other members are still answered.
 */
export interface RateLimitOptions {
  /** Messages allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateDecision = "allow" | "notice" | "drop";

export class RateLimiter {
  readonly #hits = new Map<string, { times: number[]; noticed: boolean }>();
  constructor(private readonly options: RateLimitOptions = { limit: 8, windowMs: 10_000 }) {}

  /** Record a message from `key` at `now` and say what to do with it. */
  check(key: string, now = Date.now()): RateDecision {
    const entry = this.#hits.get(key) ?? { times: [], noticed: false };
    const cutoff = now - this.options.windowMs;
    while (entry.times.length > 0 && entry.times[0]! <= cutoff) entry.times.shift();
    if (entry.times.length < this.options.limit) {
      entry.times.push(now);
      entry.noticed = false;
      this.#hits.set(key, entry);
      return "allow";
    }
    this.#hits.set(key, entry);
    if (entry.noticed) return "drop";
    entry.noticed = true;
    return "notice";
  }
}
