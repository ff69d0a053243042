/**
 * One WeChat bot process of the multi-process test, built as `npm start` builds it (store from DATABASE_URL,
 * staff review, shared flood control) on its own wechaty-puppet-mock account. Every process has the same
 * asker contact (wxid_zhang), as one merchant writing to two of the province's WeChat accounts would.
 * Commands from the parent over IPC: {op:"say", text, wait?, silent?} → {replies} (what the bot said to the asker,
 * once it said something and then went quiet; wait:false returns at once, silent:true expects no reply), {op:"approve", id, staff} → the decision, {op:"deliver"} →
 * replies sent, {op:"sent"} → everything the asker received after a quiet period, {op:"drafts"} → draft ids, {op:"stop"}.
 */
import { quietLog } from "../../../adapters/adapterLog.js";
import { parseConfig } from "../../../adapters/config.js";
import { createPolicyBot } from "../../../adapters/main.js";
import { loadStaffConfig } from "../../../adapters/staff/config.js";
import { createStaffReview } from "../../../adapters/staff/startReview.js";
import { startWechat } from "../../../adapters/wechat/startWechat.js";
import { openStore } from "../../../bot/store/store.js";
import { startMockWechat } from "../support/mockWechat.js";

const env = { WECHATY_PUPPET: "wechaty-puppet-mock", WECHAT_PACE_CHAT_MS: "0", WECHAT_PACE_GLOBAL_MS: "0", WECHAT_PACE_JITTER_MS: "0", ...process.env };
const config = parseConfig(env);
const store = await openStore({ databaseUrl: config.DATABASE_URL });
const review = createStaffReview(loadStaffConfig(env), store, () => {});
const bot = await createPolicyBot(config, { sessions: store.sessions, review: review.service, floodControl: store.floodControl() });
const mock = await startMockWechat();
const asker = mock.mocker.createContact({ id: "wxid_zhang", name: "张三" });
const wechat = await startWechat(config, bot, { wechaty: mock.wechaty, log: quietLog, roomBindings: store.roomBindings, interceptors: review.extensions.wechatInterceptors, printQr: () => {} });
await wechat.ready;
await review.attach({ senders: [wechat.sender] });

const toAsker = () => mock.sent.filter((s) => s.chatId === asker.id).map((s) => s.text);
async function quiet(ms = 600): Promise<void> {
  let count = -1;
  while (count !== mock.sent.length) {
    count = mock.sent.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

type Command = { op: "say"; text: string; wait?: boolean; silent?: boolean } | { op: "approve"; id: number; staff: string } | { op: "deliver" } | { op: "sent" } | { op: "drafts" } | { op: "stop" };
process.on("message", (command: Command) => {
  void (async () => {
    switch (command.op) {
      case "say": {
        const before = toAsker().length;
        asker.say(command.text).to(mock.botUser);
        if (command.wait === false) return { replies: [] };
        // Wait for the first bubble (unless silence is expected), then for the rest of the reply.
        for (const deadline = Date.now() + 30_000; !command.silent && toAsker().length === before && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
        await quiet();
        return { replies: toAsker().slice(before) };
      }
      case "approve":
        return review.service.approve(command.id, { name: command.staff, via: "console" });
      case "deliver":
        await review.service.deliverDue();
        await quiet();
        return { sent: toAsker() };
      case "drafts":
        return { ids: (await store.drafts.listDrafts()).map((d) => d.id) };
      case "sent":
        await quiet();
        return { sent: toAsker() };
      case "stop":
        await review.close();
        await wechat.stop();
        await store.close();
        return { stopped: true };
    }
  })().then(
    (result) => process.send!({ ok: true, result }, () => command.op === "stop" && process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.stack ?? error.message }),
  );
});
process.send!({ ready: true });
