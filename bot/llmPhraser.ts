/**
 * Optional rephrasing by an OpenAI-compatible model. The model sees the engine's results and the quotes
 * and may only reword the body of the answer. Its output must pass the number guard and keep every
 * awarded amount; on any violation, timeout or error the template text is used and the reason logged.
 * After several timeouts or errors in a row the model is skipped for a cool-down (circuit breaker).
 * The status, citation and disclaimer lines are never given to the model: they are appended verbatim.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ChatOpenAI } from "@langchain/openai";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { CircuitBreaker } from "./circuitBreaker.js";
import { numberGuard, type Grounding, type UngroundedNumber } from "./numberGuard.js";
import { findNumbers } from "./understanding/numbers.js";

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  /** Consecutive timeouts or errors after which the model is skipped (default 3). */
  breakerFailures?: number;
  /** How long it is skipped then, in milliseconds (default 60 s). */
  breakerCoolDownMs?: number;
}

/** What the model is asked to reword. */
export interface PhraseRequest {
  /** The user's message: passed as data, never as instructions. */
  question: string;
  /** The template body (amounts and conditions), which the model may reword. */
  body: string;
  /** Eligible award amounts in fen: each must still be stated after rewording. */
  amountsFen: number[];
  /** What numbers may appear: engine results, quotes, the facts the bot understood. */
  grounding: Grounding;
}

export type PhraseResult = { text: string; source: "llm" } | { text: string; source: "template"; reason: string };

export interface Phraser {
  phrase(request: PhraseRequest): Promise<PhraseResult>;
}

const SYSTEM_PROMPT = readFileSync(fileURLToPath(new URL("../prompts/rephrase.system.md", import.meta.url)), "utf8");

/** Wrap user text so that nothing in it can close the tag and pose as instructions. */
function asData(text: string): string {
  return `<user_question>${text.replace(/[<>]/g, " ")}</user_question>`;
}

/** true when every awarded amount is still stated (as the same value) in `text`. */
function keepsAmounts(text: string, amountsFen: number[]): boolean {
  const values = new Set(findNumbers(text).map((m) => Math.round(m.value * 100)));
  return amountsFen.every((fen) => values.has(fen));
}

/** A phraser backed by `ChatOpenAI`; works with any OpenAI-compatible endpoint. */
export function createLlmPhraser(config: LlmConfig, log: (line: string) => void = (l) => console.error(l)): Phraser {
  const model = new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    configuration: config.baseURL ? { baseURL: config.baseURL } : undefined,
    temperature: 0,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });
  const breaker = new CircuitBreaker({ failures: config.breakerFailures ?? 3, coolDownMs: config.breakerCoolDownMs ?? 60_000, name: "llm", log });
  return {
    async phrase(request) {
      const fallback = (reason: string): PhraseResult => {
        log(`llm: using template answer (${reason})`);
        return { text: request.body, source: "template", reason };
      };
      // While the circuit is open the template is used without a line per turn: opening was logged once.
      if (!breaker.allows()) return { text: request.body, source: "template", reason: "circuit open" };
      const payload = JSON.stringify({ 草稿: request.body }, null, 1);
      try {
        const reply = await model.invoke(
          [new SystemMessage(SYSTEM_PROMPT), new HumanMessage(`${asData(request.question)}\n${payload}`)],
          { signal: AbortSignal.timeout(config.timeoutMs) },
        );
        breaker.succeeded();
        const text = typeof reply.content === "string" ? reply.content.trim() : "";
        if (!text) return fallback("empty reply");
        // An amount shown as the asker's must be an eligible award's, not a threshold or figure copied from a quote.
        const guard = numberGuard(text, { ...request.grounding, awardAmountsFen: request.amountsFen });
        const stopped = (reason: UngroundedNumber["reason"]) => guard.ungrounded.filter((u) => u.reason === reason).map((u) => u.raw);
        if (stopped("ungrounded").length > 0) return fallback(`ungrounded numbers: ${stopped("ungrounded").join(", ")}`);
        if (stopped("not_an_award").length > 0) return fallback(`shown as the award but no eligible award's amount: ${stopped("not_an_award").join(", ")}`);
        if (!keepsAmounts(text, request.amountsFen)) return fallback("an awarded amount was dropped or changed");
        return { text, source: "llm" };
      } catch (error) {
        breaker.failed();
        const name = error instanceof Error ? error.name : "error";
        return fallback(name === "TimeoutError" || name === "AbortError" ? `timeout after ${config.timeoutMs} ms` : `${name}: ${String((error as Error)?.message ?? error).split("\n")[0]}`);
      }
    },
  };
}
