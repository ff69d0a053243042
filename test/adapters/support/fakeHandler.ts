/**
 * TEST DOUBLE: a ConversationHandler that understands nothing. It echoes what it received, remembers
 * each session's previous message (to prove sessions stay separate), and applies the bot's real per-user
 * rate limiter, so channel mechanics (triggers, pacing, splitting, silence) can be tested fast and
 * without the knowledge base. End-to-end tests use the real PolicyBot instead.
 */
import type { Answer } from "../../../bot/answer.js";
import type { BotReply, ConversationHandler, IncomingMessage, SessionKey } from "../../../bot/message.js";
import { RateLimiter } from "../../../bot/rateLimiter.js";
import { sessionKeyString } from "../../../bot/sessionStore.js";

export const FAKE_REGIONS = [
  { id: "pingyin-2020", name: "平阴" },
  { id: "dongying-2020", name: "东营" },
  { id: "liaocheng-2022", name: "聊城" },
];

/** Reply text prefixes, so tests can tell the kinds of reply apart. */
export const FAKE_TEXT = {
  echo: "收到",
  notice: "您发消息太快了，请稍等一会儿再问。",
  nonText: "我只能读文字消息，请用文字描述您的问题。",
  empty: "请直接输入您的问题。",
};

function answer(text: string, policies: string[] = []): Answer {
  return { status: "answered", text, policies, awards: [], missing: [], citations: [] };
}

function reply(text: string, policies: string[] = []): BotReply {
  return { toAsker: text === "" ? null : text, answer: answer(text, policies), source: "template" };
}

export class FakeHandler implements ConversationHandler {
  readonly received: IncomingMessage[] = [];
  readonly #previous = new Map<string, string>();
  readonly #remembered = new Map<string, { policyId?: string; facts?: Record<string, unknown> }>();
  readonly #limiter = new RateLimiter({ limit: 8, windowMs: 10_000 });
  /** Set to a function to make the next replies long, slow or failing. */
  replyOverride?: (msg: IncomingMessage) => Promise<BotReply> | BotReply;

  async handle(msg: IncomingMessage): Promise<BotReply> {
    this.received.push(msg);
    const key = sessionKeyString(msg);
    const decision = this.#limiter.check(key);
    if (decision === "drop") return reply("");
    if (decision === "notice") return reply(FAKE_TEXT.notice);
    if (this.replyOverride) return this.replyOverride(msg);
    if (msg.kind === "non_text") return reply(FAKE_TEXT.nonText);
    if (msg.text.trim() === "") return reply(FAKE_TEXT.empty);
    const previous = this.#previous.get(key);
    this.#previous.set(key, msg.text);
    const region = this.#remembered.get(key)?.policyId ?? msg.defaultPolicy ?? "无地区";
    const lines = [`${FAKE_TEXT.echo}[${region}]：${[...msg.text].slice(0, 40).join("")}`];
    if (previous !== undefined) lines.push(`上一句：${[...previous].slice(0, 40).join("")}`);
    return reply(lines.join("\n"), [region]);
  }

  async describeFacts(key: SessionKey): Promise<string> {
    const remembered = this.#remembered.get(sessionKeyString(key));
    if (!remembered) return "我还没有记住关于你的信息。";
    return [remembered.policyId && `地区：${remembered.policyId}`, ...Object.entries(remembered.facts ?? {}).map(([k, v]) => `${k}：${String(v)}`)]
      .filter(Boolean)
      .join("\n");
  }

  async reset(key: SessionKey): Promise<string> {
    this.#previous.delete(sessionKeyString(key));
    this.#remembered.delete(sessionKeyString(key));
    return "已清除你在这里的对话记录，我们重新开始。";
  }

  async remember(key: SessionKey, update: { policyId?: string; facts?: Record<string, unknown> }): Promise<void> {
    const current = this.#remembered.get(sessionKeyString(key)) ?? {};
    this.#remembered.set(sessionKeyString(key), {
      policyId: update.policyId ?? current.policyId,
      facts: { ...current.facts, ...update.facts },
    });
  }

  helpText(): string {
    return "我可以回答平阴、东营、聊城的电商扶持政策问题。（测试替身）";
  }

  regions(): { id: string; name: string }[] {
    return FAKE_REGIONS;
  }
}
