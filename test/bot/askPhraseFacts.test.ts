/**
 * Enum facts read as phrases, declared only in data (issue 13 item 2): a new fact (a product certification),
 * a new value of an existing fact (an activity), a new applicant word and a new date fact's words, all written
 * into a vocabulary of a folder of its own (RULES_DIR) with rules that use them; no code change, and
 * `ask --json` reads them from chat and computes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

/** A fact no code names: which certification the products hold, the last one stated counting. */
const CERTIFICATION = `
unit: enum
label: 产品认证
aliases: [认证]
values:
  organic: 有机食品认证
  greenFood: 绿色食品认证
pick: last
words:
  organic: [有机食品认证, 有机认证]
  greenFood: [绿色食品认证, 绿标]
`;

const CLAUSE = "yeji-2017:六/18";
const QUOTE = "加强无公害农产品、绿色食品、有机食品和地理标志产品开发和保护";
const RULE_FILE = `policy: yeji-2017
rules:
  - id: organic-certification
    title: 有机食品认证奖励（测试用）
    clause: ${CLAUSE}
    quote: ${QUOTE}
    entityTypes: [ cooperative ]
    keywords: [ 有机食品认证, 认证奖励 ]
    when: { fact: certification, oneOf: [ organic ], text: 取得有机食品认证 }
    amount: 1万元
    upTo: false
  - id: cold-chain
    title: 冷链仓储奖励（测试用）
    clause: ${CLAUSE}
    quote: ${QUOTE}
    entityTypes: [ cooperative ]
    keywords: [ 冷链仓储, 冷库 ]
    when:
      all:
        - { fact: activity, oneOf: [ coldChain ], text: 建设冷链仓储 }
        - { fact: registrationDate, word: 以后, op: gte, interpretation: 含当日（测试用）, value: "2020-01-01", text: 2020年1月1日以后注册 }
    amount: 2万元
    upTo: false
`;

type Vocabulary = { facts: Record<string, Record<string, unknown> & { values?: Record<string, string>; words?: Record<string, string[]>; cues?: unknown[] }> };

let dir: string;
let answers: Record<string, Answer>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rules-dir-"));
  mkdirSync(join(dir, "policies"));
  const vocabulary = parse(readFileSync(new URL("../../rules/facts.yaml", import.meta.url), "utf8")) as Vocabulary;
  vocabulary.facts.certification = parse(CERTIFICATION);
  // A new activity, a new word for an applicant kind, new words that date a registration.
  const { activity, entityType, registrationDate } = vocabulary.facts;
  activity!.values!.coldChain = "冷链仓储设施建设";
  activity!.words!.coldChain = ["冷链仓储", "冷库"];
  entityType!.words!.cooperative!.push("家庭农场");
  registrationDate!.cues!.push({ words: ["挂牌"], side: "ba" });
  writeFileSync(join(dir, "facts.yaml"), stringify(vocabulary));
  writeFileSync(join(dir, "policies", "yeji-2017.yaml"), RULE_FILE);
  answers = await askJson(
    {
      certified: ["叶集 我们家庭农场的大米拿到了有机食品认证 有什么奖励"],
      notCertified: ["叶集 我们家庭农场的大米还没有有机认证，只有绿标，认证奖励能拿吗"],
      coldStore: ["叶集 我们家庭农场2020年5月挂牌，2021年建了冷库 有补贴吗"],
      coldStoreEarlier: ["叶集 我们家庭农场2019年挂牌，2021年建了冷库 冷链仓储奖励有吗"],
      otherWork: ["叶集 我们家庭农场建了个直播间 有补贴吗"],
      askedAfterDenied: ["叶集 我们家庭农场的大米还没做有机认证", "那有机认证的奖励能拿吗"],
    },
    "2022-06-01",
    { RULES_DIR: dir },
  );
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const award = (id: string, title: string) => answers[id]!.awards.find((a) => a.title.startsWith(title));

describe("ask --json with enum facts, values and words declared only in data", () => {
  it("reads a new fact from its words and a new applicant word, and the rule computes", () => {
    expect(award("certified", "有机食品认证奖励")?.eligible, answers.certified!.text).toBe(true);
    expect(award("certified", "有机食品认证奖励")?.amountFen).toBe(10_000 * 100);
  });

  it("takes the value stated, not one negated", () => {
    expect(award("notCertified", "有机食品认证奖励")?.eligible, answers.notCertified!.text).toBe(false);
  });

  it("a question naming the provision states nothing: asked after a denial, it is no ✅", () => {
    expect(award("askedAfterDenied", "有机食品认证奖励")?.eligible, answers.askedAfterDenied!.text).not.toBe(true);
  });

  it("reads a new activity value, and a year next to a new registration word as the registration date", () => {
    const cold = award("coldStore", "冷链仓储奖励");
    expect(cold?.eligible, answers.coldStore!.text).toBe(true);
    expect(cold?.amountFen).toBe(20_000 * 100);
    expect(cold?.trace.join("\n")).toContain("注册登记日期 2020年5月 ≥ 2020年1月1日");
    const earlier = award("coldStoreEarlier", "冷链仓储奖励");
    expect(earlier?.eligible, answers.coldStoreEarlier!.text).toBe(false);
    expect(answers.otherWork!.awards.some((a) => a.eligible), answers.otherWork!.text).toBe(false);
  });
});
