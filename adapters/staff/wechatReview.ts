/**
 * Approval from a WeChat staff room by command: "通过 12", "驳回 12 [原因]", "修改 12 新文本",
 * "确认修改 12" (override an edit the number guard stopped), "待审核" (list). In any other room a staff
 * member may send "开启审核" / "关闭审核" to switch that room's review mode. Only STAFF_IDS may act.
 *
 * Wiring (WeChat adapter): for each incoming message call `handler.handle({...})` first; when it returns
 * text, say it in that room and do not pass the message to the bot. Call
 * `handler.forwardDrafts((text) => staffRoom.say(text))` once the staff room is found.
 */
import type { Draft } from "../../bot/review/draftStore.js";
import type { ReviewService, StaffIdentity } from "../../bot/review/reviewService.js";
import { isStaffId } from "./config.js";
import { draftNoticeText } from "./draftNotice.js";

export interface WechatReviewOptions {
  service: ReviewService;
  /** The channel whose rooms these are: WeChat (default) or WeCom, which takes the same text commands. */
  channel?: "wechat" | "wecom";
  staffIds: readonly string[];
  /** WECHAT_STAFF_ROOM (or WECOM_STAFF_CHAT_ID): the room's id or its exact topic. */
  staffRoom?: string;
}

/** A room message reduced to what the review commands need. */
export interface WechatStaffMessage {
  /** Room id; undefined for a private chat. */
  roomId?: string;
  roomTopic?: string;
  talkerId: string;
  talkerName?: string;
  /** The text with any @bot mention removed. */
  text: string;
  /** Whether a STAFF_IDS entry (an alias or name rather than an id) names this talker; ids are compared directly. */
  talkerIs?: (ref: string) => boolean;
}

export interface WechatReviewHandler {
  /** The reply to a review command, or null when the message is not one (the bot handles it). */
  handle(msg: WechatStaffMessage): Promise<string | null>;
  /** true for the configured staff room. */
  isStaffRoom(roomId: string | undefined, topic?: string): boolean;
  /** Post each new draft with `say` (the staff room). Returns the unsubscribe function. */
  forwardDrafts(say: (text: string) => Promise<unknown>): () => void;
}

const FOOTER = "回复「通过 编号」「驳回 编号」或「修改 编号 新文本」。";
const REFUSAL = "只有审核人员可以审核草稿。";
// NFKC turns full-width digits and spaces (１２, 　) into ASCII, as phones often type them.
const COMMAND = /^(通过|驳回|修改|确认修改)\s*#?(\d+)(?:\s+([\s\S]*))?$/;

/** The STAFF_IDS entries that may name someone on `channel`: "channel:<ref>" and bare entries. */
function staffRefs(staffIds: readonly string[], channel: string): string[] {
  return staffIds.flatMap((entry) => (entry.startsWith(`${channel}:`) ? [entry.slice(channel.length + 1)] : entry.includes(":") ? [] : [entry]));
}

/** The WeChat review command handler. */
export function createWechatReviewHandler(options: WechatReviewOptions): WechatReviewHandler {
  const { service, staffIds } = options;
  const channel = options.channel ?? "wechat";
  const isStaffRoom = (roomId: string | undefined, topic?: string) =>
    options.staffRoom !== undefined && (roomId === options.staffRoom || (topic !== undefined && topic === options.staffRoom));

  async function handle(msg: WechatStaffMessage): Promise<string | null> {
    const text = msg.text.trim();
    const head = text.normalize("NFKC");
    const staff: StaffIdentity = { name: msg.talkerName || msg.talkerId, via: channel, id: msg.talkerId };
    const allowed = isStaffId(staffIds, channel, msg.talkerId) || (msg.talkerIs !== undefined && staffRefs(staffIds, channel).some(msg.talkerIs));
    // REVIEW_CHATS may name a room by topic: the room's id changes on a WeChat re-login, its topic does not.
    if (msg.roomId) service.noteChat(channel, msg.roomId, msg.roomTopic);

    if (msg.roomId && !isStaffRoom(msg.roomId, msg.roomTopic)) {
      if (head !== "开启审核" && head !== "关闭审核") return null;
      if (!allowed) return "只有审核人员可以设置审核模式。";
      await service.setReviewMode(channel, msg.roomId, head === "开启审核" ? "review" : "off", staff);
      return head === "开启审核" ? "本群已开启审核模式：答复经工作人员核对后发出。" : "本群已关闭审核模式：答复直接发出。";
    }
    if (!isStaffRoom(msg.roomId, msg.roomTopic)) return null;

    if (head === "待审核") {
      if (!allowed) return REFUSAL;
      const pending = await service.listDrafts({ state: "pending", limit: 20 });
      if (pending.length === 0) return "没有待审核的草稿。";
      return ["待审核草稿：", ...pending.map((d) => `#${d.id} ${d.question.slice(0, 30)}`)].join("\n");
    }
    // Only the command word and number are normalised; the edited text is kept exactly as typed.
    const m = COMMAND.exec(head);
    if (!m) return null;
    if (!allowed) return REFUSAL;
    const id = Number(m[2]);
    const rest = (COMMAND.exec(text)?.[3] ?? m[3] ?? "").trim();
    switch (m[1]) {
      case "通过":
        return (await service.approve(id, staff)).message;
      case "驳回":
        return (await service.reject(id, staff, { reason: rest || undefined })).message;
      case "确认修改":
        return (await service.confirmProposal({ draftId: id }, staff)).message;
      case "修改": {
        if (!rest) return `请在「修改 ${id}」后写出修改后的完整文本。`;
        const result = await service.approve(id, staff, rest);
        if (!result.ok && result.reason === "needs_override") return `${result.message}\n如确认无误，请发送「确认修改 ${id}」。`;
        return result.message;
      }
    }
    return null;
  }

  return {
    handle,
    isStaffRoom,
    forwardDrafts(say) {
      return service.onDraftHeld((draft: Draft) => {
        say(draftNoticeText(draft, FOOTER)).catch((error: unknown) =>
          process.stderr.write(`${channel} review: cannot forward draft #${draft.id}: ${(error as Error).message}\n`));
      });
    },
  };
}
