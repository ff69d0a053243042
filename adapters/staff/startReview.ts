/**
 * Staff review wired together over the open store (sessions + drafts): the ReviewService the bot calls,
 * the chat approval handlers for the channels, and the staff console.
 *
 * In adapters/main.ts:
 *   const store = await openStore({ databaseUrl, dataDir });
 *   const review = createStaffReview(loadStaffConfig(), store);
 *   const bot = new PolicyBot({ ..., sessions: store.sessions, review: review.service });
 *   const running = await startChannels(config, bot, { ...review.extensions });
 *   await review.attach(running);          // senders, draft forwarding, console, retry timer
 *   … on shutdown: await running.stop(); await review.close(); await store.close();
 */
import type { Api, Composer, Context } from "grammy";
import type { ChannelSender } from "../../bot/review/channelSender.js";
import type { WecomInterceptor } from "../wecom/wecomAdapter.js";
import type { WechatInterceptor } from "../wechat/wechatAdapter.js";
import { ReviewService } from "../../bot/review/reviewService.js";
import type { Store } from "../../bot/store/store.js";
import type { StaffConfig } from "./config.js";
import { startStaffConsole, type StaffConsole } from "./console.js";
import { createTelegramReviewComposer, forwardDraftsToTelegram } from "./telegramReview.js";
import { createWechatReviewHandler } from "./wechatReview.js";

/** What `attach` needs from the started channels (a structural subset of RunningChannels). */
export interface ReviewChannels {
  senders: ChannelSender[];
  telegramBot?: { api: Api };
  wechat?: {
    post(chatId: string, text: string): Promise<void>;
    ready?: Promise<void>;
    wechaty?: { Room: { find(query: { id: string } | { topic: string }): Promise<{ id: string } | undefined> } };
  };
  wecom?: { post(chatId: string, text: string): Promise<void> };
}

export interface StaffReview {
  service: ReviewService;
  /** Pass to startChannels: the Telegram buttons/commands and the WeChat room commands. */
  extensions: { telegramComposers: Composer<Context>[]; wechatInterceptors: WechatInterceptor[]; wecomInterceptors: WecomInterceptor[] };
  /** After the channels started: register their senders (resuming undelivered replies), forward new drafts to staff chats, start the console. */
  attach(channels: ReviewChannels): Promise<{ consoleUrl?: string }>;
  close(): Promise<void>;
}

/** Build the review service over `store` and its chat handlers from the staff settings. The caller closes the store. */
export function createStaffReview(config: StaffConfig, store: Store, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): StaffReview {
  const service = new ReviewService({ store, reviewChats: config.REVIEW_CHATS, ackChats: config.REVIEW_ACK, ackText: config.REVIEW_ACK_TEXT, log });
  const wechatHandler = createWechatReviewHandler({ service, staffIds: config.STAFF_IDS, staffRoom: config.WECHAT_STAFF_ROOM });
  // WeCom groups take the same text commands; its staff group is named by chat id.
  const wecomHandler = createWechatReviewHandler({ service, channel: "wecom", staffIds: config.STAFF_IDS, staffRoom: config.WECOM_STAFF_CHAT_ID });
  let consoleServer: StaffConsole | undefined;
  const unsubscribe: (() => void)[] = [];

  return {
    service,
    extensions: {
      telegramComposers: [createTelegramReviewComposer({ service, staffIds: config.STAFF_IDS, staffChatId: config.TELEGRAM_STAFF_CHAT_ID })],
      wechatInterceptors: [(m) => wechatHandler.handle(m)],
      wecomInterceptors: [(m) => wecomHandler.handle(m)],
    },
    async attach(channels) {
      for (const sender of channels.senders) service.registerSender(sender);
      if (channels.telegramBot && config.TELEGRAM_STAFF_CHAT_ID) {
        unsubscribe.push(forwardDraftsToTelegram(channels.telegramBot.api, service, config.TELEGRAM_STAFF_CHAT_ID));
      }
      const wechat = channels.wechat;
      if (wechat && config.WECHAT_STAFF_ROOM) {
        const room = config.WECHAT_STAFF_ROOM;
        // Looked up at every post, by id and then by topic: a re-login may have given the room a new id.
        const roomId = async () => {
          if (!wechat.wechaty) return room;
          await wechat.ready;
          return ((await wechat.wechaty.Room.find({ id: room })) ?? (await wechat.wechaty.Room.find({ topic: room })))?.id;
        };
        unsubscribe.push(wechatHandler.forwardDrafts(async (text) => {
          const id = await roomId();
          if (!id) throw new Error(`WECHAT_STAFF_ROOM: no room "${room}" found`);
          await wechat.post(id, text);
        }));
      }
      const wecom = channels.wecom;
      const wecomStaffChat = config.WECOM_STAFF_CHAT_ID;
      if (wecom && wecomStaffChat) unsubscribe.push(wecomHandler.forwardDrafts((text) => wecom.post(wecomStaffChat, text)));
      service.start();
      if (config.STAFF_TOKEN) {
        consoleServer = await startStaffConsole({ service, tokens: config.STAFF_TOKEN, host: config.STAFF_HOST, port: config.STAFF_PORT, cookieSecure: config.STAFF_COOKIE_SECURE });
        log(`staff console: ${consoleServer.url}`);
      } else if (config.REVIEW_CHATS.length > 0 && !config.TELEGRAM_STAFF_CHAT_ID && !config.WECHAT_STAFF_ROOM && !config.WECOM_STAFF_CHAT_ID) {
        log("REVIEW_CHATS: chats are in review mode but STAFF_TOKEN, TELEGRAM_STAFF_CHAT_ID, WECHAT_STAFF_ROOM and WECOM_STAFF_CHAT_ID are all unset, so no one can approve drafts");
      }
      return { consoleUrl: consoleServer?.url };
    },
    async close() {
      unsubscribe.splice(0).forEach((u) => u());
      await consoleServer?.close();
      await service.close();
    },
  };
}
