/**
 * Paces outgoing messages so a WeChat account never sends in bursts (the usual reason accounts get
 * restricted): sends into one chat keep at least `perChatMs` apart, all sends keep at least `globalMs`
 * apart, and every gap gets a random extra of up to `jitterMs`. Sends into one chat keep their order;
 * different chats wait for each other only at the global gap.
 */
import { SerialQueue } from "../serialQueue.js";

export interface SendPacerOptions {
  perChatMs: number;
  globalMs: number;
  jitterMs: number;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SendPacer {
  readonly #options: Required<SendPacerOptions>;
  /** One chat's sends run in order. */
  readonly #chatQueue = new SerialQueue();
  readonly #chatLastSent = new Map<string, number>();
  /** The earliest moment the next send (in any chat) may start; reserved synchronously. */
  #globalNext = 0;

  constructor(options: SendPacerOptions) {
    this.#options = { now: Date.now, sleep: realSleep, random: Math.random, ...options };
  }

  /** Run `send` for `chatId` when pacing allows; resolves (or rejects) with its outcome. */
  schedule<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    return this.#chatQueue.run(chatId, () => this.#paced(chatId, send));
  }

  async #paced<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    const { now, sleep, random, perChatMs, globalMs, jitterMs } = this.#options;
    const last = this.#chatLastSent.get(chatId);
    if (last !== undefined) {
      const wait = last + perChatMs + random() * jitterMs - now();
      if (wait > 0) await sleep(wait);
    }
    // Reserve the global slot only now, so a chat waiting on its own gap does not hold up others.
    const slot = Math.max(now(), this.#globalNext);
    this.#globalNext = slot + globalMs + random() * jitterMs;
    const wait = slot - now();
    if (wait > 0) await sleep(wait);
    try {
      return await send();
    } finally {
      this.#chatLastSent.set(chatId, now());
      this.#pruneIdleChats();
    }
  }

  /** Forget chats whose last send is older than any gap could be, keeping memory bounded. */
  #pruneIdleChats(): void {
    if (this.#chatLastSent.size < 1_000) return;
    const horizon = this.#options.now() - (this.#options.perChatMs + this.#options.jitterMs);
    for (const [chat, at] of this.#chatLastSent) if (at < horizon) this.#chatLastSent.delete(chat);
  }
}
