/**
 * `npm run --silent rules -- --policy pingyin-2020 --facts '{…}' [--as-of DATE] [--rule ID] [--json]`
 * evaluates a policy (or all, without --policy); `npm run rules -- --list [--policy ID]` prints the rules.
 * `--draft` evaluates the policy's drafted rules (rules/drafts/ID.yaml, or `--drafts DIR`; all but the
 * rejected ones) before staff confirm them.
 * Bad flags or facts: one line on stderr naming the problem, exit 2.
 */
import { parseArgs } from "node:util";
import type { AwardResult } from "../awardResult.js";
import { draftRuleBook, readDraftFile } from "../draft/draftFile.js";
import { evaluateAll, evaluatePolicy, listRules } from "../evaluatePolicy.js";
import { FactsError } from "../factsError.js";
import { formatFen } from "../money.js";
import { RuleSchemaError } from "../ruleSchema.js";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function printResult(r: AwardResult): void {
  const verdict = r.eligible === true ? "符合" : r.eligible === false ? "不符合" : "待定";
  const amount = r.amountFen === null ? "—" : `${r.upTo ? "最高" : ""}${formatFen(r.amountFen)}`;
  console.log(`${r.clause}  ${r.title}  [${r.rule}]  ${verdict}  ${amount}${r.inForce === false ? "  (不在有效期)" : ""}`);
  for (const t of r.trace) console.log(`    ${t}`);
  if (r.missing.length) console.log(`    缺少：${r.missing.join(", ")}`);
  for (const c of r.conditions) console.log(`    条件：${c}`);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        policy: { type: "string" },
        facts: { type: "string" },
        "as-of": { type: "string" },
        rule: { type: "string", multiple: true },
        json: { type: "boolean", default: false },
        list: { type: "boolean", default: false },
        draft: { type: "boolean", default: false },
        drafts: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`rules: ${(error as Error).message}`);
  }
  try {
    if (values.list) {
      const rules = listRules(values.policy);
      if (values.json) return void console.log(JSON.stringify(rules));
      for (const r of rules) {
        console.log(`${r.clause.padEnd(26)} ${r.policy}/${r.id.padEnd(22)} ${r.gate ? "[门槛] " : ""}${r.title}  facts: ${r.facts.join(",")}`);
      }
      return;
    }
    if (values.facts === undefined) fail("rules: --facts '{…}' is required (or --list)");
    let facts: unknown;
    try {
      facts = JSON.parse(values.facts);
    } catch {
      fail("rules: --facts is not valid JSON");
    }
    const asOf = values["as-of"];
    let book;
    if (values.draft) {
      if (!values.policy) fail("rules: --draft needs --policy ID");
      const draft = readDraftFile(values.policy, values.drafts);
      if (!draft) fail(`rules: no draft rules for ${values.policy} (run npm run policy:draft -- FILE --id ${values.policy})`);
      book = draftRuleBook(draft);
    }
    const results = values.policy
      ? evaluatePolicy(values.policy, facts, { asOf, ruleIds: values.rule, book })
      : evaluateAll(facts, { asOf });
    if (values.json) console.log(JSON.stringify(results, null, 2));
    else results.forEach(printResult);
  } catch (error) {
    if (error instanceof FactsError) fail(`facts: ${error.message}`);
    if (error instanceof RuleSchemaError || error instanceof RangeError) fail(error.message);
    throw error;
  }
}

main();
