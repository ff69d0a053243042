/**
 * A rule staff confirm on the 政策 page answers users at once, without a restart (issue 13 item 4): the bot
 * that answered "金额正在核对" for a drafted rule computes the engine amount on the next question after
 * the confirmation, in the same process; a rejected draft stops being quoted as pending.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../bot/message.js";

// A rules folder where 平阴 has no confirmed rules, only drafts (set before the rules code loads).
const dir = mkdtempSync(join(tmpdir(), "rules-dir-"));
mkdirSync(join(dir, "policies"));
copyFileSync(new URL("../../rules/facts.yaml", import.meta.url), join(dir, "facts.yaml"));
process.env.RULES_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { draftPolicy } = await import("../../rules/draft/draftPolicy.js");
const { draftFileOf, pendingRules, writeDraftFile } = await import("../../rules/draft/draftFile.js");
const { decideDraftRule } = await import("../../rules/draft/decideDraft.js");
const { PolicyBot } = await import("../../bot/policyBot.js");
const { PolicyCatalog } = await import("../../bot/policyCatalog.js");

const TEXT = readFileSync(new URL("../../knowledge/policies/pingyin-2020.txt", import.meta.url), "utf8");
const INFLUENCER = "pingyin-2020:三/(三)/3";
const FLAGSHIP = "pingyin-2020:三/(二)/3";
const msg = (text: string, userId: string): IncomingMessage => ({ channel: "cli", chatId: userId, userId, text, isPrivate: true });

let bot: Awaited<ReturnType<typeof PolicyBot.create>>;
beforeAll(async () => {
  writeDraftFile(draftFileOf(draftPolicy("pingyin-2020", TEXT), "knowledge/policies/pingyin-2020.txt"));
  const catalog = await PolicyCatalog.open({ log: () => {} });
  bot = await PolicyBot.create({ catalog, asOf: "2021-06-01", log: () => {} });
}, 120_000);

const draftId = (clause: string) => pendingRules("pingyin-2020").find((r) => r.clause === clause)!.id;
const QUESTION = "平阴 我是带货达人 抖音粉丝15万 2021年带货卖了600万 能拿多少奖励";

describe("a rule confirmed on the 政策 page, in the running bot", () => {
  it("answers with the engine amount on the next question, no restart", async () => {
    const before = (await bot.handle(msg(QUESTION, "u1"))).answer;
    expect(before.text).toContain("金额正在核对");
    expect(before.awards).toEqual([]);

    const outcome = decideDraftRule("pingyin-2020", draftId(INFLUENCER), { action: "confirm" }, "张三", new Date("2021-06-01T08:00:00Z"));
    expect(outcome.ok).toBe(true);

    const after = (await bot.handle(msg(QUESTION, "u2"))).answer;
    expect(after.awards.find((a) => a.clause === INFLUENCER)?.amountFen, after.text).toBe(2_000_000);
    expect(after.text).not.toContain("金额正在核对");
  });

  it("stops quoting a rejected draft as pending", async () => {
    const q = "平阴 我们公司在天猫新开了旗舰店 有奖励吗";
    expect((await bot.handle(msg(q, "u3"))).answer.text).toContain("金额正在核对");
    expect(decideDraftRule("pingyin-2020", draftId(FLAGSHIP), { action: "reject" }, "张三", new Date("2021-06-01T08:05:00Z")).ok).toBe(true);
    expect((await bot.handle(msg(q, "u4"))).answer.text).not.toContain("金额正在核对");
  });
});
