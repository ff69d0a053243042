/**
 * The bot's Prometheus metrics, in a registry of its own (not prom-client's global one, so two bots in one
 * process, or a test, never share counts): turns by channel and answer status, turn and engine latency,
 * drafts waiting for staff, and replies a channel could not send.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface BotMetrics {
  registry: Registry;
  /** One per answered message: labels channel and status (answered, needs_info, out_of_scope, pending_review, error). */
  turns: Counter<"channel" | "status">;
  turnSeconds: Histogram<"channel">;
  /** One rule-engine evaluation (a turn makes zero or more). */
  engineSeconds: Histogram;
  sendsFailed: Counter<"channel">;
}

/** `draftsPending` is asked at every scrape; when it fails the gauge keeps its last value. */
export function createMetrics(draftsPending?: () => Promise<number>): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "huishang_" });
  const registers = [registry];
  new Gauge({
    name: "huishang_drafts_pending",
    help: "Drafts waiting for a staff decision (all processes sharing the database).",
    registers,
    async collect() {
      if (!draftsPending) return;
      try {
        this.set(await draftsPending());
      } catch {
        // database unreachable: /healthz says so; the scrape itself still succeeds
      }
    },
  });
  return {
    registry,
    turns: new Counter({ name: "huishang_turns_total", help: "Messages answered, by channel and answer status.", labelNames: ["channel", "status"], registers }),
    turnSeconds: new Histogram({
      name: "huishang_turn_duration_seconds",
      help: "Time from a message reaching the bot to its reply (model rewording included).",
      labelNames: ["channel"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    engineSeconds: new Histogram({
      name: "huishang_engine_duration_seconds",
      help: "One rule-engine evaluation of the selected provisions.",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    }),
    sendsFailed: new Counter({ name: "huishang_sends_failed_total", help: "Replies a channel refused or failed to send (each attempt).", labelNames: ["channel"], registers }),
  };
}
