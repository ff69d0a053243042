/**
 * A circuit breaker for a remote dependency (the rewording model): after `failures` consecutive timeouts
 * or errors the dependency is skipped for `coolDownMs`, so a stalled endpoint does not add its whole
 * timeout to every turn. After the cool-down one trial call goes through: success closes the circuit,
 * failure opens it for another cool-down. One log line when it opens and one when it closes.
 */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long the dependency is skipped once the circuit is open. */
  coolDownMs: number;
  /** What the log lines call the dependency ("llm"). */
  name: string;
  log: (line: string) => void;
  now?: () => number;
}

export class CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  readonly #now: () => number;
  #consecutive = 0;
  /** Set while open: calls are skipped until this time, then one trial is let through. */
  #openUntil: number | null = null;
  #trialInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** May a call go ahead now? (Closed, or the one trial call after the cool-down.) */
  allows(): boolean {
    if (this.#openUntil === null) return true;
    if (this.#trialInFlight || this.#now() < this.#openUntil) return false;
    this.#trialInFlight = true;
    return true;
  }

  /** true while calls are being skipped. */
  get isOpen(): boolean {
    return this.#openUntil !== null;
  }

  /** The call answered (even if its answer was then rejected): the dependency is reachable. */
  succeeded(): void {
    this.#consecutive = 0;
    this.#trialInFlight = false;
    if (this.#openUntil === null) return;
    this.#openUntil = null;
    this.#options.log(`${this.#options.name}: circuit closed, the model answers again`);
  }

  /** The call timed out or failed. */
  failed(): void {
    this.#consecutive++;
    const trial = this.#trialInFlight;
    this.#trialInFlight = false;
    if (!trial && (this.#openUntil !== null || this.#consecutive < this.#options.failures)) return;
    this.#openUntil = this.#now() + this.#options.coolDownMs;
    const why = trial ? "the trial call failed too" : `${this.#consecutive} timeouts or errors in a row`;
    this.#options.log(`${this.#options.name}: circuit open (${why}); answering from templates for ${Math.round(this.#options.coolDownMs / 1000)} s`);
  }
}
