/**
 * Review mode seen from the asker's chat, in every channel: the real PolicyBot and ReviewService (SQLite)
 * behind the real adapters (wechaty-puppet-mock, grammY on telegram-test-api, the console). Until staff
 * decide, the asker receives the acknowledgement or nothing, never the draft; afterwards exactly what
 * staff approved (or their rejection notice).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietLog } from "../../adapters/adapterLog.js";
import type { ChannelSender } from "../../bot/review/channelSender.js";
import { parseConfig } from "../../adapters/config.js";
import { runConsole } from "../../adapters/console.js";
import { startTelegram, type RunningTelegram } from "../../adapters/telegram/startTelegram.js";
import { createTelegramBot, telegramSender } from "../../adapters/telegram/telegramBot.js";
import { JsonRoomRegionStore } from "../../adapters/wechat/roomRegions.js";
import { startWechat, type RunningWechat } from "../../adapters/wechat/startWechat.js";
import { PolicyBot } from "../../bot/policyBot.js";
import { PolicyCatalog } from "../../bot/policyCatalog.js";
import { DEFAULT_ACK_TEXT, ReviewService } from "../../bot/review/reviewService.js";
import { openDatabase } from "../../bot/store/database.js";
import { sqliteStore, type Store } from "../../bot/store/store.js";
import { startMockWechat, type MockWechat } from "./support/mockWechat.js";
import { AWARD_QUESTION } from "./support/policyAnswers.js";
import { TOKEN, TelegramUser, startEmulator, type Emulator } from "./support/telegramEmulator.js";
import { waitFor } from "./support/waitFor.js";

const STAFF = { name: "王科员", via: "console" as const };
const NOTICE = "您的问题需要进一步核实，工作人员会电话联系您。";

/** What staff do with the draft, and what the asker's chat must show afterwards (after what it showed before). */
const DECISIONS = {
  approve: (s: ReviewService, id: number) => s.approve(id, STAFF),
  edit: async (s: ReviewService, id: number) => s.approve(id, STAFF, `经工作人员核对：\n${(await s.getDraft(id))!.draftText}`),
  rejectWithNotice: (s: ReviewService, id: number) => s.reject(id, STAFF, { notifyText: NOTICE }),
  rejectSilently: (s: ReviewService, id: number) => s.reject(id, STAFF),
};
type DecisionName = keyof typeof DECISIONS;
const expectedAfter = (decision: DecisionName, draftText: string): string[] =>
  ({ approve: [draftText], edit: [`经工作人员核对：\n${draftText}`], rejectWithNotice: [NOTICE], rejectSilently: [] })[decision];

/** Every pair of acknowledgement setting and decision a test runs through. */
const CASES: { ack: boolean; decision: DecisionName }[] = [
  { ack: true, decision: "approve" },
  { ack: true, decision: "edit" },
  { ack: true, decision: "rejectWithNotice" },
  { ack: false, decision: "approve" },
  { ack: false, decision: "rejectSilently" },
];

let catalog: PolicyCatalog;
const dirs: string[] = [];
beforeAll(async () => {
  catalog = await PolicyCatalog.open();
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function openReviewStore(): Store {
  const dir = mkdtempSync(path.join(tmpdir(), "review-mode-"));
  dirs.push(dir);
  return sqliteStore(openDatabase({ dataDir: dir }));
}

/**
 * Ask in a reviewed chat, check what the asker got before the decision, decide, and check what the asker
 * got after. `received` reads the asker's chat as the channel shows it (without @-mention or quote).
 */
async function runCase(
  service: ReviewService,
  ack: boolean,
  decision: DecisionName,
  ask: () => Promise<void>,
  received: () => string[],
): Promise<void> {
  const before = (await service.listDrafts()).length;
  await ask();
  await waitFor(async () => (await service.listDrafts()).length === before + 1, 15_000, "the draft");
  await new Promise((resolve) => setTimeout(resolve, 300)); // anything the adapter would post has been posted
  const draft = (await service.listDrafts())[0]!;
  expect(draft.draftText).toContain("2万"); // the amount is in the draft, held for staff …
  const whileHeld = ack ? [DEFAULT_ACK_TEXT] : [];
  expect(received()).toEqual(whileHeld); // … and the asker has the acknowledgement or nothing

  expect((await DECISIONS[decision](service, draft.id)).ok).toBe(true);
  const after = [...whileHeld, ...expectedAfter(decision, draft.draftText)];
  await waitFor(() => received().length >= after.length, 10_000, "the delivery");
  await service.deliverDue();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(received()).toEqual(after);
}

describe("review mode in WeChat (wechaty-puppet-mock): what the asker's chat receives", () => {
  let env: MockWechat;
  let wechat: RunningWechat;
  let service: ReviewService;
  let askers: ReturnType<MockWechat["mocker"]["createContacts"]>;

  beforeAll(async () => {
    env = await startMockWechat();
    askers = env.mocker.createContacts(CASES.length);
    service = new ReviewService({
      store: openReviewStore(),
      reviewChats: ["wechat:*"],
      ackChats: CASES.flatMap((c, i) => (c.ack ? [`wechat:${askers[i]!.id}`] : [])),
      log: () => undefined,
    });
    const config = parseConfig({ WECHATY_PUPPET: "wechaty-puppet-mock", WECHAT_PACE_CHAT_MS: "0", WECHAT_PACE_GLOBAL_MS: "0", WECHAT_PACE_JITTER_MS: "0" });
    const handler = await PolicyBot.create({ catalog, review: service, log: () => undefined });
    wechat = await startWechat(config, handler, { wechaty: env.wechaty, log: quietLog, roomRegions: new JsonRoomRegionStore({}), printQr: () => undefined });
    await wechat.ready;
    service.registerSender(wechat.sender);
  });

  afterAll(async () => {
    await service?.close();
    await wechat?.stop();
  });

  CASES.forEach(({ ack, decision }, i) => {
    it(`acknowledgement ${ack ? "on" : "off"}, ${decision}: nothing but the ${ack ? "acknowledgement" : "silence"} before, exactly the decision after`, async () => {
      const asker = askers[i]!;
      const received = () => env.sent.filter((s) => s.chatId === asker.id).map((s) => s.text);
      await runCase(service, ack, decision, async () => void asker.say(AWARD_QUESTION).to(env.botUser), received);
    });
  });
});

describe("review mode in Telegram (telegram-test-api): what the asker's chat receives", () => {
  let emulator: Emulator;
  let bot: Bot;
  let running: RunningTelegram;
  let service: ReviewService;
  const chatIds = CASES.map((_, i) => 7_100 + i);

  beforeAll(async () => {
    emulator = await startEmulator();
    service = new ReviewService({
      store: openReviewStore(),
      reviewChats: ["telegram:*"],
      ackChats: CASES.flatMap((c, i) => (c.ack ? [`telegram:${chatIds[i]}`] : [])),
      log: () => undefined,
    });
    const handler = await PolicyBot.create({ catalog, review: service, log: () => undefined });
    bot = createTelegramBot({ token: TOKEN, handler, apiRoot: emulator.apiRoot, throttle: false, log: quietLog });
    running = await startTelegram(bot, { registerCommands: false, polling: { speedTrafficBalance: 1, maxDelayMilliseconds: 20 }, log: quietLog });
    service.registerSender(telegramSender(bot.api));
  });

  afterAll(async () => {
    await service?.close();
    await running?.stop();
    await emulator?.stop();
  });

  CASES.forEach(({ ack, decision }, i) => {
    it(`acknowledgement ${ack ? "on" : "off"}, ${decision}: nothing but the ${ack ? "acknowledgement" : "silence"} before, exactly the decision after`, async () => {
      const id = chatIds[i]!;
      const user = new TelegramUser(emulator, { id, chatId: id, type: "private", firstName: `商户${id}` });
      const received = () => emulator.botMessages(id).map((m) => m.text);
      await runCase(service, ack, decision, () => user.say(AWARD_QUESTION), received);
    });
  });
});

describe("review mode in the console: what the console session prints", () => {
  CASES.forEach(({ ack, decision }) => {
    it(`acknowledgement ${ack ? "on" : "off"}, ${decision}: nothing but the ${ack ? "acknowledgement" : "silence"} before, exactly the decision after`, async () => {
      const service = new ReviewService({ store: openReviewStore(), reviewChats: ["console:*"], ackChats: ack ? ["console:*"] : [], log: () => undefined });
      const handler = await PolicyBot.create({ catalog, review: service, log: () => undefined });
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = "";
      output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
      const chat = runConsole(handler, { input, output, prompt: false });
      service.registerSender(chat.sender as ChannelSender);
      // Each reply is printed as one "助手：" block; the banner comes first.
      const received = () => printed.split(/^助手：/m).slice(1).map((block) => block.replace(/\n$/, ""));
      try {
        await runCase(service, ack, decision, async () => void input.write(`${AWARD_QUESTION}\n`), received);
      } finally {
        input.end();
        await chat.closed;
        await service.close();
      }
    });
  });
});
