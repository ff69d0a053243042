/**
 * Print what extractFacts reads from every turn of test/fixtures/dev.jsonl, for eyeballing.
 * Usage: npx tsx scripts/extractDevFacts.ts [--as-of YYYY-MM-DD]
 */
import { readFileSync } from "node:fs";
import { admitFacts, extractFacts } from "../bot/extractFacts.js";

const asOfIndex = process.argv.indexOf("--as-of");
const asOf = asOfIndex > 0 ? (process.argv[asOfIndex + 1] ?? "2022-06-01") : "2022-06-01";
const lines = readFileSync(new URL("../test/fixtures/dev.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean);
for (const line of lines) {
  const c = JSON.parse(line) as { id: string; turns: string[] };
  for (const turn of c.turns) {
    const x = admitFacts(extractFacts(turn, { asOf }));
    const extra = [
      x.rank ? `rank=${JSON.stringify(x.rank)}` : "",
      x.notes.length ? `notes=${x.notes.join(" ")}` : "",
      x.rejected.length ? `rejected=${JSON.stringify(x.rejected)}` : "",
      x.unattributed.length ? `unattributed=${x.unattributed.map((m) => m.raw).join(",")}` : "",
      x.correction ? "correction" : "",
    ].filter(Boolean);
    console.log(`${c.id} ${turn}\n    ${JSON.stringify(x.facts)} ${extra.join(" ")}`);
  }
}
