/**
 * WeChat across two logins whose room and contact ids differ (as wechat4u's do, wechaty#2030): the
 * settings and the chat-made binding name rooms by topic and staff by name, and still work after the ids
 * changed. Each login is a fresh wechaty-puppet-mock world with the same topics and names and new ids,
 * over the same DATA_DIR, as after a restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../adapters/config.js";
import { loadStaffConfig } from "../../../adapters/staff/config.js";
import { createStaffReview } from "../../../adapters/staff/startReview.js";
import { openStore } from "../../../bot/store/store.js";
import { startWechat } from "../../../adapters/wechat/startWechat.js";
import { SAMPLE_DRAFTS } from "../../bot/review/sampleDrafts.js";
import { FakeHandler } from "../support/fakeHandler.js";
import { startMockWechat } from "../support/mockWechat.js";
import { waitFor } from "../support/waitFor.js";

const dataDir = mkdtempSync(join(tmpdir(), "wechat-relogin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = {
  WECHATY_PUPPET: "mock",
  DATA_DIR: dataDir,
  WECHAT_STAFF_IDS: "运营小王",
  STAFF_IDS: "wechat:运营小王",
  WECHAT_ROOM_REGIONS: "东营商户群=东营;已解散的群=聊城",
  REVIEW_CHATS: "wechat:审核测试群",
  WECHAT_STAFF_ROOM: "审核员群",
  WECHAT_PACE_CHAT_MS: "0",
  WECHAT_PACE_GLOBAL_MS: "0",
  WECHAT_PACE_JITTER_MS: "0",
};

/** One login: a mock world with the same topics and names (new ids each time) and the channel started as `npm start` does. */
async function login(handler: FakeHandler) {
  const world = await startMockWechat();
  const staff = world.mocker.createContact({ name: "运营小王" });
  const member = world.mocker.createContact({ name: "商户老李" });
  const members = [world.botUser.id, staff.id, member.id];
  const rooms = Object.fromEntries(
    ["平阴商户群", "东营商户群", "审核测试群", "审核员群"].map((topic) => [topic, world.mocker.createRoom({ topic, memberIdList: members })]),
  );
  const lines: string[] = [];
  const log = { info: (l: string) => void lines.push(l), warn: (l: string) => void lines.push(l), error: (l: string) => void lines.push(l) };
  const store = await openStore({ dataDir });
  const review = createStaffReview(loadStaffConfig(env), store, () => {});
  const wechat = await startWechat(parseConfig(env), handler, { wechaty: world.wechaty, log, interceptors: review.extensions.wechatInterceptors });
  await review.attach({ senders: [wechat.sender], wechat });
  await waitFor(() => lines.some((l) => l.includes("after login found")), 5_000, "names resolved");
  const mention = (text: string) => `@${world.botUser.payload.name}\u2005${text}`;
  const ask = async (who: typeof staff, topic: string, text: string) => {
    const room = rooms[topic]!;
    const before = world.sent.filter((s) => s.chatId === room.id).length;
    who.say(mention(text), [world.botUser]).to(room);
    await waitFor(() => world.sent.filter((s) => s.chatId === room.id).length > before, 5_000, `reply in ${topic}`);
    return world.sent.filter((s) => s.chatId === room.id).at(-1)!.text;
  };
  return {
    world, staff, member, rooms, lines, review, ask,
    async stop() {
      await wechat.stop();
      await review.close();
      await store.close();
    },
  };
}

describe("WeChat after a re-login with new ids", () => {
  const handler = new FakeHandler();
  let firstIds: string[] = [];

  it("first login: staff named by name binds a room by chat, and the binding is kept under the room's topic", async () => {
    const first = await login(handler);
    try {
      firstIds = [first.staff.id, first.rooms["平阴商户群"]!.id];
      expect(await first.ask(first.staff, "平阴商户群", "绑定 平阴")).toContain("本群已绑定地区：平阴");
      await first.ask(first.member, "平阴商户群", "能拿多少");
      expect(handler.received.at(-1)?.defaultPolicy).toBe("pingyin-2020");
    } finally {
      await first.stop();
    }
  });

  it("second login: bindings, staff and review chats still work, and a vanished room is logged once", async () => {
    const second = await login(handler);
    try {
      expect(firstIds).not.toContain(second.staff.id);
      expect(firstIds).not.toContain(second.rooms["平阴商户群"]!.id);

      // The chat-made binding and the configured one, both by topic.
      await second.ask(second.member, "平阴商户群", "能拿多少");
      expect(handler.received.at(-1)?.defaultPolicy).toBe("pingyin-2020");
      await second.ask(second.member, "东营商户群", "有什么补贴");
      expect(handler.received.at(-1)?.defaultPolicy).toBe("dongying-2020");

      // Staff by name: may bind; a member may not.
      expect(await second.ask(second.member, "平阴商户群", "绑定 东营")).toContain("只有本群管理员");
      expect(await second.ask(second.staff, "平阴商户群", "绑定 聊城")).toContain("本群已绑定地区：聊城");

      // REVIEW_CHATS by topic: the room with its new id is reviewed once a message from it has been seen.
      const reviewed = second.rooms["审核测试群"]!.id;
      second.member.say("大家好").to(second.rooms["审核测试群"]!);
      const isReviewed = (roomId: string) => second.review.service.isReviewed("wechat", roomId);
      for (let tries = 0; !(await isReviewed(reviewed)) && tries < 100; tries++) await new Promise((r) => setTimeout(r, 20));
      expect(await isReviewed(reviewed)).toBe(true);
      expect(await isReviewed(second.rooms["平阴商户群"]!.id)).toBe(false);

      // The staff room by topic receives the draft, and staff by name approves it there.
      const draftId = await second.review.service.holdDraft(SAMPLE_DRAFTS[0]!);
      const staffRoom = second.rooms["审核员群"]!.id;
      await waitFor(() => second.world.sent.some((s) => s.chatId === staffRoom && s.text.includes(`草稿 #${draftId}`)), 5_000, "draft in the staff room");
      expect(await second.ask(second.staff, "审核员群", `通过 ${draftId}`)).toContain("已通过");
      expect(await second.ask(second.member, "审核员群", `通过 ${draftId}`)).toContain("只有审核人员可以审核草稿。");

      // A room that no longer exists: one line, and not again on the next login.
      const vanished = () => second.lines.filter((l) => l.includes('no room "已解散的群"'));
      expect(vanished()).toHaveLength(1);
      await second.world.wechaty.logout();
      const relogged = new Promise<void>((resolve) => second.world.wechaty.once("login", () => resolve()));
      second.world.mocker.login(second.world.botUser);
      await relogged;
      await waitFor(() => second.lines.filter((l) => l.includes("after login found")).length === 2, 5_000, "second resolution");
      expect(vanished()).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 30_000);
});
