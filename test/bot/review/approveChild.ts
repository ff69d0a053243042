/**
 * Child process of the concurrency test: approve one draft at an agreed instant and deliver it.
 * Usage: node --import tsx approveChild.ts DATA_DIR DRAFT_ID STAFF_NAME DELIVERIES_FILE START_AT_MS
 * Prints the decision result as JSON on stdout.
 */
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "./recordingSender.js";

const [dataDir, draftId, staffName, deliveriesFile, startAt] = process.argv.slice(2) as [string, string, string, string, string];
const db = openDatabase({ dataDir });
const service = new ReviewService({ store: sqliteStore(db), log: () => {} });
service.registerSender(new RecordingSender("wechat", { file: deliveriesFile }));
await service.deliverDue();
while (Date.now() < Number(startAt)); // both processes leave this loop in the same millisecond
const result = await service.approve(Number(draftId), { name: staffName, via: "console" });
await service.deliverDue();
process.stdout.write(JSON.stringify({ ok: result.ok, message: result.message }));
await service.close();
db.close();
