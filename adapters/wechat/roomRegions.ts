/**
 * Which region (policy id) a WeChat room is bound to. Bindings come from configuration
 * (WECHAT_ROOM_REGIONS) and from staff saying "@bot 绑定 平阴" in the room; the latter win and survive a
 * restart: in the bot's database (`npm start`, shared by every process), or in a small JSON file under
 * DATA_DIR when WeChat runs without one.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

export interface RoomRegionStore {
  /** The policy id bound to this room, if any. */
  get(roomId: string): Promise<string | undefined>;
  /** Bind the room (staff command). */
  set(roomId: string, policyId: string): Promise<void>;
  /** Unbind the room, including a binding that came from configuration. */
  clear(roomId: string): Promise<void>;
}

/** Chat-made bindings kept elsewhere (the database's room_regions table): null = unbound on purpose. */
export interface RoomBindings {
  get(channel: string, roomId: string): Promise<string | null | undefined>;
  set(channel: string, roomId: string, policyId: string | null): Promise<void>;
  isEmpty(): Promise<boolean>;
}

/** Bindings in the database over configuration defaults. */
export class StoredRoomRegionStore implements RoomRegionStore {
  constructor(
    private readonly defaults: Readonly<Record<string, string>>,
    private readonly bindings: RoomBindings,
  ) {}

  /** The store, after copying the bindings of an older version's JSON file into an empty table once. */
  static async open(defaults: Readonly<Record<string, string>>, bindings: RoomBindings, legacyFile: string): Promise<StoredRoomRegionStore> {
    if (await bindings.isEmpty()) {
      for (const [roomId, policyId] of Object.entries(readBindingsFile(legacyFile))) await bindings.set("wechat", roomId, policyId);
    }
    return new StoredRoomRegionStore(defaults, bindings);
  }

  async get(roomId: string): Promise<string | undefined> {
    const bound = await this.bindings.get("wechat", roomId);
    return bound === undefined ? this.defaults[roomId] : (bound ?? undefined);
  }

  set(roomId: string, policyId: string): Promise<void> {
    return this.bindings.set("wechat", roomId, policyId);
  }

  clear(roomId: string): Promise<void> {
    return this.bindings.set("wechat", roomId, null);
  }
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

  async get(roomId: string): Promise<string | undefined> {
    if (this.#fromChat.has(roomId)) return this.#fromChat.get(roomId) ?? undefined;
    return this.defaults[roomId];
  }

  async set(roomId: string, policyId: string): Promise<void> {
    this.#fromChat.set(roomId, policyId);
    this.#save();
  }

  async clear(roomId: string): Promise<void> {
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
