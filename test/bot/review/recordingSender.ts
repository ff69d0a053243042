/** A channel test double: records every reply it is asked to post, with its delivery key. */
import { appendFileSync } from "node:fs";
import type { ReplyTarget } from "../../../bot/review/channelSender.js";
import type { ChannelName } from "../../../bot/message.js";
import type { DeliveryOptions, KeyedChannelSender } from "../../../bot/review/reviewService.js";

export interface RecordedReply {
  chatId: string;
  text: string;
  to: ReplyTarget;
  deliveryKey?: string;
}

export class RecordingSender implements KeyedChannelSender {
  readonly sent: RecordedReply[] = [];
  /** Sends still to fail before one succeeds (to test retries). */
  failNext = 0;

  constructor(
    readonly channel: ChannelName,
    readonly options: { dedupesByKey?: boolean; file?: string; delayMs?: number } = {},
  ) {}

  get dedupesByKey(): boolean {
    return this.options.dedupesByKey ?? false;
  }

  async sendReply(chatId: string, text: string, to: ReplyTarget, delivery?: DeliveryOptions): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("channel unavailable");
    }
    // A channel that honours keys posts nothing for a key it already accepted.
    if (this.dedupesByKey && delivery && this.sent.some((s) => s.deliveryKey === delivery.deliveryKey)) return;
    this.sent.push({ chatId, text, to, deliveryKey: delivery?.deliveryKey });
    // The file is the "chat": one line per posted message, written before the send resolves.
    if (this.options.file) appendFileSync(this.options.file, `${delivery?.deliveryKey}\t${chatId}\n`);
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
  }
}
