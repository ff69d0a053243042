/**
 * The text that announces a new draft in a staff chat (Telegram group or WeChat room): who asked where,
 * the question, the draft and the clauses it relies on, short enough for one chat message.
 */
import type { Draft } from "../../bot/review/draftStore.js";
import { formatReviewTime } from "../../bot/review/reviewService.js";

const CHANNEL_LABEL: Record<string, string> = { wechat: "微信", wecom: "企业微信", telegram: "Telegram", console: "控制台", cli: "命令行" };

/** A channel's name as staff read it ("企业微信" for wecom). */
export const channelLabel = (channel: string): string => CHANNEL_LABEL[channel] ?? channel;
// Telegram's limit is 4096 characters; WeChat splits long texts badly. Leave room for the footer.
const MAX_DRAFT_CHARS = 2500;

/** "草稿 #12 …" — the "#<id>" is how a reply-to-edit finds its draft again. */
export function draftNoticeText(draft: Draft, footer: string): string {
  const text = draft.draftText.length > MAX_DRAFT_CHARS ? `${draft.draftText.slice(0, MAX_DRAFT_CHARS)}…（全文见审核台）` : draft.draftText;
  const clauses = [...new Set(draft.answer.citations.map((c) => c.clause))];
  return [
    `草稿 #${draft.id} · ${channelLabel(draft.channel)} ${draft.chatId} · 提问人 ${draft.userName ?? draft.userId} · ${formatReviewTime(draft.createdAt)}`,
    `问：${draft.question}`,
    "拟答复：",
    text,
    ...(clauses.length ? [`依据：${clauses.join("；")}`] : []),
    footer,
  ].join("\n");
}

/** The number in "草稿 #12" at the start of a notice, or undefined. */
export function draftIdFromNotice(text: string | undefined): number | undefined {
  const m = /草稿 #(\d+)/.exec(text ?? "");
  return m ? Number(m[1]) : undefined;
}
