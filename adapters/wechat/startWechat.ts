/**
 * Start the WeChat channel from configuration: build Wechaty with the configured puppet, print the
 * login QR code in the terminal, attach the adapter, and keep the puppet alive with the supervisor.
 */
import { join } from "node:path";
import qrcode from "qrcode-terminal";
import { ScanStatus, WechatyBuilder, type Wechaty } from "wechaty";
import type { ConversationHandler } from "../../bot/message.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender } from "../channelSender.js";
import { ConfigError, type AppConfig } from "../config.js";
import { resolveRegion } from "../regionName.js";
import { PuppetSupervisor } from "./puppetSupervisor.js";
import { JsonRoomRegionStore, StoredRoomRegionStore, type RoomBindings, type RoomRegionStore } from "./roomRegions.js";
import { SendPacer } from "./sendPacer.js";
import { attachWechatAdapter, type WechatInterceptor } from "./wechatAdapter.js";

export interface RunningWechat {
  wechaty: Wechaty;
  sender: ChannelSender;
  /** Post into a room or private chat, paced, without a mention (e.g. drafts into the staff room). */
  post(chatId: string, text: string): Promise<void>;
  /** Resolves when the puppet has started (it keeps retrying with back-off until then). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface StartWechatOptions {
  log?: AdapterLog;
  /** A ready-made Wechaty (tests use puppet-mock); built from WECHATY_PUPPET otherwise. */
  wechaty?: Wechaty;
  /** Where room bindings live; default: `roomBindings` (the database), else a JSON file under DATA_DIR. */
  roomRegions?: RoomRegionStore;
  /** The database's room bindings, shared by every bot process. */
  roomBindings?: RoomBindings;
  /** Run before the bot on every text message (the review feature's staff commands). */
  interceptors?: WechatInterceptor[];
  /** Draw the login QR code; prints it in the terminal by default. */
  printQr?: (code: string) => void;
}

/** Who may bind rooms: WECHAT_STAFF_IDS plus the WeChat entries of STAFF_IDS ("wechat:<id>" or bare ids). */
export function wechatStaffIds(config: AppConfig): string[] {
  const fromStaffIds = config.STAFF_IDS.flatMap((id) => {
    const colon = id.indexOf(":");
    if (colon < 0) return [id];
    return id.slice(0, colon) === "wechat" ? [id.slice(colon + 1)] : [];
  });
  return [...new Set([...config.WECHAT_STAFF_IDS, ...fromStaffIds])];
}

/**
 * Room bindings from WECHAT_ROOM_REGIONS, resolved to policy ids now, so a misspelt place name is a
 * start-up error naming the setting rather than a silently unbound room.
 */
export function configuredRoomRegions(config: AppConfig, handler: ConversationHandler): Record<string, string> {
  const regions = handler.regions();
  return Object.fromEntries(
    Object.entries(config.WECHAT_ROOM_REGIONS).map(([roomId, name]) => {
      const region = resolveRegion(name, regions);
      if (!region) throw new ConfigError("WECHAT_ROOM_REGIONS", `"${name}" (room ${roomId}) is not a known region; use one of ${regions.map((r) => r.name).join(", ")}`);
      return [roomId, region.id];
    }),
  );
}

async function buildWechaty(config: AppConfig): Promise<Wechaty> {
  const puppet = config.WECHATY_PUPPET!;
  try {
    await import(puppet);
  } catch {
    throw new ConfigError("WECHATY_PUPPET", `puppet package "${puppet}" is not installed (npm install ${puppet})`);
  }
  if (puppet === "wechaty-puppet-service" && !config.WECHATY_PUPPET_SERVICE_TOKEN) {
    throw new ConfigError("WECHATY_PUPPET_SERVICE_TOKEN", "required when WECHATY_PUPPET is wechaty-puppet-service");
  }
  return WechatyBuilder.build({
    name: config.WECHATY_NAME,
    puppet: puppet as never, // validated above by loading it; Wechaty's type lists only official names
    ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { puppetOptions: { token: config.WECHATY_PUPPET_SERVICE_TOKEN } } : {}),
  });
}

/** Start WeChat: the puppet starts in the background (see `ready`); login happens when the QR code is scanned. */
export async function startWechat(config: AppConfig, handler: ConversationHandler, options: StartWechatOptions = {}): Promise<RunningWechat> {
  const log = options.log ?? console;
  const wechaty = options.wechaty ?? (await buildWechaty(config));
  const defaults = configuredRoomRegions(config, handler);
  const bindingsFile = join(config.DATA_DIR, "wechat-room-regions.json");
  const roomRegions = options.roomRegions
    ?? (options.roomBindings ? await StoredRoomRegionStore.open(defaults, options.roomBindings, bindingsFile) : new JsonRoomRegionStore(defaults, bindingsFile));

  const adapter = attachWechatAdapter(wechaty, {
    handler,
    pacer: new SendPacer({ perChatMs: config.WECHAT_PACE_CHAT_MS, globalMs: config.WECHAT_PACE_GLOBAL_MS, jitterMs: config.WECHAT_PACE_JITTER_MS }),
    regions: roomRegions,
    staffIds: wechatStaffIds(config),
    prefixes: config.WECHAT_ROOM_PREFIX,
    ...(config.WECHAT_QUESTION_TRIGGER ? { questionTrigger: config.WECHAT_QUESTION_TRIGGER } : {}),
    maxMessageChars: config.WECHAT_MAX_MESSAGE_CHARS,
    interceptors: options.interceptors ?? [],
    log,
  });

  const supervisor = new PuppetSupervisor({ start: () => wechaty.start(), stop: () => wechaty.stop(), log });
  wechaty.on("scan", (code, status) => {
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
    log.info(`wechat: scan this QR code with the bot's WeChat account (or open https://wechaty.js.org/qrcode/${encodeURIComponent(code)})`);
    (options.printQr ?? ((text: string) => qrcode.generate(text, { small: true })))(code);
  });
  wechaty.on("login", (user) => {
    supervisor.onLogin();
    log.info(`wechat: logged in as ${user.name()} (${user.id})`);
  });
  wechaty.on("logout", (user, reason) => log.warn(`wechat: ${user.name()} logged out${reason ? ` (${reason})` : ""}; scan the new QR code to log in again`));
  wechaty.on("heartbeat", () => supervisor.onHeartbeat());
  wechaty.on("message", () => supervisor.onHeartbeat());
  wechaty.on("error", (error) => supervisor.onError(error));

  // Not awaited: a puppet that cannot start yet must not hold up the other channels.
  const ready = supervisor.start();
  return {
    wechaty,
    sender: adapter.sender,
    post: adapter.post,
    ready,
    async stop() {
      supervisor.shutdown();
      adapter.detach();
      await wechaty.stop();
    },
  };
}
