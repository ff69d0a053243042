/**
 * The drafter on three more county documents kept as test data (test/fixtures/unseen-policies-2/), unlike the
 * five and session 5's three: a 第X条 若干政策 with an inline tier table, 平方米·年 rent, a ranking award and an
 * 附件 of definitions; a 一、（一）1．（1） 征求意见稿 with tiers written as outline items, per-person training
 * and 每平方米每月 rent; a 第X章 实施细则 whose 附件 table has a 等级 column. Each is drafted and evaluated as drafts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { draftPolicy, type PolicyDraft } from "../../../rules/draft/draftPolicy.js";

const IDS = ["huoshan-2024", "yunxi-2025", "xunwu-2021"] as const;
type Id = (typeof IDS)[number];
const DIR = fileURLToPath(new URL("../../fixtures/unseen-policies-2/", import.meta.url));
const drafts = Object.fromEntries(IDS.map((id) => [id, draftPolicy(id, readFileSync(join(DIR, `${id}.txt`), "utf8"))])) as Record<Id, PolicyDraft>;

const rules = (id: Id, clause: string) => drafts[id].rules.filter((r) => r.rule.clause === `${id}:${clause}`);

describe("policy:draft on the second set of county documents", () => {
  it("gives a drafted rule the words of its title as keywords (场地租金补贴 → 租金), so a question naming part of it finds it", () => {
    expect(rules("yunxi-2025", "二/(四)")[0]!.rule.keywords).toEqual(expect.arrayContaining(["场地租金补贴", "场地", "租金"]));
    expect(rules("xunwu-2021", "第二章/第四条")[0]!.rule.keywords).toEqual(expect.arrayContaining(["仓储", "租金"]));
    expect(rules("xunwu-2021", "第二章/第四条")[0]!.rule.keywords).not.toContain("补贴");
  });
});
