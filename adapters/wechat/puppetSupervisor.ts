/**
 * Keeps a WeChat puppet alive. Puppets fail at start, throw bursts of errors, or go silent after days
 * without saying so; the supervisor restarts them with exponential back-off: on a failed start, on an
 * error burst, and when heartbeats stop after having been seen.
 */
import type { AdapterLog } from "../adapterLog.js";

export interface PuppetSupervisorOptions {
  start: () => Promise<void>;
  stop: () => Promise<void>;
  log: AdapterLog;
  /** First back-off delay; doubles on each consecutive failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** This many errors within `errorWindowMs` count as a dead puppet. */
  errorBurst?: number;
  errorWindowMs?: number;
  /** No heartbeat for this long (once heartbeats were seen) counts as a dead puppet. */
  heartbeatTimeoutMs?: number;
  /** Stop trying after this many failed starts in a row (default: never). */
  maxStartFailures?: number;
  /** Called once, with one line for the operator, when the supervisor stops trying. */
  giveUp?: (line: string) => void;
  /** What to check when starting keeps failing (named in the give-up line). */
  checkHint?: string;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class PuppetSupervisor {
  readonly #o: Required<PuppetSupervisorOptions>;
  #backoffMs: number;
  #errors: number[] = [];
  #lastHeartbeat: number | undefined;
  #restarting: Promise<void> | undefined;
  #stopped = false;
  #watchdog: NodeJS.Timeout | undefined;
  /** How many restarts so far (for logs and tests). */
  restarts = 0;

  constructor(options: PuppetSupervisorOptions) {
    this.#o = {
      initialBackoffMs: 2_000,
      maxBackoffMs: 5 * 60_000,
      errorBurst: 5,
      errorWindowMs: 60_000,
      heartbeatTimeoutMs: 10 * 60_000,
      maxStartFailures: Number.POSITIVE_INFINITY,
      giveUp: () => {},
      checkHint: "check WECHATY_PUPPET, its token and the network",
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
    this.#backoffMs = this.#o.initialBackoffMs;
  }

  /**
   * Start the puppet, retrying with back-off until it starts, `shutdown` is called, or it failed
   * `maxStartFailures` times in a row (then `giveUp` gets one line saying what to check).
   */
  async start(): Promise<void> {
    this.#watchdog ??= setInterval(() => this.checkHeartbeat(), Math.min(60_000, this.#o.heartbeatTimeoutMs)).unref();
    for (let failures = 1; !this.#stopped; failures++) {
      try {
        await this.#o.start();
        return;
      } catch (error) {
        if (failures >= this.#o.maxStartFailures) {
          this.shutdown();
          this.#o.giveUp(`wechat: the puppet failed to start ${failures} times in a row (last: ${(error as Error).message}); ${this.#o.checkHint}`);
          return;
        }
        this.#o.log.error(`wechat: puppet failed to start: ${(error as Error).message}; retrying in ${Math.round(this.#backoffMs / 1000)} s`);
        await this.#o.sleep(this.#backoffMs);
        this.#backoffMs = Math.min(this.#backoffMs * 2, this.#o.maxBackoffMs);
      }
    }
  }

  /** The puppet reported an error: log it, and restart when errors come in a burst. */
  onError(error: Error): void {
    this.#o.log.error(`wechat: puppet error: ${error.message}`);
    const now = this.#o.now();
    this.#errors = [...this.#errors.filter((t) => t > now - this.#o.errorWindowMs), now];
    if (this.#errors.length >= this.#o.errorBurst) void this.restart(`${this.#errors.length} errors within ${this.#o.errorWindowMs / 1000} s`);
  }

  /** The puppet is alive (heartbeat, login, message). */
  onHeartbeat(): void {
    this.#lastHeartbeat = this.#o.now();
  }

  /** A successful login: the next failure starts from the shortest back-off again. */
  onLogin(): void {
    this.#backoffMs = this.#o.initialBackoffMs;
    this.onHeartbeat();
  }

  /** Stop and start the puppet once (concurrent calls share one restart). */
  restart(reason: string): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#restarting ??= (async () => {
      this.restarts++;
      this.#o.log.warn(`wechat: restarting puppet (${reason}) in ${Math.round(this.#backoffMs / 1000)} s`);
      await this.#o.stop().catch((error: Error) => this.#o.log.warn(`wechat: puppet stop failed: ${error.message}`));
      await this.#o.sleep(this.#backoffMs);
      this.#backoffMs = Math.min(this.#backoffMs * 2, this.#o.maxBackoffMs);
      this.#errors = [];
      this.#lastHeartbeat = undefined;
      await this.start();
    })().finally(() => {
      this.#restarting = undefined;
    });
    return this.#restarting;
  }

  /** Stop supervising (graceful shutdown); the caller stops the puppet itself. */
  shutdown(): void {
    this.#stopped = true;
    clearInterval(this.#watchdog);
  }

  /** Restart when heartbeats were seen but stopped (run every minute by `start`). */
  checkHeartbeat(): void {
    // Puppets that never send heartbeats are not judged by them.
    if (this.#lastHeartbeat === undefined || this.#restarting) return;
    const silentFor = this.#o.now() - this.#lastHeartbeat;
    if (silentFor > this.#o.heartbeatTimeoutMs) void this.restart(`no heartbeat for ${Math.round(silentFor / 60_000)} min`);
  }
}
