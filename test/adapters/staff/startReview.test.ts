import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningChannels } from "../../../adapters/main.js";
import { loadStaffConfig } from "../../../adapters/staff/config.js";
import { createStaffReview, type ReviewChannels } from "../../../adapters/staff/startReview.js";
import { openStore } from "../../../bot/store/store.js";
import { RecordingSender } from "../../bot/review/recordingSender.js";
import { SAMPLE_DRAFTS } from "../../bot/review/sampleDrafts.js";

// Compile-time check: what startChannels returns is what attach accepts.
export const runningChannelsFit = (r: RunningChannels): ReviewChannels => r;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("staff settings", () => {
  it("reads the settings with defaults bound to 127.0.0.1", async () => {
    const c = loadStaffConfig({ STAFF_TOKEN: "张三=zhangsan-token-123456,李四=lisi-token-1234567", REVIEW_CHATS: "wechat:a@chatroom, telegram:*", REVIEW_ACK: "all" });
    expect(c).toMatchObject({ STAFF_HOST: "127.0.0.1", STAFF_PORT: 8787, REVIEW_CHATS: ["wechat:a@chatroom", "telegram:*"], REVIEW_ACK: ["*"], DATA_DIR: "data" });
    expect(c.STAFF_TOKEN).toEqual({ kind: "named", tokens: [{ name: "张三", token: "zhangsan-token-123456" }, { name: "李四", token: "lisi-token-1234567" }] });
  });

  it("names the bad setting in one line", async () => {
    expect(() => loadStaffConfig({ STAFF_PORT: "http" })).toThrow(/^STAFF_PORT: /);
    expect(() => loadStaffConfig({ STAFF_TOKEN: "short" })).toThrow(/^STAFF_TOKEN: must be at least 16 characters$/);
    expect(() => loadStaffConfig({ REVIEW_CHATS: "qq:123" })).toThrow(/^REVIEW_CHATS: expected "channel:chatId"/);
    expect(() => loadStaffConfig({ TELEGRAM_STAFF_CHAT_ID: "staff" })).toThrow(/^TELEGRAM_STAFF_CHAT_ID: /);
  });
});

describe("createStaffReview", () => {
  it("holds drafts of configured chats, forwards them to the staff room, and delivers what staff approve there", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "start-review-"));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir });
    const review = createStaffReview(loadStaffConfig({
      DATA_DIR: dir, STAFF_TOKEN: "a-long-enough-staff-token", STAFF_PORT: "0", STAFF_IDS: "wechat:wxid_staff",
      REVIEW_CHATS: "wechat:20551788@chatroom", REVIEW_ACK: "all", WECHAT_STAFF_ROOM: "staff@chatroom",
    }), store, () => {});
    try {
      const posts: [string, string][] = [];
      const sender = new RecordingSender("wechat");
      const { consoleUrl } = await review.attach({ senders: [sender], wechat: { post: async (id, text) => void posts.push([id, text]) } });
      expect((await fetch(`${consoleUrl}/login`)).status).toBe(200);

      expect(await review.service.isReviewed("wechat", "20551788@chatroom")).toBe(true);
      expect(review.service.acknowledgement("wechat", "20551788@chatroom")).toBe("已收到，工作人员核对后回复。");
      const id = await review.service.holdDraft(SAMPLE_DRAFTS[0]!);
      await new Promise((r) => setTimeout(r, 10));
      expect(posts[0]![0]).toBe("staff@chatroom");
      expect(posts[0]![1]).toContain(`草稿 #${id}`);

      const reply = await review.extensions.wechatInterceptors[0]!({ roomId: "staff@chatroom", talkerId: "wxid_staff", talkerName: "王科员", text: `通过 ${id}` });
      expect(reply).toContain("已通过");
      await review.service.deliverDue();
      expect(sender.sent.map((s) => s.text)).toEqual([SAMPLE_DRAFTS[0]!.answer.text]);
      expect(review.extensions.telegramComposers).toHaveLength(1);
    } finally {
      await review.close();
      await store.close();
    }
  });
});
