/**
 * Retrieval quality over the dev questions: for every case whose expectation names a clause
 * (award.clause / notEligible / noAmount), query with the conversation's turns joined, filtered to
 * the policies whose region the text names, and check the clause is in the top 3.
 * Usage: npm run eval:retrieval [-- --file test/fixtures/dev.jsonl] [-k 3] [--no-filter]
 * (--no-filter searches all policies, to see how much the region filter carries)
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openKnowledgeBase } from "../knowledge/knowledgeBase.js";

const DevCase = z.object({
  id: z.string(),
  turns: z.array(z.string()).min(1),
  expect: z
    .object({
      award: z.object({ clause: z.string() }).passthrough().optional(),
      notEligible: z.string().optional(),
      noAmount: z.string().optional(),
    })
    .passthrough(),
});

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "test/fixtures/dev.jsonl" },
    k: { type: "string", short: "k", default: "3" },
    "no-filter": { type: "boolean", default: false },
  },
});
const k = Number(values.k);
const kb = await openKnowledgeBase();

let total = 0;
let found = 0;
const lines = readFileSync(values.file!, "utf8").split("\n").filter((l) => l.trim());
for (const [i, line] of lines.entries()) {
  const parsed = DevCase.safeParse(JSON.parse(line));
  if (!parsed.success) {
    console.error(`${values.file}:${i + 1}: ${parsed.error.issues[0]!.message}`);
    process.exit(2);
  }
  const { id, turns, expect } = parsed.data;
  const expected = expect.award?.clause ?? expect.notEligible ?? expect.noAmount;
  if (!expected) continue;
  const query = turns.join(" ");
  const policyIds = values["no-filter"] ? [] : kb.policiesMentioned(query);
  const hits = kb.search(query, { k, policyIds: policyIds.length ? policyIds : undefined });
  total++;
  if (hits.some((h) => h.clause.id === expected)) found++;
  else console.log(`miss ${id}: expected ${expected}; got ${hits.map((h) => h.clause.id).join(", ") || "nothing"} — ${query}`);
}
const scope = values["no-filter"] ? "all policies" : "filtered by the region named";
console.log(`recall@${k} = ${total ? (found / total).toFixed(3) : "n/a"} (${found}/${total} cases, ${scope})`);
