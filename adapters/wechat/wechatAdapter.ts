/**
 * WeChat through Wechaty: turns room and private messages into `IncomingMessage`s and posts the bot's
 * replies back, @-mentioning the asker, split into WeChat-sized pieces and paced. Nothing here decides
 * what to answer; that is `bot/`. The only logic of its own is channel etiquette: when a room message is
 * for the bot, and who may bind a room to a region.
 */
import { types, type Wechaty } from "wechaty";
import type { Contact, Message, Room } from "wechaty";
import type { AdapterLog } from "../adapterLog.js";
import type { ChannelSender, ReplyTarget } from "../../bot/review/channelSender.js";
import { ADAPTER_ERROR_TEXT, answerChatCommand } from "../chatCommands.js";
import type { ConversationHandler, IncomingMessage, SessionKey } from "../../bot/message.js";
import { listRegionNames, resolveRegion } from "../regionName.js";
import { splitReply } from "../splitReply.js";
import type { ChatDirectory } from "./chatDirectory.js";
import type { RoomRegionStore } from "./roomRegions.js";
import { roomTrigger, type RoomTriggerOptions } from "./roomTrigger.js";
import type { SendPacer } from "./sendPacer.js";
import { SerialQueue } from "../serialQueue.js";

export interface WechatAdapterOptions extends RoomTriggerOptions {
  handler: ConversationHandler;
  pacer: SendPacer;
  /** Room bindings, keyed by room topic (chat-made) or by id or topic (configured). */
  regions: RoomRegionStore;
  /** Contacts (id, alias or name) allowed to bind a room's region. */
  staffIds: readonly string[];
  /** Resolves aliases and names to the ids of the current login; ids alone when absent. */
  directory?: ChatDirectory;
  /** Longest single message; longer replies are split at line breaks. */
  maxMessageChars: number;
  /** Messages older than this (e.g. a backlog delivered after a restart) are not answered. */
  maxAgeSeconds?: number;
  log?: AdapterLog;
  /** Called when a reply could not be sent (metrics). */
  onSendFailed?: () => void;
  /** Called once per incoming message with what the adapter did, for logs and tests. */
  onOutcome?: (outcome: WechatOutcome) => void;
  /**
   * Run before the bot on every text message (room or private, addressed or not), e.g. the review
   * feature's staff commands. The first one that returns text answers the message instead of the bot.
   */
  interceptors?: WechatInterceptor[];
}

/** A text message as interceptors see it. */
export interface WechatTextMessage {
  /** Room id; undefined in a private chat. */
  roomId?: string;
  roomTopic?: string;
  talkerId: string;
  talkerName?: string;
  /** The text, with the bot's @-mention removed when there was one. */
  text: string;
  /** Whether a setting's entry (an id, alias or name) names the talker. */
  talkerIs?: (ref: string) => boolean;
}

/** Returns the reply when it handled the message, or null/undefined to let the next step have it. */
export type WechatInterceptor = (message: WechatTextMessage) => string | null | undefined | Promise<string | null | undefined>;

export interface WechatOutcome {
  messageId: string;
  chatId: string;
  userId: string;
  result: "ignored" | "replied" | "silent" | "command" | "failed";
}

export interface WechatAdapter {
  /** Posts into a WeChat room or private chat on behalf of others (staff approving a draft). */
  sender: ChannelSender;
  /** Post `text` into a room (by id) or a private chat (by contact id), paced, without a mention. */
  post(chatId: string, text: string): Promise<void>;
  /** Stop listening to the Wechaty instance. */
  detach(): void;
}

/** Message types that need no reply at all: recalls, system notes, money transfers. */
const SILENT_TYPES = new Set<types.Message>([
  types.Message.Unknown,
  types.Message.Recalled,
  types.Message.GroupNote,
  types.Message.Transfer,
  types.Message.RedEnvelope,
]);

/** "绑定 平阴", "绑定地区：平阴", "解绑", "解除绑定". */
const BIND_COMMAND = /^(?:绑定(?:地区|区域)?[\s:：]*(?<region>\S.*)?|(?<unbind>解绑|解除绑定|取消绑定))$/u;

/** Listen to `wechaty`'s messages and answer through `options.handler`. */
export function attachWechatAdapter(wechaty: Wechaty, options: WechatAdapterOptions): WechatAdapter {
  const log = options.log ?? console;
  const perUser = new SerialQueue();
  const isContact = (ref: string, contactId: string) => options.directory?.isContact(ref, contactId) ?? ref === contactId;
  /** Chats seen so far, so the sender knows a room id from a contact id. */
  const roomIds = new Set<string>();

  /** Queue a reply's pieces with the pacer, all at once, so two replies into one chat never interleave. */
  const say = async (chatId: string, text: string, room: Room | undefined, to: Contact | undefined): Promise<void> => {
    const pieces = splitReply(text, options.maxMessageChars).map((chunk, index) =>
      options.pacer.schedule(chatId, async () => {
        // Mention the asker on the first piece only; the rest continue the same reply.
        if (room) await (index === 0 && to ? room.say(chunk, to) : room.say(chunk));
        else await to?.say(chunk);
      }),
    );
    await Promise.all(pieces);
  };
  /** Send without holding up the next message: pacing must not slow reading (or the rate limit would never trip). */
  const deliver = (chatId: string, text: string, room: Room | undefined, to: Contact | undefined): void => {
    say(chatId, text, room, to).catch((error: Error) => {
      options.onSendFailed?.();
      log.error(`wechat: could not send into ${chatId}: ${error.message}`);
    });
  };

  const onMessage = async (message: Message): Promise<void> => {
    if (message.self()) return; // our own replies come back as messages too
    const talker = message.talker();
    const room = message.room();
    const chatId = room ? room.id : talker.id;
    const report = (result: WechatOutcome["result"]) =>
      options.onOutcome?.({ messageId: message.id, chatId, userId: talker.id, result });

    if (SILENT_TYPES.has(message.type()) || message.age() > (options.maxAgeSeconds ?? 180) || talker.type() === types.Contact.Official) {
      return report("ignored");
    }
    if (room) roomIds.add(room.id);
    const isText = message.type() === types.Message.Text;

    // In a room only text can address the bot (an image cannot @-mention anyone).
    if (room && !isText) return report("ignored");
    const rawText = isText ? message.text() : "";
    const mentionsBot = room ? await message.mentionSelf() : false;
    const textWithoutMention = mentionsBot ? stripSelfMention(await message.mentionText(), wechaty) : rawText;
    const topic = room ? await room.topic().catch(() => undefined) : undefined;

    if (isText && options.interceptors?.length) {
      const seen: WechatTextMessage = { talkerId: talker.id, talkerName: talker.name(), text: textWithoutMention, talkerIs: (ref) => isContact(ref, talker.id) };
      if (room) Object.assign(seen, { roomId: room.id, roomTopic: topic });
      for (const intercept of options.interceptors) {
        const reply = await Promise.resolve(intercept(seen)).catch((error: Error) => {
          log.error(`wechat: interceptor failed on ${message.id}: ${error.message}`);
          return ADAPTER_ERROR_TEXT;
        });
        if (reply) {
          deliver(chatId, reply, room, talker);
          return report("command");
        }
      }
    }

    let text = rawText;
    if (room) {
      const trigger = roomTrigger({ roomId: room.id, text: rawText, mentionsBot, textWithoutMention }, options);
      if (!trigger.addressed) return report("ignored");
      text = trigger.text;
    }

    const key: SessionKey = { channel: "wechat", chatId, userId: talker.id };
    // One member's messages are read in order; the replies are queued for paced sending.
    await perUser.run(JSON.stringify([chatId, talker.id]), async () => {
      try {
        const direct = room ? await roomCommand(room, topic, talker.id, text) : undefined;
        const reply = direct ?? (await answerChatCommand(options.handler, key, text));
        if (reply !== undefined) {
          deliver(chatId, reply, room, talker);
          return report("command");
        }
        const incoming: IncomingMessage = {
          channel: "wechat",
          chatId,
          userId: talker.id,
          userName: talker.name(),
          text,
          isPrivate: !room,
          messageId: message.id,
          kind: isText ? "text" : "non_text",
        };
        const policyId = room ? await regionOf(room.id, topic) : undefined;
        if (policyId) incoming.defaultPolicy = policyId;
        const botReply = await options.handler.handle(incoming);
        if (botReply.toAsker === null || botReply.toAsker.trim() === "") return report("silent");
        deliver(chatId, botReply.toAsker, room, talker);
        report("replied");
      } catch (error) {
        log.error(`wechat: failed to answer message ${message.id} in ${chatId}: ${(error as Error).message}`);
        deliver(chatId, ADAPTER_ERROR_TEXT, room, talker);
        report("failed");
      }
    });
  };

  /** A room's region: bound by its id (this login only) or by its topic (survives a re-login). */
  const regionOf = async (roomId: string, topic: string | undefined): Promise<string | undefined> =>
    (await options.regions.get(roomId)) ?? (topic ? await options.regions.get(topic) : undefined);

  /** Room-only staff command: bind or unbind the room's default region. */
  const roomCommand = async (room: Room, topic: string | undefined, userId: string, text: string): Promise<string | undefined> => {
    const match = BIND_COMMAND.exec(text.trim());
    if (!match) return undefined;
    if (!options.staffIds.some((ref) => isContact(ref, userId))) return "只有本群管理员可以绑定或解绑本群地区。";
    const regions = options.handler.regions();
    // Kept under the topic when there is one: the room's id changes on a re-login, its topic does not.
    const key = topic || room.id;
    if (match.groups?.unbind) {
      await options.regions.clear(key);
      if (key !== room.id && (await options.regions.get(room.id))) await options.regions.clear(room.id);
      return "已解除本群的地区绑定。之后请在提问时说明地区。";
    }
    const wanted = match.groups?.region ?? "";
    const region = resolveRegion(wanted, regions);
    if (!region) return `没有找到“${wanted || "（空）"}”。可绑定的地区：${listRegionNames(regions)}。例如：绑定 平阴`;
    await options.regions.set(key, region.id);
    if (key !== room.id && (await options.regions.get(room.id))) await options.regions.clear(room.id);
    options.directory?.watchRooms([key]);
    log.info(`wechat: room ${room.id} (${topic ?? "?"}) bound to ${region.id} by ${userId}`);
    return `本群已绑定地区：${region.name}。没有说明地区的问题，将按${region.name}的政策回答。`;
  };

  const listener = (message: Message) => {
    onMessage(message).catch((error: unknown) => log.error(`wechat: message handler crashed: ${(error as Error).message}`));
  };
  wechaty.on("message", listener);

  /** The room behind `chatId`, or undefined when it is a private chat (a contact id). */
  const findRoom = async (chatId: string): Promise<Room | undefined> => {
    if (!roomIds.has(chatId) && !chatId.endsWith("@chatroom")) return undefined;
    const room = await wechaty.Room.find({ id: chatId });
    if (!room) throw new Error(`wechat: room ${chatId} not found`);
    return room;
  };

  const sender: ChannelSender = {
    channel: "wechat",
    async sendReply(chatId: string, text: string, to: ReplyTarget): Promise<void> {
      const room = await findRoom(chatId);
      const contact = await wechaty.Contact.find({ id: to.userId });
      if (!room && !contact) throw new Error(`wechat: contact ${to.userId} not found`);
      await say(chatId, text, room, contact);
    },
  };

  const post = async (chatId: string, text: string): Promise<void> => {
    const room = await findRoom(chatId);
    const contact = room ? undefined : await wechaty.Contact.find({ id: chatId });
    if (!room && !contact) throw new Error(`wechat: contact ${chatId} not found`);
    await say(chatId, text, room, contact);
  };

  return { sender, post, detach: () => void wechaty.off("message", listener) };
}

/** `mentionText()` strips mentions by display name; also strip the bot's own name if it survived (room aliases). */
function stripSelfMention(text: string, wechaty: Wechaty): string {
  let name = "";
  try {
    name = wechaty.currentUser.name();
  } catch {
    return text; // not logged in: nothing to strip
  }
  return name ? text.split(`@${name}`).join(" ").trim() : text;
}
