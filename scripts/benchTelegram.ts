/**
 * Throughput of the Telegram channel: 2,000 questions go through the grammY adapter (runner long
 * polling, throttler bypassed) against the telegram-test-api emulator on loopback, answered by the real
 * PolicyBot (per-user rate limit off). Prints msg/s and latency percentiles.
 *
 *   npm run bench:telegram                 # 2,000 questions, 200 simulated users, the real bot
 *   npm run bench:telegram -- --echo       # the adapter alone, with a handler that echoes
 *   npm run bench:telegram -- --questions 5000 --users 500
 *
 * The emulator and the simulated users run in a worker thread (benchTelegramUsers.ts), the bot alone on
 * the main thread; the bot's getUpdates and sendMessage calls go over loopback HTTP. Latency is from a
 * user's message entering the emulator until the bot's reply is stored there; each simulated user waits
 * for its answer before asking the next question.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { BotReply, ConversationHandler, IncomingMessage } from "../bot/message.js";
import { quietLog } from "../adapters/adapterLog.js";
import { startTelegram } from "../adapters/telegram/startTelegram.js";
import { createTelegramBot } from "../adapters/telegram/telegramBot.js";
import type { UsersJob, UsersReport } from "./benchTelegramUsers.js";

const { values } = parseArgs({
  options: {
    questions: { type: "string", default: "2000" },
    users: { type: "string", default: "200" },
    echo: { type: "boolean", default: false },
  },
});
const total = Number(values.questions);
const users = Math.min(Number(values.users), total);
const token = "424242:BENCH-token";

/** Questions: the dev set's first turns, cycled. */
const questions = readFileSync(new URL("../test/fixtures/dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { turns: string[] }).turns[0]!);

/** Adapter-only mode: answers instantly, so the figure is the channel's own cost. */
const echoHandler: ConversationHandler = {
  async handle(msg: IncomingMessage): Promise<BotReply> {
    return { toAsker: `收到：${msg.text}`, answer: { status: "answered", text: `收到：${msg.text}`, policies: [], awards: [], missing: [], citations: [] }, source: "template" };
  },
  describeFacts: async () => "",
  reset: async () => "",
  remember: async () => undefined,
  helpText: () => "",
  regions: () => [],
};

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});

// Workers do not inherit tsx's loader: register it inside the worker, then load the TypeScript file.
const usersScript = new URL("./benchTelegramUsers.ts", import.meta.url).href;
const worker = new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(usersScript)}); });`, {
  eval: true,
  workerData: { token, port, total, users, questions } satisfies UsersJob,
});
const reports = (kind: UsersReport["kind"]) =>
  new Promise<UsersReport>((resolve, reject) => {
    worker.on("error", reject);
    const onMessage = (report: UsersReport) => {
      if (report.kind !== kind) return;
      worker.off("message", onMessage);
      resolve(report);
    };
    worker.on("message", onMessage);
  });

const listening = reports("listening");
await listening;
// Loaded only when used, so `--echo` measures the adapter even while the bot is being rebuilt.
const handler = values.echo ? echoHandler : await (await import("../bot/policyBot.js")).PolicyBot.create({ rateLimit: false, log: () => undefined });
const bot = createTelegramBot({ token, handler, apiRoot: `http://127.0.0.1:${port}`, throttle: false, log: quietLog });
const running = await startTelegram(bot, { registerCommands: false, log: quietLog });

const done = reports("done");
worker.postMessage("go");
const report = await done;
await running.stop();
await worker.terminate();
if (report.kind !== "done") throw new Error("unexpected report");

const latencies = report.latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
console.log(
  [
    `bench:telegram — ${values.echo ? "adapter only (echo handler)" : "real PolicyBot"}, throttler bypassed, ${users} users, loopback emulator`,
    `questions answered: ${latencies.length} in ${report.seconds.toFixed(2)} s`,
    `throughput: ${(latencies.length / report.seconds).toFixed(0)} msg/s`,
    `latency: p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  ].join("\n"),
);
process.exit(0);
