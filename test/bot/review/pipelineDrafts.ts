/**
 * Drafts exactly as the pipeline holds them in review mode: the same three merchants' questions as
 * SAMPLE_DRAFTS, answered by the real PolicyBot (engine, quotes, templates). The browser test and the
 * README screenshot use these, so staff see what the bot really drafts.
 */
import { PolicyBot } from "../../../bot/policyBot.js";
import type { DraftInput, ReviewGate } from "../../../bot/reviewGate.js";
import { SAMPLE_DRAFTS } from "./sampleDrafts.js";

export async function pipelineDrafts(): Promise<DraftInput[]> {
  const held: DraftInput[] = [];
  const gate: ReviewGate = { isReviewed: async () => true, holdDraft: async (d) => held.push(d), acknowledgement: () => null };
  const bot = await PolicyBot.create({ review: gate, asOf: "2026-11-23", rateLimit: false, log: () => {} });
  for (const sample of SAMPLE_DRAFTS) await bot.handle(sample.message);
  await bot.close();
  return held.map((d) => ({ ...d, answer: { ...d.answer, status: "answered" } }));
}
