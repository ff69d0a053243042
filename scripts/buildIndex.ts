/**
 * (Re)builds the clause search index and prints a summary, plus one line per rejected file.
 * Usage: npm run index
 * Exit status 1 when some policy file or metadata entry was rejected (the others are indexed).
 */
import { openKnowledgeBase } from "../knowledge/knowledgeBase.js";

const kb = await openKnowledgeBase({ rebuild: true, log: () => {} });
for (const policy of kb.policies) {
  const { meta, encoding, clauses } = policy;
  const converted = encoding === "gbk" ? "  (converted from GBK)" : "";
  console.log(`${meta.id.padEnd(16)} ${String(clauses.length).padStart(3)} clauses  ${meta.file}${converted}`);
}
const { index } = kb;
console.log(`index: ${index.passages} passages from ${kb.clauses.length} clauses, ${index.embeddings}, built in ${Math.round(index.millis)} ms → ${index.dir}`);
for (const problem of kb.problems) console.error(`problem: ${problem}`);
if (kb.problems.length) {
  console.error(`${kb.problems.length} problem(s): the files above are not served until fixed`);
  process.exitCode = 1;
}
