/**
 * The role-aware number guard on the model's rewording, through the real pipeline (engine, quotes,
 * templates) with the model on the loopback fake server. Every bad rewording below copies its wrong
 * number from the quoted clause or the user's words, so a value-only guard lets it through; a number
 * presented as the asker's award must be the amount of an eligible award in this answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmPhraser } from "../../bot/llmPhraser.js";
import type { IncomingMessage } from "../../bot/message.js";
import { numberGuard } from "../../bot/numberGuard.js";
import { PolicyBot } from "../../bot/policyBot.js";
import { PolicyCatalog } from "../../bot/policyCatalog.js";
import { startFakeOpenAi, type FakeOpenAi } from "./support/fakeOpenAiServer.js";

const PINGYIN = "平阴 15万粉丝 2021年卖了120万 能拿多少奖励";
const DONGYING_RANK = "东营 企业 2021年网络零售额9000万 全市排名第2 能拿多少";
const DONGYING_TWO = "东营 企业 2021年网络零售额9000万 全市排名第2 卖农副产品 能拿多少";

let fake: FakeOpenAi;
let modelBot: PolicyBot;
let templateBot: PolicyBot;
const logs: string[] = [];
let turn = 0;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const catalog = await PolicyCatalog.open();
  const phraser = createLlmPhraser({ apiKey: "test-key", baseURL: fake.baseURL, model: "fake-model", timeoutMs: 5_000 }, (line) => logs.push(line));
  modelBot = await PolicyBot.create({ catalog, phraser, asOf: "2021-06-01", rateLimit: false, log: () => undefined });
  templateBot = await PolicyBot.create({ catalog, asOf: "2021-06-01", rateLimit: false, log: () => undefined });
});
afterAll(async () => {
  await fake.close();
});

const msg = (text: string): IncomingMessage => ({ channel: "cli", chatId: `c${++turn}`, userId: `u${turn}`, text, isPrivate: true });

/** Ask with the model replying `rewording`; returns what the asker gets and what the template says. */
async function ask(question: string, rewording: string) {
  fake.behaviour = { reply: rewording };
  const withModel = await modelBot.handle(msg(question));
  const template = await templateBot.handle(msg(question));
  return { withModel, template };
}

/** The rewording passes the value-only guard: every number in it is grounded somewhere. */
function groundedByValue(text: string, reply: Awaited<ReturnType<typeof ask>>["template"]): boolean {
  const a = reply.answer;
  return numberGuard(text, {
    userTexts: [PINGYIN, DONGYING_RANK, DONGYING_TWO],
    quotes: a.citations.map((c) => c.quote),
    amountsFen: a.awards.flatMap((x) => (x.amountFen === null ? [] : [x.amountFen])),
    extraTexts: a.awards.flatMap((x) => [...x.trace, ...x.conditions]),
  }).ok;
}

describe("role-aware number guard on the model's rewording (fake model server)", () => {
  it("sends a faithful rewording that states the engine's amount as the award", async () => {
    const rewording = "平阴这边，带货达人线上销售奖励你最高可以拿2万元。你有15万粉丝、年网络零售额120万元，达到了10万粉丝且100万元以上的条件。";
    const { withModel } = await ask(PINGYIN, rewording);
    expect(withModel.source).toBe("llm");
    expect(withModel.toAsker).toContain(rewording);
  });

  const cases = [
    { what: "a threshold shown as the award", question: PINGYIN, rewording: "平阴：带货达人线上销售奖励最高2万元，年网络零售额过了门槛的达人最高奖励100万元。", wrong: "100万元" },
    { what: "the user's sales shown as the award", question: PINGYIN, rewording: "平阴：按带货达人线上销售奖励（最高2万元），你可以拿120万元奖励。", wrong: "120万元" },
    { what: "a rank's amount from the quote shown as the asker's amount", question: DONGYING_RANK, rewording: "东营：电子商务龙头企业奖励30万元。你排名靠前，可得50万元。", wrong: "50万元" },
    { what: "the sum of two awards where only one is eligible", question: DONGYING_TWO, rewording: "东营：电子商务龙头企业奖励30万元，再加上农副产品这一项，两项共计50万元。", wrong: "50万元" },
  ];
  for (const c of cases) {
    it(`falls back to the template for ${c.what}`, async () => {
      const { withModel, template } = await ask(c.question, c.rewording);
      expect(groundedByValue(c.rewording, template)).toBe(true); // the old, value-only guard would have sent it
      expect(withModel.source).toBe("template");
      expect(withModel.toAsker).toBe(template.toAsker);
      expect(withModel.toAsker).not.toContain(c.rewording);
      expect(logs.at(-1)).toContain(`shown as the award but no eligible award's amount: ${c.wrong}`);
    });
  }
});
