/**
 * The drafts of a fixture folder's documents (test/fixtures/<folder>/ID.txt beside its policies.json) and the
 * look-ups the drafter tests on unseen documents share: a clause's drafts, its undrafted sentences, and one
 * drafted rule evaluated as a draft.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AwardResult } from "../../../../rules/awardResult.js";
import { draftFileOf, draftRuleBook } from "../../../../rules/draft/draftFile.js";
import { draftPolicy, type PolicyDraft } from "../../../../rules/draft/draftPolicy.js";
import { evaluatePolicy } from "../../../../rules/evaluatePolicy.js";

/** 万元 in fen. */
export const wan = (n: number) => n * 10_000 * 100;

export function draftFolder<Id extends string>(folder: string, ids: readonly Id[]) {
  const dir = fileURLToPath(new URL(`../../../fixtures/${folder}/`, import.meta.url));
  const text = (id: Id) => readFileSync(join(dir, `${id}.txt`), "utf8");
  const drafts = Object.fromEntries(ids.map((id) => [id, draftPolicy(id, text(id))])) as Record<Id, PolicyDraft>;
  return {
    text,
    drafts,
    rules: (id: Id, clause: string) => drafts[id].rules.filter((r) => r.rule.clause === `${id}:${clause}`),
    undrafted: (id: Id, clause: string) => drafts[id].undrafted.filter((u) => u.clause === `${id}:${clause}`),
    /** One drafted rule evaluated on `facts` as a draft (the folder holds the documents and their policies.json entries). */
    evaluate: (id: Id, ruleId: string, facts: Record<string, unknown>): AwardResult =>
      evaluatePolicy(id, facts, { book: draftRuleBook(draftFileOf(drafts[id], `${id}.txt`), dir), asOf: "2026-06-01", ruleIds: [ruleId] })[0]!,
  };
}
