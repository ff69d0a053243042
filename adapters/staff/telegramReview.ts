/**
 * Approval from Telegram: new drafts are posted to the staff group with buttons 通过 / 驳回 / 修改;
 * 修改 asks for a reply with the new text. Staff may also switch a group's review mode with
 * `/review on|off` in that group. Only STAFF_IDS may act; anyone else gets a refusal.
 *
 * Wiring (Telegram adapter): `bot.use(createTelegramReviewComposer({ service, staffIds, staffChatId }))`
 * before the bot's own handlers, and `forwardDraftsToTelegram(bot.api, service, staffChatId)` once.
 */
import { Composer, InlineKeyboard, type Api, type Context } from "grammy";
import type { Draft } from "../../bot/review/draftStore.js";
import type { DecisionResult, ReviewService, StaffIdentity } from "../../bot/review/reviewService.js";
import { isStaffId } from "./config.js";
import { draftIdFromNotice, draftNoticeText } from "./draftNotice.js";

export interface TelegramReviewOptions {
  service: ReviewService;
  /** STAFF_IDS: "telegram:<user id>" or bare ids. */
  staffIds: readonly string[];
  /** TELEGRAM_STAFF_CHAT_ID; edits by reply are accepted only there. */
  staffChatId?: string;
}

const REFUSAL = "只有审核人员可以审核草稿。";
const FOOTER = "点按钮审核；修改请点「修改」后回复新文本。";

function draftKeyboard(id: number): InlineKeyboard {
  return new InlineKeyboard().text("通过", `rv:a:${id}`).text("驳回", `rv:r:${id}`).text("修改", `rv:e:${id}`);
}

function staffOf(ctx: Context): StaffIdentity {
  const f = ctx.from!;
  const name = [f.first_name, f.last_name].filter(Boolean).join(" ") || f.username || String(f.id);
  return { name, via: "telegram", id: String(f.id) };
}

/** Post each new draft to the staff group with its buttons. Returns the unsubscribe function. */
export function forwardDraftsToTelegram(api: Api, service: ReviewService, staffChatId: string): () => void {
  return service.onDraftHeld((draft: Draft) => {
    api.sendMessage(staffChatId, draftNoticeText(draft, FOOTER), { reply_markup: draftKeyboard(draft.id) })
      .catch((error: unknown) => process.stderr.write(`telegram review: cannot forward draft #${draft.id}: ${(error as Error).message}\n`));
  });
}

const short = (s: string) => (s.length > 190 ? `${s.slice(0, 190)}…` : s);

/** The grammY middleware: callbacks of the draft buttons, replies-to-edit, and /review on|off. */
export function createTelegramReviewComposer(options: TelegramReviewOptions): Composer<Context> {
  const { service, staffIds } = options;
  const composer = new Composer<Context>();
  const isStaff = (ctx: Context) => ctx.from !== undefined && isStaffId(staffIds, "telegram", String(ctx.from.id));

  /** After a decision that took effect (or was already taken), drop the buttons and say who decided. */
  async function settle(ctx: Context, result: DecisionResult) {
    if (result.ok || result.reason === "already_decided") {
      const d = result.draft;
      const line = `\n\n【${d.state === "rejected" ? "已驳回" : "已通过"}】${d.decidedBy ?? ""}`;
      const text = ctx.callbackQuery?.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : undefined;
      await (text ? ctx.editMessageText(`${text}${line}`.slice(0, 4096)) : ctx.editMessageReplyMarkup()).catch(() => undefined);
    }
  }

  // Groups the bot sees are listed on the console's 审核群聊 page, by title.
  composer.use((ctx, next) => {
    const chat = ctx.chat;
    if (chat && chat.type !== "private") service.noteChat("telegram", String(chat.id), "title" in chat ? chat.title : undefined);
    return next();
  });

  composer.callbackQuery(/^rv:([are]):(\d+)$/, async (ctx) => {
    if (!isStaff(ctx)) return ctx.answerCallbackQuery({ text: REFUSAL, show_alert: true });
    const op = ctx.match[1];
    const id = Number(ctx.match[2]);
    if (op === "e") {
      await ctx.answerCallbackQuery();
      await ctx.reply(`修改草稿 #${id}：请回复本条消息，写出修改后的完整文本（将替换原草稿发送）。`, { reply_markup: { force_reply: true } });
      return;
    }
    const result = op === "a" ? await service.approve(id, staffOf(ctx)) : await service.reject(id, staffOf(ctx), { reason: "Telegram 驳回" });
    await ctx.answerCallbackQuery({ text: short(result.message), show_alert: !result.ok });
    await settle(ctx, result);
  });

  // 确认覆盖: the author confirms an edit whose numbers the guard could not ground.
  composer.callbackQuery(/^rv:o:(\d+)$/, async (ctx) => {
    if (!isStaff(ctx)) return ctx.answerCallbackQuery({ text: REFUSAL, show_alert: true });
    const result = await service.confirmProposal({ proposalId: Number(ctx.match[1]) }, staffOf(ctx));
    await ctx.answerCallbackQuery({ text: short(result.message), show_alert: !result.ok });
    if (result.ok || result.reason === "already_decided") await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  composer.command("review", async (ctx, next) => {
    if (ctx.chat.type === "private") return next();
    if (!isStaff(ctx)) return ctx.reply("只有审核人员可以设置审核模式。");
    const arg = ctx.match.trim().toLowerCase();
    const chatId = String(ctx.chat.id);
    if (arg === "on" || arg === "off") await service.setReviewMode("telegram", chatId, arg === "on" ? "review" : "off", staffOf(ctx));
    else if (arg) return ctx.reply("用法：/review on 开启审核，/review off 关闭审核。");
    const { mode } = await service.reviewMode("telegram", chatId);
    return ctx.reply(mode === "review" ? "本群处于审核模式：答复经工作人员核对后发出。" : "本群未开启审核：答复直接发出。");
  });

  // A reply to a draft notice or to the "修改草稿 #id" prompt, in the staff group, is the edited text.
  composer.on("message:text", async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    const id = replied?.from?.id === ctx.me.id ? draftIdFromNotice(replied.text) : undefined;
    if (id === undefined || String(ctx.chat.id) !== options.staffChatId) return next();
    if (!isStaff(ctx)) return ctx.reply(REFUSAL, { reply_parameters: { message_id: ctx.message.message_id } });
    const result = await service.approve(id, staffOf(ctx), ctx.message.text);
    const reply_parameters = { message_id: ctx.message.message_id };
    if (!result.ok && result.reason === "needs_override") {
      return ctx.reply(result.message, { reply_parameters, reply_markup: new InlineKeyboard().text("确认无误，覆盖并发送", `rv:o:${result.proposalId}`) });
    }
    return ctx.reply(result.message, { reply_parameters });
  });

  return composer;
}
