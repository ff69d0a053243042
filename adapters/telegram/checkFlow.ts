/**
 * `/check`, the guided eligibility check, and `/region`. Buttons choose the region and the applicant
 * type; the choices are stored with `handler.remember`, and then the ordinary pipeline takes over with
 * a plain question, so the bot itself asks for the numbers it still needs and the check ends in the
 * same answer as a typed question. Callback data carries the choices, so a restart loses nothing.
 */
import { Composer, InlineKeyboard, type Context } from "grammy";
import type { ConversationHandler } from "../../bot/message.js";
import { ENTITY_TYPES, type EntityType } from "../../rules/facts.js";
import { listRegionNames, resolveRegion, type Region } from "../regionName.js";
import { sessionKey } from "./sessionKey.js";

/** Applicant types offered as buttons: the ones merchants and livestreamers ask about most. */
const CHECK_ROLES: readonly EntityType[] = ["influencer", "company", "onlineShop", "individual", "cooperative", "park", "town", "village"];

/**
 * The question the check hands to the pipeline once region and role are known: what the user would
 * have typed, so the bot asks for exactly the numbers that role's provisions need.
 */
export function checkQuestion(role: EntityType): string {
  return `我是${ENTITY_TYPES[role]}，能拿多少奖励？`;
}

/** Answer a question through the normal pipeline (provided by the bot that installs this flow). */
export type AskPipeline = (ctx: Context, text: string) => Promise<void>;

function regionKeyboard(regions: readonly Region[], prefix: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  regions.forEach((region, i) => {
    keyboard.text(region.name, `${prefix}${region.id}`);
    if (i % 3 === 2) keyboard.row();
  });
  return keyboard;
}

function roleKeyboard(policyId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  CHECK_ROLES.forEach((role, i) => {
    keyboard.text(ENTITY_TYPES[role], `check:e:${policyId}:${role}`);
    if (i % 3 === 2) keyboard.row();
  });
  return keyboard;
}

const isRole = (value: string): value is EntityType => (CHECK_ROLES as readonly string[]).includes(value);

/** The `/check` and `/region` commands and their buttons. */
export function checkFlow(handler: ConversationHandler, ask: AskPipeline): Composer<Context> {
  const flow = new Composer<Context>();
  const regionById = (id: string) => handler.regions().find((r) => r.id === id);

  flow.command("check", (ctx) =>
    ctx.reply("资格自测 第1步：请选择您所在的地区。", { reply_markup: regionKeyboard(handler.regions(), "check:r:") }),
  );

  flow.callbackQuery(/^check:r:(.+)$/, async (ctx) => {
    const region = regionById(ctx.match[1]!);
    if (!region) return ctx.answerCallbackQuery({ text: "这个选项已失效，请重新发送 /check。" });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`资格自测\n地区：${region.name} ✓\n第2步：您是以什么身份申报？`, { reply_markup: roleKeyboard(region.id) });
  });

  flow.callbackQuery(/^check:e:([^:]+):(\w+)$/, async (ctx) => {
    const region = regionById(ctx.match[1]!);
    const role = ctx.match[2]!;
    if (!region || !isRole(role)) return ctx.answerCallbackQuery({ text: "这个选项已失效，请重新发送 /check。" });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(`资格自测\n地区：${region.name} ✓\n身份：${ENTITY_TYPES[role]} ✓\n第3步：请按下面的提示补充数字。`);
    await handler.remember(sessionKey(ctx), { policyId: region.id, facts: { entityType: role } });
    await ask(ctx, checkQuestion(role));
  });

  flow.command("region", async (ctx) => {
    const regions = handler.regions();
    const typed = ctx.match.trim();
    if (typed === "") return ctx.reply("请选择您所在的地区：", { reply_markup: regionKeyboard(regions, "region:") });
    const region = resolveRegion(typed, regions);
    if (!region) return ctx.reply(`没有找到“${typed}”。可选地区：${listRegionNames(regions)}。`);
    await handler.remember(sessionKey(ctx), { policyId: region.id });
    return ctx.reply(`好的，之后按${region.name}的政策回答您。`);
  });

  flow.callbackQuery(/^region:(.+)$/, async (ctx) => {
    const region = regionById(ctx.match[1]!);
    if (!region) return ctx.answerCallbackQuery({ text: "这个选项已失效，请重新发送 /region。" });
    await handler.remember(sessionKey(ctx), { policyId: region.id });
    await ctx.answerCallbackQuery({ text: `已选择${region.name}` });
    await ctx.editMessageText(`好的，之后按${region.name}的政策回答您。`);
  });

  return flow;
}
