/**
 * A fact declared only in data (issue 13 item 2): a vocabulary and a rule file in a folder of their own
 * (RULES_DIR), no code change, and `ask --json` reads the new fact from chat, asks for it, and computes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const NEW_FACT = `
unit: count
label: 吸纳毕业年度高校毕业生的岗位数
aliases: [高校毕业生]
plausible: [0, 500]
written: [bare, 个, 人, 名, 位]
cues:
  - { words: [高校毕业生, 大学毕业生, 毕业生, 应届生], side: ba }
`;

const RULE_FILE = `policy: pingyin-2020
rules:
  - id: graduate-posts
    title: 创业岗位开发补贴
    clause: pingyin-2020:三/(二)/1
    quote: 对吸纳登记失业人员和毕业年度高校毕业生（不含创业者本人），并与其签订1年及以上期限劳动合同的，按申请补贴时创造就业岗位数量，给予每个岗位2000元的一次性创业岗位开发补贴。
    entityTypes: [ company ]
    keywords: [ 岗位开发补贴, 高校毕业生 ]
    amount:
      mechanism: product
      of: 2000元
      times:
        - { fact: graduatePosts }
    upTo: false
`;

let dir: string;
let answers: Record<string, Answer>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rules-dir-"));
  mkdirSync(join(dir, "policies"));
  // The shipped vocabulary with one more fact.
  const vocabulary = parse(readFileSync(new URL("../../rules/facts.yaml", import.meta.url), "utf8")) as { facts: Record<string, unknown> };
  vocabulary.facts.graduatePosts = parse(NEW_FACT);
  writeFileSync(join(dir, "facts.yaml"), stringify(vocabulary));
  writeFileSync(join(dir, "policies", "pingyin-2020.yaml"), RULE_FILE);
  answers = await askJson(
    {
      stated: ["平阴 我们电商公司今年新来的应届高校毕业生有12个 签了一年合同 岗位开发补贴能拿多少"],
      asked: ["平阴 我们电商公司 岗位开发补贴能拿多少"],
      answered: ["平阴 我们电商公司 岗位开发补贴能拿多少", "8个"],
      implausible: ["平阴 我们电商公司今年新来的高校毕业生有3000个 岗位开发补贴能拿多少"],
    },
    "2021-06-01",
    { RULES_DIR: dir },
  );
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const award = (id: string) => answers[id]!.awards.find((a) => a.clause === "pingyin-2020:三/(二)/1");

describe("ask --json with a fact declared only in data", () => {
  it("reads the new fact from its cue words and computes the engine amount", () => {
    expect(award("stated")?.eligible, answers.stated!.text).toBe(true);
    expect(award("stated")?.amountFen).toBe(12 * 2000 * 100);
    expect(award("stated")?.trace.join("\n")).toContain("吸纳毕业年度高校毕业生的岗位数");
  });

  it("asks for it by its label when it is missing, and takes a bare number as the answer", () => {
    expect(answers.asked!.missing).toContain("graduatePosts");
    expect(answers.asked!.text).toContain("吸纳毕业年度高校毕业生的岗位数");
    expect(award("answered")?.amountFen, answers.answered!.text).toBe(8 * 2000 * 100);
  });

  it("applies its plausible range", () => {
    expect(answers.implausible!.status).toBe("needs_info");
    expect(answers.implausible!.text).toContain("高校毕业生有3000个？请确认吸纳毕业年度高校毕业生的岗位数");
  });
});
