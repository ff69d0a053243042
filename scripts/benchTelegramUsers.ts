/**
 * Worker thread of bench:telegram: runs the telegram-test-api emulator and the simulated users, so the
 * main thread does nothing but run the bot (the part being measured) on its own core.
 */
import { parentPort, workerData } from "node:worker_threads";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

export interface UsersJob {
  token: string;
  port: number;
  total: number;
  users: number;
  questions: string[];
}
export type UsersReport = { kind: "listening" } | { kind: "done"; latencies: number[]; seconds: number };

const job = workerData as UsersJob;
const port = parentPort!;
const emulator = new TelegramServer({ port: job.port, host: "127.0.0.1", storeTimeout: 3_600 });
await emulator.start();

// A reply is recognised by its chat: each simulated user has one question in flight at a time.
const waiting = new Map<number, () => void>();
emulator.on("AddedBotMessage", () => {
  const chatId = Number(emulator.storage.botMessages.at(-1)?.message.chat_id);
  const wake = waiting.get(chatId);
  waiting.delete(chatId);
  wake?.();
});

async function ask(userId: number, text: string): Promise<number> {
  const replied = new Promise<void>((resolve) => waiting.set(userId, resolve));
  const started = performance.now();
  // Users reach the emulator in-process (what its client HTTP route does): in real life they talk to
  // Telegram, not to the bot's host, so only the bot's own Bot API traffic goes over loopback HTTP.
  await emulator.addUserMessage({
    botToken: job.token,
    date: Math.floor(Date.now() / 1000),
    from: { id: userId, is_bot: false, first_name: `用户${userId}` },
    chat: { id: userId, type: "private", first_name: `用户${userId}` },
    text,
  });
  await replied;
  return performance.now() - started;
}

port.postMessage({ kind: "listening" } satisfies UsersReport);
port.once("message", async () => {
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: job.users }, async (_, u) => {
      for (let i = next++; i < job.total; i = next++) latencies.push(await ask(10_000 + u, job.questions[i % job.questions.length]!));
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  await emulator.stop();
  port.postMessage({ kind: "done", latencies, seconds } satisfies UsersReport);
});
