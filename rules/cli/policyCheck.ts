/**
 * `npm run policy:check -- --id ID`: quotes, coverage, test cases and metadata of one policy
 * (rules/checkPolicy.ts). Prints one line per finding; exit 1 when any check fails, 2 on bad flags.
 */
import { parseArgs } from "node:util";
import { checkPolicy } from "../checkPolicy.js";
import { RuleSchemaError } from "../ruleSchema.js";

let values;
try {
  ({ values } = parseArgs({ options: { id: { type: "string" } }, strict: true }));
} catch (error) {
  process.stderr.write(`policy:check: ${(error as Error).message}\n`);
  process.exit(2);
}
if (!values.id) {
  process.stderr.write("policy:check: usage: npm run policy:check -- --id ID\n");
  process.exit(2);
}
try {
  const lines = checkPolicy(values.id);
  for (const l of lines) console.log(`${l.ok ? "✓" : "✗"} ${l.check.padEnd(8)} ${l.message}`);
  process.exit(lines.every((l) => l.ok) ? 0 : 1);
} catch (error) {
  if (error instanceof RuleSchemaError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
