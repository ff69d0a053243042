/**
 * `npm run --silent policy:draft -- FILE --id ID [--json] [--out DIR]` reads a policy document (.txt/.md,
 * .docx, .pdf, .html), drafts its rules and writes them, every one 待确认, to rules/drafts/ID.yaml (or
 * DIR/ID.yaml). Prints every sentence that carries an amount: drafted (shape, amount, quote), listed
 * as not an award (reason), or not drafted (reason). `--json` prints the draft instead.
 * Bad input: one line naming the file and the reason, exit 2.
 */
import { parseArgs } from "node:util";
import { DocumentError, readPolicyDocument } from "../../knowledge/documents/readDocument.js";
import { ClauseParseError } from "../../knowledge/parseClauses.js";
import { draftFileOf, writeDraftFile } from "../draft/draftFile.js";
import { draftPolicy } from "../draft/draftPolicy.js";
import { describeAmount } from "../draft/describeAmount.js";
import { RuleSchemaError, parsePolicyRuleFile } from "../ruleSchema.js";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: { id: { type: "string" }, json: { type: "boolean", default: false }, out: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`policy:draft: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) fail("policy:draft: usage: npm run --silent policy:draft -- FILE --id ID [--json]");
  if (!values.id || !/^[a-z0-9][a-z0-9-]*$/.test(values.id)) fail("policy:draft: --id is required, lower-case letters, digits and '-' (e.g. pingyin-2024)");
  let draft;
  try {
    const doc = await readPolicyDocument(file);
    draft = draftPolicy(values.id, doc.text);
    parsePolicyRuleFile({ policy: values.id, rules: draft.rules.map((d) => d.rule) }, file);
  } catch (error) {
    if (error instanceof DocumentError || error instanceof RuleSchemaError) fail(error.message);
    if (error instanceof ClauseParseError) fail(`${file}: ${error.message}`);
    throw error;
  }
  const path = writeDraftFile(draftFileOf(draft, file), values.out);
  if (values.json) {
    console.log(JSON.stringify({ policy: draft.policy, rules: draft.rules.map((d) => ({ status: "待确认", shape: d.shape, ...d.rule })), notAwards: draft.notAwards, undrafted: draft.undrafted }, null, 2));
    return;
  }
  console.log(`${file}: ${draft.amountSentences} 句含金额；起草 ${draft.rules.length} 条规则（待确认），${draft.notAwards.length} 个金额列为非奖励，${draft.undrafted.length} 句未能起草`);
  for (const d of draft.rules) console.log(`[待确认] ${d.rule.clause}  ${d.rule.id}  (${d.shape})  ${d.rule.upTo ? "最高 " : ""}${describeAmount(d.rule.amount)}\n    “${d.rule.quote}”`);
  for (const n of draft.notAwards) console.log(`[非奖励] ${n.clause}  ${n.amount}  ${n.reason}`);
  for (const u of draft.undrafted) console.log(`[未起草] ${u.clause}  ${u.reason}\n    “${u.quote}”`);
  console.log(`写入 ${path}`);
}

await main();
