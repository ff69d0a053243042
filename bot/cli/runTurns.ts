/**
 * Runs conversations through the same pipeline the chat channels use, in one process.
 * Shared by `ask` and `eval` so both see exactly what a chat user would.
 */
import type { Answer } from "../answer.js";
import type { PolicyBot } from "../policyBot.js";

/** Send `turns` as one user in one private chat; returns one answer per turn. */
export async function runTurns(bot: PolicyBot, conversationId: string, turns: readonly string[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const text of turns) {
    const reply = await bot.handle({ channel: "cli", chatId: conversationId, userId: conversationId, text, isPrivate: true });
    answers.push(reply.answer);
  }
  return answers;
}
