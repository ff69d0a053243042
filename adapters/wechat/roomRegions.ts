/**
 * Which region (policy id) a WeChat room is bound to. Bindings come from configuration
 * (WECHAT_ROOM_REGIONS) and from staff saying "@bot 绑定 平阴" in the room; the latter win and survive a
 * restart in a small JSON file under DATA_DIR. The interface lets the review feature move this to SQLite.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

export interface RoomRegionStore {
  /** The policy id bound to this room, if any. */
  get(roomId: string): string | undefined;
  /** Bind the room (staff command). */
  set(roomId: string, policyId: string): void;
  /** Unbind the room, including a binding that came from configuration. */
  clear(roomId: string): void;
}

/** Chat-made bindings on disk: a policy id, or null for "unbound on purpose". */
const BindingsFileSchema = z.record(z.string(), z.string().nullable());

/** Bindings in memory over configuration defaults, persisted to `filePath` (when given) on every change. */
export class JsonRoomRegionStore implements RoomRegionStore {
  readonly #fromChat: Map<string, string | null>;

  constructor(
    private readonly defaults: Readonly<Record<string, string>>,
    private readonly filePath?: string,
  ) {
    this.#fromChat = new Map(Object.entries(filePath ? readBindingsFile(filePath) : {}));
  }

  get(roomId: string): string | undefined {
    if (this.#fromChat.has(roomId)) return this.#fromChat.get(roomId) ?? undefined;
    return this.defaults[roomId];
  }

  set(roomId: string, policyId: string): void {
    this.#fromChat.set(roomId, policyId);
    this.#save();
  }

  clear(roomId: string): void {
    this.#fromChat.set(roomId, null);
    this.#save();
  }

  #save(): void {
    if (!this.filePath) return;
    mkdirSync(dirname(this.filePath), { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file.
    const temp = `${this.filePath}.tmp`;
    writeFileSync(temp, JSON.stringify(Object.fromEntries(this.#fromChat), null, 2));
    renameSync(temp, this.filePath);
  }
}

function readBindingsFile(filePath: string): Record<string, string | null> {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch {
    return {}; // no bindings yet
  }
  const parsed = BindingsFileSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new Error(`Bad file ${filePath}: expected {"roomId": "policyId" | null, …}`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
