/**
 * Start the WeChat channel from configuration: build Wechaty with the configured puppet, print the
 * login QR code in the terminal, attach the adapter, and keep the puppet alive with the supervisor.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import qrcode from "qrcode-terminal";
import { ScanStatus, WechatyBuilder, types, type Wechaty } from "wechaty";
import type { ConversationHandler } from "../../bot/message.js";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender } from "../../bot/review/channelSender.js";
import type { ChannelState } from "../channelState.js";
import { ConfigError, type AppConfig } from "../config.js";
import { resolveRegion } from "../regionName.js";
import { createChatDirectory, type ChatDirectory } from "./chatDirectory.js";
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
  /** Resolves with one line for the operator if the puppet failed to start too often and the channel gave up. */
  gaveUp: Promise<string>;
  /** Room topics and contact names resolved to the ids of the current login. */
  directory: ChatDirectory;
  /** Puppet started and account logged in, now. */
  state(): ChannelState;
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
  /** Called when a reply could not be sent (metrics). */
  onSendFailed?: () => void;
}

/** Who may bind rooms: WECHAT_STAFF_IDS plus the WeChat entries of STAFF_IDS ("wechat:<id or name>" or bare). */
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
  const puppet = config.WECHATY_PUPPET!; // a known package name (checked by the config schema)
  try {
    await import(puppet);
  } catch {
    throw new ConfigError("WECHATY_PUPPET", `puppet package "${puppet}" is not installed (npm install ${puppet})`);
  }
  // The login session (memory card) lives with the bot's other files, not in the working directory.
  mkdirSync(config.DATA_DIR, { recursive: true });
  const puppetOptions = {
    ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {}),
    ...(config.WECHATY_PUPPET_SERVICE_AUTHORITY ? { authority: config.WECHATY_PUPPET_SERVICE_AUTHORITY } : {}),
  };
  return WechatyBuilder.build({
    name: join(config.DATA_DIR, config.WECHATY_NAME),
    puppet: puppet as never, // Wechaty's type lists only official names
    ...(Object.keys(puppetOptions).length > 0 ? { puppetOptions } : {}),
  });
}

/** What to check when a puppet keeps failing to start. */
function puppetHint(puppet: string | undefined): string {
  if (puppet === "wechaty-puppet-service") return "check WECHATY_PUPPET_SERVICE_TOKEN (still valid?), WECHATY_PUPPET_SERVICE_AUTHORITY (WorkPro tokens need the provider's discovery host) and the network";
  if (puppet === "wechaty-puppet-wechat4u") return "wechat4u uses WeChat's web protocol, which WeChat refuses for many accounts; see README \"Which WeChat route?\"";
  return "check WECHATY_PUPPET and the network";
}

/** Start WeChat: the puppet starts in the background (see `ready`); login happens when the QR code is scanned. */
export async function startWechat(config: AppConfig, handler: ConversationHandler, options: StartWechatOptions = {}): Promise<RunningWechat> {
  const log = options.log ?? console;
  const wechaty = options.wechaty ?? (await buildWechaty(config));
  const defaults = configuredRoomRegions(config, handler);
  const bindingsFile = join(config.DATA_DIR, "wechat-room-regions.json");
  const roomRegions = options.roomRegions
    ?? (options.roomBindings ? await StoredRoomRegionStore.open(defaults, options.roomBindings, bindingsFile) : new JsonRoomRegionStore(defaults, bindingsFile));
  const staff = wechatStaffIds(config);
  const directory = createChatDirectory(wechaty, log);
  // Configured rooms are checked after each login; rooms bound in chat join the list when bound.
  directory.watchRooms(Object.keys(defaults));
  directory.watchContacts(staff);

  const adapter = attachWechatAdapter(wechaty, {
    handler,
    pacer: new SendPacer({ perChatMs: config.WECHAT_PACE_CHAT_MS, globalMs: config.WECHAT_PACE_GLOBAL_MS, jitterMs: config.WECHAT_PACE_JITTER_MS }),
    regions: roomRegions,
    staffIds: staff,
    directory,
    prefixes: config.WECHAT_ROOM_PREFIX,
    ...(config.WECHAT_QUESTION_TRIGGER ? { questionTrigger: config.WECHAT_QUESTION_TRIGGER } : {}),
    maxMessageChars: config.WECHAT_MAX_MESSAGE_CHARS,
    interceptors: options.interceptors ?? [],
    log,
    ...(options.onSendFailed ? { onSendFailed: options.onSendFailed } : {}),
  });

  let giveUp!: (line: string) => void;
  const gaveUp = new Promise<string>((resolve) => (giveUp = resolve));
  const supervisor = new PuppetSupervisor({
    start: () => wechaty.start(),
    stop: () => wechaty.stop(),
    log,
    maxStartFailures: config.WECHATY_MAX_START_FAILURES,
    checkHint: puppetHint(config.WECHATY_PUPPET),
    giveUp,
  });
  wechaty.on("scan", (code, status) => {
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
    log.info(`wechat: scan this QR code with the bot's WeChat account (or open https://wechaty.js.org/qrcode/${encodeURIComponent(code)})`);
    (options.printQr ?? ((text: string) => qrcode.generate(text, { small: true })))(code);
  });
  wechaty.on("login", (user) => {
    supervisor.onLogin();
    log.info(`wechat: logged in as ${user.name()} (${user.id})`);
    // Ids may have changed (wechat4u gives new ones on every login): look every configured name up again.
    directory.refresh().catch((error: Error) => log.error(`wechat: could not resolve rooms and contacts: ${error.message}`));
  });
  wechaty.on("logout", (user, reason) => log.warn(`wechat: ${user.name()} logged out${reason ? ` (${reason})` : ""}; scan the new QR code to log in again`));
  wechaty.on("heartbeat", () => supervisor.onHeartbeat());
  wechaty.on("message", () => supervisor.onHeartbeat());
  wechaty.on("error", (error) => supervisor.onError(error));
  // A Wechaty handed in already logged in (tests) has had its login event.
  if (wechaty.isLoggedIn) directory.refresh().catch((error: Error) => log.error(`wechat: could not resolve rooms and contacts: ${error.message}`));
  const stopHandlers = attachOptionalHandlers(wechaty, config, { staff, directory, supervisor, log });

  // Not awaited: a puppet that cannot start yet must not hold up the other channels.
  const ready = supervisor.start();
  return {
    wechaty,
    sender: adapter.sender,
    post: adapter.post,
    ready,
    gaveUp,
    directory,
    state: () => ({ connected: wechaty.state.active() === true, loggedIn: wechaty.isLoggedIn }),
    async stop() {
      stopHandlers();
      supervisor.shutdown();
      adapter.detach();
      await wechaty.stop();
    },
  };
}

/**
 * The optional handlers: friend requests with the keyword, room invitations from staff, a welcome line
 * on joining a room, and the ding/dong liveness check. Each is off unless its setting is given.
 */
function attachOptionalHandlers(
  wechaty: Wechaty,
  config: AppConfig,
  { staff, directory, supervisor, log }: { staff: string[]; directory: ChatDirectory; supervisor: PuppetSupervisor; log: AdapterLog },
): () => void {
  const keyword = config.WECHAT_FRIEND_KEYWORD;
  if (keyword) {
    wechaty.on("friendship", async (friendship) => {
      if (friendship.type() !== types.Friendship.Receive || !friendship.hello().includes(keyword)) return;
      await friendship.accept().catch((error: Error) => log.warn(`wechat: could not accept a friend request: ${error.message}`));
      log.info(`wechat: accepted a friend request from ${friendship.contact().name()} (greeting had "${keyword}")`);
    });
  }
  if (config.WECHAT_ACCEPT_STAFF_INVITES) {
    wechaty.on("room-invite", async (invitation) => {
      const inviter = await invitation.inviter();
      if (!staff.some((ref) => directory.isContact(ref, inviter.id))) return void log.info(`wechat: ignored a room invitation from ${inviter.name()} (not staff)`);
      await invitation.accept().catch((error: Error) => log.warn(`wechat: could not accept a room invitation: ${error.message}`));
      log.info(`wechat: accepted a room invitation from ${inviter.name()}`);
    });
  }
  const welcome = config.WECHAT_WELCOME_TEXT;
  if (welcome) {
    wechaty.on("room-join", async (room, invitees) => {
      if (!invitees.some((contact) => contact.self())) return;
      await room.say(welcome).catch((error: Error) => log.warn(`wechat: could not greet room ${room.id}: ${error.message}`));
    });
  }
  if (config.WECHATY_DING_SECONDS === 0) return () => undefined;
  // A puppet can look alive (no error, no logout) and still be dead: it must answer ding with dong.
  let awaitingDong = false;
  wechaty.on("dong", () => {
    awaitingDong = false;
    supervisor.onHeartbeat();
  });
  const timer = setInterval(() => {
    if (!wechaty.isLoggedIn) return;
    if (awaitingDong) {
      awaitingDong = false;
      void supervisor.restart(`no dong within ${config.WECHATY_DING_SECONDS} s of a ding`);
      return;
    }
    awaitingDong = true;
    try {
      wechaty.ding("liveness");
    } catch (error) {
      log.warn(`wechat: ding failed: ${(error as Error).message}`);
    }
  }, config.WECHATY_DING_SECONDS * 1_000).unref();
  return () => clearInterval(timer);
}
