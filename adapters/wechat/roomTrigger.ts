/**
 * When a WeChat room message is meant for the bot. Misfiring triggers are the most common complaint
 * about group bots, so the default is strict: only an @-mention. A per-room prefix and a question
 * pattern can be switched on by configuration.
 */
export interface RoomTriggerOptions {
  /** Room id → prefix; "*" applies to rooms without their own. */
  prefixes: Readonly<Record<string, string>>;
  /** A room message matching this is answered without a mention. Off when undefined. */
  questionTrigger?: RegExp;
}

export interface RoomMessageText {
  roomId: string;
  /** The raw text as received. */
  text: string;
  /** Whether the message @-mentions the bot. */
  mentionsBot: boolean;
  /** The text with the bot's mention removed (only meaningful when `mentionsBot`). */
  textWithoutMention: string;
}

export type RoomTriggerResult = { addressed: false } | { addressed: true; via: "mention" | "prefix" | "question"; text: string };

/** Leading separators people type after a mention or prefix: spaces, colons, commas. */
const LEADING_SEPARATORS = /^[\s\u2005:：,，、]+/u;

/** Decide whether the bot is addressed and return the text it should read. */
export function roomTrigger(message: RoomMessageText, options: RoomTriggerOptions): RoomTriggerResult {
  if (message.mentionsBot) {
    return { addressed: true, via: "mention", text: message.textWithoutMention.replace(LEADING_SEPARATORS, "").trim() };
  }
  const text = message.text.trim();
  const prefix = options.prefixes[message.roomId] ?? options.prefixes["*"];
  if (prefix && text.startsWith(prefix)) {
    return { addressed: true, via: "prefix", text: text.slice(prefix.length).replace(LEADING_SEPARATORS, "").trim() };
  }
  if (options.questionTrigger && options.questionTrigger.test(text)) {
    return { addressed: true, via: "question", text };
  }
  return { addressed: false };
}
