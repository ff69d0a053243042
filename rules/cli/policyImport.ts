/**
 * `npm run --silent policy:import -- FILE --id ID` reads a policy document (.txt/.md, .docx, .pdf, .html),
 * checks that its clauses parse and writes its text to knowledge/policies/ID.txt, the form the knowledge
 * base serves. Prints the policies.json entry to fill in (metadata is read off the document by a person;
 * `npm run policy:check` tells what is still missing). Bad input: one line naming the file, exit 2.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DocumentError, readPolicyDocument } from "../../knowledge/documents/readDocument.js";
import { ClauseParseError, parseClauses } from "../../knowledge/parseClauses.js";
import { documentMeta } from "../draft/documentMeta.js";
import { documentRegion } from "../draft/documentRegion.js";

const POLICY_DIR = fileURLToPath(new URL("../../knowledge/policies/", import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { id: { type: "string" }, dir: { type: "string" } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(`policy:import: ${(error as Error).message}`);
}
const { values, positionals } = parsed;
const file = positionals[0];
if (!file || !values.id || !/^[a-z0-9][a-z0-9-]*$/.test(values.id)) fail("policy:import: usage: npm run --silent policy:import -- FILE --id ID (lower-case id, e.g. pingyin-2024)");
const dir = values.dir ?? POLICY_DIR;
const target = join(dir, `${values.id}.txt`);
if (existsSync(target)) fail(`policy:import: ${target} exists already; remove it first to import again`);
try {
  const doc = await readPolicyDocument(file);
  const clauses = parseClauses(values.id, doc.text);
  writeFileSync(target, `${doc.text}\n`);
  // Read off the text where it says so (title, 征求意见稿, number, issuer and date of the notice, period); the operator checks and completes it.
  const meta = documentMeta(doc.text);
  const place = documentRegion(meta.issuer, meta.title);
  console.log(`${file} (${doc.format}) → ${target}: ${clauses.length} clauses`);
  console.log("Add this entry to policies.json; check what was read off the document and fill in the rest:");
  console.log(JSON.stringify({
    id: values.id, file: `${values.id}.txt`, title: meta.title, issuer: meta.issuer ?? "", docNumber: meta.docNumber,
    region: place?.region ?? { province: "", city: null, county: null }, aliases: place?.aliases ?? [], places: [],
    issued: meta.issued, effectiveFrom: meta.effectiveFrom, validUntil: meta.validUntil,
    ...(meta.periodQuote ? { periodQuote: meta.periodQuote } : {}), status: meta.status, notes: meta.notes,
  }, null, 2));
  if (!place) console.log("region.province: the issuer and title name no province, city or county; fill in region (province required) and aliases");
} catch (error) {
  if (error instanceof DocumentError) fail(error.message);
  if (error instanceof ClauseParseError) fail(`${file}: ${error.message}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code) fail(`policy:import: cannot write ${target}: ${code}`);
  throw error;
}
