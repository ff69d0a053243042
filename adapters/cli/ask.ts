/**
 * `npm run --silent ask -- [--json] [--as-of DATE] [--batch FILE] "turn" ["turn" …]`
 * The contract is shared/spec/ask.md: JSON Lines on stdout, logs on stderr, exit 0 for every answer.
 * The bot is built by `createPolicyBot`, exactly as `npm start` builds it (settings and `.env`, model
 * rewording when OPENAI_API_KEY is set, review mode when REVIEW_CHATS is), so `ask --json` shows what a
 * chat user would receive. Only sessions differ: each call is a fresh conversation, kept in memory.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AnswerSchema, type Answer } from "../../bot/answer.js";
import { runTurns } from "../../bot/cli/runTurns.js";
import { loadConfig } from "../config.js";
import { createPolicyBot } from "../main.js";

const BatchLineSchema = z.object({ id: z.string(), turns: z.array(z.string()).min(1) });

/** Print a one-line reason and exit non-zero: the command itself cannot run. */
function fail(message: string): never {
  process.stderr.write(`ask: ${message}\n`);
  process.exit(2);
}

function readBatch(file: string): z.infer<typeof BatchLineSchema>[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`cannot read batch file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return text
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        fail(`${file}:${n}: not valid JSON`);
      }
      const parsed = BatchLineSchema.safeParse(json);
      if (!parsed.success) fail(`${file}:${n}: expected {"id": "...", "turns": ["..."]}`);
      return parsed.data;
    });
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: { json: { type: "boolean", default: false }, batch: { type: "string" }, "as-of": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  try {
    args = parse();
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write('usage: npm run --silent ask -- [--json] [--as-of YYYY-MM-DD] [--batch FILE] "question" ["next turn" …]\n');
    return;
  }
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  if (!values.batch && positionals.length === 0) fail('give at least one question, or --batch FILE (see --help)');
  const batch = values.batch ? readBatch(values.batch) : undefined;

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  // Review mode as the chat channels have it: REVIEW_CHATS=cli:* holds ask's answers as drafts too.
  const review = process.env.REVIEW_CHATS ? await openReview() : undefined;
  // Flood control belongs to the chat channels: a script's turns are never throttled.
  const bot = await createPolicyBot({ ...config, ...(asOf ? { AS_OF: asOf } : {}) }, { rateLimit: false, ...(review ? { review: review.service } : {}) });
  const print = (answer: Answer, extra: Record<string, unknown> = {}) => {
    const checked = AnswerSchema.parse(answer);
    process.stdout.write(values.json ? `${JSON.stringify({ ...extra, ...checked })}\n` : `${checked.text}\n\n`);
  };
  if (batch) {
    for (const c of batch) {
      const answers = await runTurns(bot, `batch-${c.id}`, c.turns);
      print(answers.at(-1)!, { id: c.id });
    }
  } else {
    for (const answer of await runTurns(bot, "ask", positionals)) print(answer);
  }
  await bot.close();
  await review?.close();
}

/** The review store named by the staff settings (one line naming a bad setting, like npm start). */
async function openReview() {
  const { loadStaffConfig } = await import("../staff/config.js");
  const { createStaffReview } = await import("../staff/startReview.js");
  let config;
  try {
    config = loadStaffConfig(process.env);
  } catch (error) {
    fail(`bad setting ${(error as Error).message}`);
  }
  const { openStore } = await import("../../bot/store/store.js");
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: config.DATA_DIR });
  const review = createStaffReview(config, store, () => {});
  return { service: review.service, close: async () => (await review.close(), await store.close()) };
}

// A reader that stops early (`ask … | head`) is no error: stop quietly instead of printing a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  fail(error.message);
});

main().catch((error) => fail(error instanceof Error ? error.message.split("\n")[0]! : String(error)));
