/**
 * /healthz and /metrics over real HTTP on 127.0.0.1, and the structured turn log, around the real bot,
 * the real SQLite store, the console channel, Telegram against telegram-test-api and WeChat on
 * wechaty-puppet-mock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { WechatyBuilder } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietLog } from "../../../adapters/adapterLog.js";
import { parseConfig } from "../../../adapters/config.js";
import { createPolicyBot, startChannels, type RunningChannels } from "../../../adapters/main.js";
import { Operations, type Health } from "../../../adapters/ops/operations.js";
import { startOpsServer, type OpsServer } from "../../../adapters/ops/opsServer.js";
import { startWechat } from "../../../adapters/wechat/startWechat.js";
import type { PolicyBot } from "../../../bot/policyBot.js";
import type { PolicyCatalog } from "../../../bot/policyCatalog.js";
import { openStore, type Store } from "../../../bot/store/store.js";
import { TOKEN } from "../support/telegramEmulator.js";
import { waitFor } from "../support/waitFor.js";

const QUESTION = "平阴 15万粉丝 2021年卖了120万 能拿多少？";

/** Collects pino's JSON lines. */
function logSink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return { stream, lines: () => text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

async function healthOf(server: OpsServer): Promise<{ status: number; health: Health }> {
  const { status, body } = await get(`${server.url}/healthz`);
  return { status, health: JSON.parse(body) as Health };
}

/** The value of one sample line of the Prometheus text, e.g. `huishang_turns_total{channel="console",status="answered"}`. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const dirs: string[] = [];
let bot: PolicyBot;
let catalog: PolicyCatalog;
beforeAll(async () => {
  bot = await createPolicyBot(parseConfig({ AS_OF: "2021-06-01" }), { rateLimit: false, log: () => undefined }, (opened) => (catalog = opened));
}, 120_000);
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function sqlite(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "ops-"));
  dirs.push(dir);
  return openStore({ dataDir: dir });
}

describe("the operations endpoint around the console bot", () => {
  const log = logSink();
  const input = new PassThrough();
  const output = new PassThrough();
  let reply = "";
  output.on("data", (chunk: Buffer) => (reply += chunk.toString("utf8")));
  let store: Store;
  let ops: Operations;
  let channels: RunningChannels;
  let server: OpsServer;

  beforeAll(async () => {
    store = await sqlite();
    ops = new Operations({ logLevel: "info", logTo: log.stream, draftsPending: async () => (await store.drafts.countsByState()).pending });
    ops.timeEngine(catalog);
    channels = await startChannels(parseConfig({}), ops.observe(bot), { console: { input, output }, log: quietLog, onSendFailed: ops.sendFailed });
    server = await startOpsServer({ host: "127.0.0.1", port: 0, registry: ops.metrics.registry, health: () => ops.health(channels.states(), store) });
  });
  afterAll(async () => {
    await server?.close();
    await channels?.stop();
  });

  it("answers 200 with the channel connected and logged in, no message yet, and the database up", async () => {
    const { status, health } = await healthOf(server);
    expect(status).toBe(200);
    expect(health).toEqual({ ok: true, channels: [{ channel: "console", connected: true, loggedIn: true, lastMessageAt: null }], database: { kind: "sqlite", ok: true } });
  });

  it("after a turn: its time in /healthz, and /metrics counts the turn, its status and its engine time", async () => {
    const before = Date.now();
    input.write(`${QUESTION}\n`);
    await waitFor(() => reply.includes("助手："), 30_000, "the console reply");
    const { health } = await healthOf(server);
    expect(Date.parse(health.channels[0]!.lastMessageAt!)).toBeGreaterThanOrEqual(before - 1);

    const metrics = await get(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain("text/plain");
    expect(sample(metrics.body, 'huishang_turns_total{channel="console",status="answered"}')).toBe(1);
    expect(sample(metrics.body, 'huishang_turn_duration_seconds_count{channel="console"}')).toBe(1);
    expect(sample(metrics.body, "huishang_engine_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.body, "huishang_drafts_pending")).toBe(0);
    expect(metrics.body).toContain("# TYPE huishang_sends_failed_total counter");
    expect(metrics.body).toContain("huishang_process_resident_memory_bytes");
  });

  it("logs the turn as one JSON line: channel, chat, status, provisions, duration, and no message text", () => {
    const turns = log.lines().filter((line) => line.msg === "turn");
    expect(turns).toHaveLength(1);
    const [turn] = turns;
    expect(turn).toMatchObject({ level: 30, channel: "console", chat: "console", status: "answered" });
    expect(turn!.provisions).toEqual(expect.arrayContaining([expect.stringMatching(/^pingyin-2020:/)]));
    expect(turn!.durationMs).toBeGreaterThan(0);
    expect(turn).not.toHaveProperty("text");
    expect(JSON.stringify(turn)).not.toContain("120万");
  });

  it("answers 503 when the channel's input has ended, and when the database is gone", async () => {
    input.end();
    await channels.consoleClosed;
    const ended = await healthOf(server);
    expect(ended.status).toBe(503);
    expect(ended.health.channels[0]).toMatchObject({ connected: false, loggedIn: false });
    await store.close();
    const down = await healthOf(server);
    expect(down.status).toBe(503);
    expect(down.health.database.ok).toBe(false);
    expect(down.health.database.error).toBeTruthy();
  });
});

describe("LOG_TEXT", () => {
  it("puts the asker's text into the turn line only when switched on", async () => {
    for (const logText of [false, true]) {
      const log = logSink();
      const ops = new Operations({ logLevel: "info", logTo: log.stream, logText });
      await ops.observe(bot).handle({ channel: "telegram", chatId: "-100", userId: "7", text: QUESTION, isPrivate: false });
      const [turn] = log.lines();
      expect(turn!.text).toBe(logText ? QUESTION : undefined);
    }
  });

  it("writes no turn line above level info", async () => {
    const log = logSink();
    const ops = new Operations({ logLevel: "warn", logTo: log.stream });
    await ops.observe(bot).handle({ channel: "telegram", chatId: "-100", userId: "8", text: QUESTION, isPrivate: false });
    expect(log.lines()).toEqual([]);
  });
});

describe("channel states", () => {
  it("WeChat: 503 until the account is logged in, then 200", async () => {
    const store = await sqlite();
    const ops = new Operations({ logLevel: "silent" });
    const mocker = new mock.Mocker();
    const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }), name: `ops-${process.pid}-${Date.now()}` });
    const config = parseConfig({ WECHATY_PUPPET: "mock", DATA_DIR: dirs[dirs.length - 1]! });
    const wechat = await startWechat(config, ops.observe(bot), { wechaty, log: quietLog, printQr: () => undefined });
    const server = await startOpsServer({ host: "127.0.0.1", port: 0, registry: ops.metrics.registry, health: () => ops.health([{ channel: "wechat", ...wechat.state() }], store) });
    try {
      await wechat.ready;
      const waiting = await healthOf(server);
      expect(waiting.status).toBe(503);
      expect(waiting.health.channels).toEqual([{ channel: "wechat", connected: true, loggedIn: false, lastMessageAt: null }]);
      const loggedIn = new Promise<void>((resolve) => wechaty.once("login", () => resolve()));
      mocker.login(mocker.createContact({ name: "惠商小助手" }));
      await loggedIn;
      expect((await healthOf(server)).status).toBe(200);
    } finally {
      await server.close();
      await wechat.stop();
      await store.close();
    }
  }, 60_000);

  it("Telegram: replies the Bot API refuses (bot blocked) are counted in huishang_sends_failed_total", async () => {
    // A loopback Bot API whose users have all blocked the bot: one message arrives, every send gets 403.
    let delivered = false;
    const api = createHttpServer((request, response) => {
      const method = request.url!.split("/").pop();
      const ok = (result: unknown) => response.end(JSON.stringify({ ok: true, result }));
      if (method === "getMe") return ok({ id: 666, is_bot: true, first_name: "惠商", username: "HuishangBot" });
      if (method === "getUpdates") {
        const updates = delivered ? [] : [{ update_id: 1, message: { message_id: 5, date: Math.floor(Date.now() / 1000), chat: { id: 31, type: "private" }, from: { id: 31, is_bot: false, first_name: "商户" }, text: QUESTION } }];
        delivered = true;
        return void setTimeout(() => ok(updates), updates.length ? 0 : 200);
      }
      if (method === "sendMessage") return response.end(JSON.stringify({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }));
      ok(true);
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const ops = new Operations({ logLevel: "silent" });
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, TELEGRAM_THROTTLE: "false" });
    const channels = await startChannels(config, ops.observe(bot), { log: quietLog, onSendFailed: ops.sendFailed });
    const failed = async () => sample(await ops.metrics.registry.metrics(), 'huishang_sends_failed_total{channel="telegram"}');
    try {
      expect(channels.states()).toEqual([{ channel: "telegram", connected: true, loggedIn: true }]);
      await waitFor(async () => (await failed()) === 1, 30_000, "the refused answer counted");
      await expect(channels.senders[0]!.sendReply("31", "审核通过的回答", { userId: "31" })).rejects.toThrow(/blocked/);
      expect(await failed()).toBe(2);
    } finally {
      await channels.stop();
      api.closeAllConnections();
      api.close();
    }
  }, 60_000);
});

describe("startOpsServer", () => {
  it("names HEALTH_PORT in one line when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    const ops = new Operations({ logLevel: "silent" });
    try {
      await expect(startOpsServer({ host: "127.0.0.1", port, registry: ops.metrics.registry, health: () => ops.health([], { kind: "sqlite", ping: async () => undefined }) })).rejects.toThrow(
        new RegExp(`^Bad setting HEALTH_PORT: cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\)`),
      );
    } finally {
      taken.close();
    }
  });
});
