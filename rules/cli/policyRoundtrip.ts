/**
 * `npm run policy:roundtrip [-- --verbose]`: for each policy with hand-written rules, drafts its rules
 * from the document alone and counts the hand-written provisions the drafter reproduces exactly
 * (rules/draft/signature.ts) with no edit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodePolicyText } from "../../knowledge/decodePolicyText.js";
import { loadPolicyMeta } from "../../knowledge/policyMeta.js";
import { draftPolicy } from "../draft/draftPolicy.js";
import { provisionSignature } from "../draft/signature.js";
import { ruleBook } from "../evaluatePolicy.js";

const POLICY_DIR = fileURLToPath(new URL("../../knowledge/policies/", import.meta.url));
const verbose = process.argv.includes("--verbose");

let exact = 0;
let total = 0;
for (const meta of loadPolicyMeta(POLICY_DIR)) {
  const hand = ruleBook().files.get(meta.id);
  if (!hand) continue;
  const draft = draftPolicy(meta.id, decodePolicyText(readFileSync(join(POLICY_DIR, meta.file))).text);
  const pool = draft.rules.map((d) => provisionSignature(d.rule));
  const provisions = hand.rules.filter((r) => r.kind !== "gate");
  const misses: string[] = [];
  let hits = 0;
  for (const rule of provisions) {
    const i = pool.indexOf(provisionSignature(rule));
    if (i >= 0) {
      hits++;
      pool.splice(i, 1);
    } else misses.push(`${rule.clause} ${rule.id}`);
  }
  exact += hits;
  total += provisions.length;
  console.log(`${meta.id.padEnd(16)} ${hits}/${provisions.length} provisions reproduced exactly (${Math.round((100 * hits) / provisions.length)}%); ${draft.rules.length} drafted, ${draft.undrafted.length} not drafted`);
  if (verbose) {
    for (const m of misses) console.log(`    missed ${m}`);
    for (const u of draft.undrafted) console.log(`    not drafted ${u.clause}: ${u.reason} — ${u.quote.slice(0, 40)}`);
  }
}
console.log(`overall          ${exact}/${total} (${Math.round((100 * exact) / total)}%)`);
