/**
 * Child process of the durability test: a burst of drafts and decisions on a database file, with
 * deliveries recorded in an append-only file, until the parent kills it with SIGKILL.
 * Usage: node --import tsx durabilityChild.ts DATA_DIR LOG_FILE DELIVERIES_FILE
 */
import { appendFileSync } from "node:fs";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "./recordingSender.js";
import { SAMPLE_DRAFTS } from "./sampleDrafts.js";

const [dataDir, logFile, deliveriesFile] = process.argv.slice(2) as [string, string, string];
const db = openDatabase({ dataDir });
const service = new ReviewService({ store: sqliteStore(db), log: () => {}, retryDelayMs: 0 });
// The delay keeps each send "in flight" for a moment, so kills often land between post and commit.
service.registerSender(new RecordingSender("wechat", { file: deliveriesFile, delayMs: 3 }));
service.registerSender(new RecordingSender("telegram", { file: deliveriesFile, delayMs: 3 }));
const staff = { name: "耐久测试", via: "cli" as const };
// Each line is written only after the step it reports has returned (committed).
const log = (line: string) => appendFileSync(logFile, `${line}\n`);

let pendingLeft: number[] = [];
for (let i = 0; ; i++) {
  const id = await service.holdDraft(SAMPLE_DRAFTS[i % SAMPLE_DRAFTS.length]!);
  log(`held ${id}`);
  switch (i % 5) {
    case 0:
    case 1:
      if ((await service.approve(id, staff)).ok) log(`approved ${id}`);
      break;
    case 2:
      if ((await service.reject(id, staff, { notifyText: i % 2 ? "您好，您的问题需要进一步核实。" : undefined })).ok) log(`rejected ${id}`);
      break;
    case 3:
      pendingLeft.push(id);
      break;
    case 4: {
      // Decide an older draft too, with an edit whose numbers are grounded.
      const older = pendingLeft.shift();
      if (older !== undefined && (await service.approve(older, staff, `${(await service.getDraft(older))!.draftText}\n（已核对）`)).ok) log(`approved ${older}`);
      pendingLeft = pendingLeft.slice(-5);
      break;
    }
  }
  await service.deliverDue();
}
