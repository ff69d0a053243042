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
  const title = doc.text.split("\n").find((l) => l.trim())?.trim() ?? "";
  console.log(`${file} (${doc.format}) → ${target}: ${clauses.length} clauses`);
  console.log("Add this entry to policies.json and fill it in from the document:");
  console.log(JSON.stringify({
    id: values.id, file: `${values.id}.txt`, title, issuer: "", docNumber: null,
    region: { province: "", city: null, county: null }, aliases: [], places: [],
    issued: null, effectiveFrom: null, validUntil: null, status: "final", notes: "",
  }, null, 2));
} catch (error) {
  if (error instanceof DocumentError) fail(error.message);
  if (error instanceof ClauseParseError) fail(`${file}: ${error.message}`);
  throw error;
}
