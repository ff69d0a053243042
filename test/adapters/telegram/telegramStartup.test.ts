/**
 * Telegram start-up and operator aids: a Bot API that cannot be reached or refuses the token is named in
 * one line, never silence; TELEGRAM_PROXY carries the calls; /id and "typing…" against telegram-test-api.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietLog } from "../../../adapters/adapterLog.js";
import { startTelegram, type RunningTelegram } from "../../../adapters/telegram/startTelegram.js";
import { createTelegramBot } from "../../../adapters/telegram/telegramBot.js";
import { FakeHandler } from "../support/fakeHandler.js";
import { EMULATED_BOT, TOKEN, TelegramUser, chatActions, freePort, startEmulator, type Emulator } from "../support/telegramEmulator.js";
import { waitFor } from "../support/waitFor.js";

const listening = <T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<number> =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

/** Start a bot against `apiRoot`; returns the lines it logged and how start-up ended, with its duration. */
async function startAgainst(apiRoot: string, startup = {}, proxy?: string) {
  const lines: string[] = [];
  const log = { info: (l: string) => void lines.push(l), warn: (l: string) => void lines.push(l), error: (l: string) => void lines.push(l) };
  const bot = createTelegramBot({ token: TOKEN, handler: new FakeHandler(), apiRoot, throttle: false, log, ...(proxy ? { proxy } : {}) });
  const began = Date.now();
  const outcome = await startTelegram(bot, { registerCommands: false, log, startup }).then(
    async (running) => {
      await running.stop();
      return { ok: true as const };
    },
    (error: Error) => ({ ok: false as const, message: error.message }),
  );
  return { lines, outcome, seconds: (Date.now() - began) / 1000 };
}

describe("Telegram start-up with an unreachable Bot API", () => {
  it("names a refused connection in one line and gives up after its printed retries, well within 15 s", async () => {
    const port = await freePort(); // nobody listens: the connection is refused
    const { lines, outcome, seconds } = await startAgainst(`http://127.0.0.1:${port}`, { retryDelaysMs: [100, 100] });
    expect(seconds).toBeLessThan(15);
    expect(lines).toEqual([
      expect.stringMatching(/^telegram: cannot reach the Bot API at http:\/\/127\.0\.0\.1:\d+ \(connection refused\); check the network, or set TELEGRAM_PROXY .*; retry 1 of 2 in 0 s$/),
      expect.stringMatching(/connection refused.*; retry 2 of 2 in 0 s$/),
    ]);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^telegram: cannot reach the Bot API at .* \(connection refused\)/) });
  });

  it("names a Bot API that accepts the connection but never answers, after the short getMe timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => void sockets.push(socket)); // accepts, never replies
    const port = await listening(silent);
    try {
      const { lines, outcome, seconds } = await startAgainst(`http://127.0.0.1:${port}`, { retryDelaysMs: [] });
      expect(seconds).toBeLessThan(15);
      expect(lines).toEqual([]);
      expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^telegram: cannot reach the Bot API at .* \(no answer within 5 s\); check the network, or set TELEGRAM_PROXY/) });
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  }, 20_000);

  it("names a refused token without retrying", async () => {
    const api = createHttpServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
    });
    const port = await listening(api);
    try {
      const { lines, outcome } = await startAgainst(`http://127.0.0.1:${port}`);
      expect(lines).toEqual([]);
      expect(outcome).toEqual({ ok: false, message: "telegram: the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized); check the token @BotFather gave you" });
    } finally {
      api.close();
    }
  });
});

describe("Telegram through TELEGRAM_PROXY", () => {
  it("sends every Bot API call through an HTTP CONNECT proxy", async () => {
    const emulator = await startEmulator();
    const tunnels: string[] = [];
    const proxy = createHttpServer();
    proxy.on("connect", (req, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? "");
      const [host, port] = (req.url ?? "").split(":");
      const upstream = connect(Number(port), host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    const proxyPort = await listening(proxy);
    try {
      const { outcome } = await startAgainst(emulator.apiRoot, {}, `http://127.0.0.1:${proxyPort}`);
      expect(outcome).toEqual({ ok: true });
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set([emulator.apiRoot.replace("http://", "")]));
    } finally {
      proxy.closeAllConnections();
      proxy.close();
      await emulator.stop();
    }
  });
});

describe("Telegram /id and typing (telegram-test-api)", () => {
  let emulator: Emulator;
  let handler: FakeHandler;
  let bot: Bot;
  let running: RunningTelegram;
  const STAFF = 4242;

  beforeAll(async () => {
    emulator = await startEmulator();
    handler = new FakeHandler();
    bot = createTelegramBot({ token: TOKEN, handler, apiRoot: emulator.apiRoot, throttle: false, staffIds: [`telegram:${STAFF}`], log: quietLog });
    running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
  });
  afterAll(async () => {
    await running?.stop();
    await emulator?.stop();
  });

  it("tells anyone their own ids in a private chat", async () => {
    const user = new TelegramUser(emulator, { id: 5151, chatId: 5151, type: "private", firstName: "商户" });
    await user.command("/id");
    await waitFor(() => emulator.botMessages(5151).length === 1);
    expect(emulator.botMessages(5151)[0]!.text).toBe("本聊天 ID：5151\n您的用户 ID：5151（STAFF_IDS 写 telegram:5151）");
  });

  it("tells a group's id to staff only", async () => {
    const group = -1001234;
    const stranger = new TelegramUser(emulator, { id: 6161, chatId: group, type: "supergroup", firstName: "路人" });
    await stranger.command("/id");
    await waitFor(() => emulator.botMessages(group).length === 1);
    expect(emulator.botMessages(group)[0]!.text).toBe("只有审核人员可以在群里查看 ID。");
    const staff = new TelegramUser(emulator, { id: STAFF, chatId: group, type: "supergroup", firstName: "审核员" });
    await staff.command(`/id@${EMULATED_BOT.username}`);
    await waitFor(() => emulator.botMessages(group).length === 2);
    expect(emulator.botMessages(group)[1]!.text).toBe(`本聊天 ID：${group}（REVIEW_CHATS 写 telegram:${group}）\n您的用户 ID：${STAFF}（STAFF_IDS 写 telegram:${STAFF}）`);
  });

  it("shows typing… while an answer is prepared, renewed until it is sent", async () => {
    const user = new TelegramUser(emulator, { id: 7171, chatId: 7171, type: "private", firstName: "慢问题" });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    handler.replyOverride = async (msg) => {
      await slow;
      handler.replyOverride = undefined;
      const text = `答复：${msg.text}`;
      return { toAsker: text, answer: { status: "answered", text, policies: [], awards: [], missing: [], citations: [] }, source: "template" };
    };
    await user.say("平阴的补贴");
    await waitFor(() => chatActions.some((a) => a.chatId === 7171), 5_000, "typing action");
    expect(chatActions.find((a) => a.chatId === 7171)!.action).toBe("typing");
    await waitFor(() => chatActions.filter((a) => a.chatId === 7171).length >= 2, 7_000, "renewed typing action");
    expect(emulator.botMessages(7171)).toEqual([]);
    finish();
    await waitFor(() => emulator.botMessages(7171).length === 1);
    const typedBefore = chatActions.filter((a) => a.chatId === 7171).length;
    await new Promise((r) => setTimeout(r, 5_000));
    expect(chatActions.filter((a) => a.chatId === 7171).length).toBe(typedBefore); // stopped once answered
  }, 20_000);
});
