/**
 * `npm run eval`: the dev cases in test/fixtures/dev.jsonl through the real pipeline, scored as
 * shared/eval/README.md says. One line per failure, then "N/M cases pass, U ungrounded numbers, R user figures
 * restated" (a user's figure shown in a form they did not write, e.g. 9万 as 90000).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PolicyBot } from "../policyBot.js";
import { EvalCaseSchema, scoreCase } from "../scoreCase.js";
import { runTurns } from "./runTurns.js";

const { values } = parseArgs({ options: { file: { type: "string", default: "test/fixtures/dev.jsonl" }, "as-of": { type: "string" } } });

const cases = readFileSync(values.file!, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => EvalCaseSchema.parse(JSON.parse(line)));

// Flood control belongs to the chat channels: evaluation turns are never throttled.
const bot = await PolicyBot.create({ asOf: values["as-of"], rateLimit: false });
let passed = 0;
let ungrounded = 0;
let restated = 0;
for (const c of cases) {
  const answers = await runTurns(bot, `eval-${c.id}`, c.turns);
  const score = scoreCase(c, answers.at(-1)!);
  ungrounded += score.ungrounded.length;
  restated += score.restated.length;
  if (score.pass) passed++;
  else console.log(`FAIL ${c.id}: ${score.failures.join("; ")}`);
}
await bot.close();
console.log(`${passed}/${cases.length} cases pass, ${ungrounded} ungrounded numbers, ${restated} user figures restated`);
process.exitCode = 0;
