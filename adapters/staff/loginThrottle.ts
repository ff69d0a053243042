/**
 * Staff console login throttling: growing delays per staff name and for all logins together, instead of
 * locking an address out (every local process is 127.0.0.1, so a per-address lockout shut out all staff).
 * After a few free failures each further failure doubles the wait before the next attempt, up to a cap;
 * a successful login clears its name. A throttled attempt is refused before its token is compared.
 */
export interface LoginThrottleOptions {
  /** Failures of one name allowed without delay (default 3). */
  freePerName?: number;
  /** Failures of all names together allowed without delay (default 20). */
  freeOverall?: number;
  /** The first delay; each further failure doubles it (default 1 s). */
  baseDelayMs?: number;
  /** Longest wait for one name (default 60 s) and for everyone (default 15 s: an attacker cannot lock staff out for long). */
  maxDelayPerNameMs?: number;
  maxDelayOverallMs?: number;
  /** Failures older than this are forgotten (default 15 min). */
  windowMs?: number;
  now?: () => number;
}

/** Failures in the window of one key, and the delay they impose. */
class Backoff {
  #times: number[] = [];

  constructor(
    private readonly free: number,
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly windowMs: number,
  ) {}

  failed(at: number): void {
    this.#prune(at);
    this.#times.push(at);
    if (this.#times.length > this.free + 32) this.#times.shift(); // the delay is capped long before this
  }

  /** Milliseconds until the next attempt is allowed. */
  waitMs(at: number): number {
    this.#prune(at);
    const over = this.#times.length - this.free;
    if (over <= 0) return 0;
    const delay = Math.min(this.baseMs * 2 ** (over - 1), this.maxMs);
    return Math.max(0, this.#times.at(-1)! + delay - at);
  }

  get empty(): boolean {
    return this.#times.length === 0;
  }

  #prune(at: number): void {
    while (this.#times.length > 0 && at - this.#times[0]! > this.windowMs) this.#times.shift();
  }
}

export class LoginThrottle {
  readonly #byName = new Map<string, Backoff>();
  readonly #overall: Backoff;
  readonly #options: Required<Omit<LoginThrottleOptions, "now">>;
  readonly #now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.#options = {
      freePerName: options.freePerName ?? 3,
      freeOverall: options.freeOverall ?? 20,
      baseDelayMs: options.baseDelayMs ?? 1_000,
      maxDelayPerNameMs: options.maxDelayPerNameMs ?? 60_000,
      maxDelayOverallMs: options.maxDelayOverallMs ?? 15_000,
      windowMs: options.windowMs ?? 15 * 60_000,
    };
    this.#now = options.now ?? Date.now;
    const o = this.#options;
    this.#overall = new Backoff(o.freeOverall, o.baseDelayMs, o.maxDelayOverallMs, o.windowMs);
  }

  /** Milliseconds before `name` may try to log in (0: now). */
  waitMs(name: string): number {
    const at = this.#now();
    return Math.max(this.#byName.get(key(name))?.waitMs(at) ?? 0, this.#overall.waitMs(at));
  }

  /** A wrong token (or a missing name) for `name`. */
  failed(name: string): void {
    const at = this.#now();
    const o = this.#options;
    let backoff = this.#byName.get(key(name));
    if (!backoff) {
      if (this.#byName.size >= 10_000) this.#forgetIdle(at); // many invented names cannot grow memory without bound
      backoff = new Backoff(o.freePerName, o.baseDelayMs, o.maxDelayPerNameMs, o.windowMs);
      this.#byName.set(key(name), backoff);
    }
    backoff.failed(at);
    this.#overall.failed(at);
  }

  /** `name` logged in: its own failures are forgotten (those of everyone together stay). */
  succeeded(name: string): void {
    this.#byName.delete(key(name));
  }

  #forgetIdle(at: number): void {
    for (const [k, b] of this.#byName) if (b.waitMs(at) === 0 && (b.empty || this.#byName.size > 5_000)) this.#byName.delete(k);
  }
}

/** Names compare without case or surrounding spaces, so "张三 " and "张三" share one counter. */
const key = (name: string) => name.trim().toLowerCase();
