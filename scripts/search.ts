/**
 * Clause search from the command line.
 * Usage: npm run --silent search -- "query" [--policy ID]… [--all] [--json] [-k N]
 * Prints the top clauses with their ids, fused scores and text (or JSON Lines with --json).
 * Without --policy, a query naming a region (平阴, 岳阳汨罗…) searches that region's policy;
 * --all searches every policy regardless.
 */
import { parseArgs } from "node:util";
import { openKnowledgeBase } from "../knowledge/knowledgeBase.js";

function fail(message: string): never {
  console.error(`search: ${message}`);
  console.error('usage: npm run --silent search -- "query" [--policy ID] [--all] [--json] [-k N]');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      policy: { type: "string", multiple: true },
      all: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      k: { type: "string", short: "k", default: "5" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
const query = positionals.join(" ").trim();
if (!query) fail("no query given");
const k = Number(values.k);
if (!Number.isInteger(k) || k < 1) fail(`-k must be a positive whole number, got "${values.k}"`);

const kb = await openKnowledgeBase();
const unknown = (values.policy ?? []).filter((id) => !kb.policy(id));
if (unknown.length) fail(`unknown policy ${unknown.join(", ")}; known: ${kb.policies.map((p) => p.meta.id).join(", ")}`);

const mentioned = values.all ? [] : kb.policiesMentioned(query);
const policyIds = values.policy ?? (mentioned.length ? mentioned : undefined);
const hits = await kb.searchAsync(query, { k, policyIds });
if (values.json) {
  for (const hit of hits) {
    const { clause } = hit;
    console.log(JSON.stringify({ clause: clause.id, policy: clause.policyId, title: clause.title, score: Number(hit.score.toFixed(4)), lexicalRank: hit.lexicalRank, denseRank: hit.denseRank, text: clause.text }));
  }
} else if (hits.length === 0) {
  console.log("(no matching clause)");
} else {
  for (const [i, hit] of hits.entries()) {
    const title = hit.clause.headingPath.filter(Boolean).join(" › ");
    console.log(`${i + 1}. ${hit.clause.id}  score ${hit.score.toFixed(4)}  ${title}`);
    console.log(`   ${hit.clause.text.replace(/\n/g, "\n   ")}\n`);
  }
}
