/**
 * The product's configuration: environment variables (and `.env` when present), validated with zod.
 * Keys are the environment variable names themselves, so `.env.example` documents this file one-to-one.
 * A bad setting becomes ONE line naming it (`ConfigError`), never a stack trace.
 */
import { existsSync } from "node:fs";
import { z } from "zod";

/** A setting that failed validation; `message` is the one line an operator sees. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    detail: string,
  ) {
    super(`Bad setting ${setting}: ${detail}`);
    this.name = "ConfigError";
  }
}

const optionalString = z.string().trim().min(1).optional();
const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` });
const optionalUrl = httpUrl("https://example.com").optional();
const int = (min: number, max: number) =>
  z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { error: "must be true or false" }))
  .transform((v) => ["1", "true", "yes", "on"].includes(v));
/** "a,b c" → ["a","b","c"]: lists of ids may use commas, semicolons or spaces. */
const idList = z
  .string()
  .transform((v) => v.split(/[\s,;，；]+/).filter(Boolean))
  .default([]);

/**
 * "key=value;key2=value2" or a JSON object → a map of strings. Room ids contain '@' but never '=' or ';',
 * so the short form is safe for WeChat; JSON is there for values that need those characters.
 */
const keyValueMap = z
  .string()
  .transform((raw, ctx): Record<string, string> => {
    const text = raw.trim();
    if (text.startsWith("{")) {
      try {
        const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // fall through to the issue below
      }
      ctx.addIssue({ code: "custom", message: 'must be a JSON object of strings, e.g. {"roomId":"前缀"}' });
      return z.NEVER;
    }
    const map: Record<string, string> = {};
    for (const pair of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
      const eq = pair.indexOf("=");
      if (eq <= 0 || eq === pair.length - 1) {
        ctx.addIssue({ code: "custom", message: `"${pair}" is not key=value (use "roomId=value;roomId2=value")` });
        return z.NEVER;
      }
      map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    return map;
  })
  .default({});

const regex = z.string().transform((source, ctx) => {
  try {
    return new RegExp(source, "u");
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `not a valid regular expression (${(error as Error).message})` });
    return z.NEVER;
  }
});

/** Settings read by the conversation core (bot/, knowledge/); validated here so a typo fails at start. */
const coreEnv = {
  /** Optional: without a key the bot answers from its templates only. */
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString,
  LLM_TIMEOUT_MS: int(100, 600_000).optional(),
  /** Timeouts or errors in a row after which the model is skipped for LLM_BREAKER_COOLDOWN_MS. */
  LLM_BREAKER_FAILURES: int(1, 1_000).default(3),
  LLM_BREAKER_COOLDOWN_MS: int(100, 86_400_000).default(60_000),
  EMBEDDINGS_BASE_URL: optionalUrl,
  EMBEDDINGS_MODEL: optionalString,
  DATA_DIR: z.string().trim().min(1).default("data"),
  /** A folder with its own facts.yaml and policies/ to answer from instead of the repository's rules/ (read by rules/ on start). */
  RULES_DIR: optionalString.refine((d) => d === undefined || (existsSync(`${d}/facts.yaml`) && existsSync(`${d}/policies`)), "must be a folder holding facts.yaml and policies/"),
  /** postgres://user:password@host:5432/db — sessions, drafts, flood control and room bindings in PostgreSQL, shared by every bot process. Unset: SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL URL: postgres://user:password@host:5432/database")
    .optional(),
  SESSION_IDLE_MINUTES: int(1, 60 * 24 * 365).optional(),
  AS_OF: z.iso.date({ error: "must be a date YYYY-MM-DD" }).optional(),
};

/** Operations: the health/metrics server and the structured log. */
const opsEnv = {
  /** Where /healthz and /metrics listen; 0 = any free port (printed at start). */
  HEALTH_HOST: z.string().trim().min(1).default("127.0.0.1"),
  HEALTH_PORT: int(0, 65_535).default(9464),
  /** pino level; unset = info, or warn when only the console chat runs (its turns are on screen). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" }).optional(),
  /** Put the asker's message text into the turn log line (off: chats are private). */
  LOG_TEXT: bool.default(false),
};

/** Telegram (grammY). The channel starts when TELEGRAM_BOT_TOKEN is set. */
const telegramEnv = {
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF… (the token @BotFather gave you)")
    .optional(),
  TELEGRAM_API_ROOT: httpUrl("https://api.telegram.org").default("https://api.telegram.org").transform((url) => url.replace(/\/+$/, "")),
  /** Public HTTPS URL Telegram posts updates to; unset = long polling. */
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_PORT: int(1, 65_535).default(8080),
  TELEGRAM_WEBHOOK_HOST: z.string().trim().min(1).default("127.0.0.1"),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "may only contain A-Z a-z 0-9 _ - (Telegram's rule)")
    .optional(),
  /** Queue outgoing calls to Telegram's published limits; switch off only for load tests. */
  TELEGRAM_THROTTLE: bool.default(true),
  /** Proxy for every Bot API call: http(s)://host:port (CONNECT) or socks5://host:port. Unset = direct. */
  TELEGRAM_PROXY: z
    .url({ protocol: /^(https?|socks[45]?h?)$/, error: "must be a proxy URL such as http://127.0.0.1:7890 or socks5://127.0.0.1:1080" })
    .optional(),
};

/** Puppet packages the WeChat channel knows; others must be listed in WECHATY_PUPPET_EXTRA. */
export const KNOWN_PUPPETS = ["wechaty-puppet-wechat4u", "wechaty-puppet-service", "wechaty-puppet-mock"] as const;

/** WeChat (Wechaty). The channel starts when WECHATY_PUPPET is set. */
const wechatEnv = {
  /** A puppet package: one of KNOWN_PUPPETS (short names wechat4u, service, mock work too) or one in WECHATY_PUPPET_EXTRA. */
  WECHATY_PUPPET: optionalString,
  /** Further puppet package names an operator has installed and vouches for (comma-separated). */
  WECHATY_PUPPET_EXTRA: idList,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
  /** Discovery host of a puppet-service provider whose tokens need one (WorkPro for WeCom accounts). */
  WECHATY_PUPPET_SERVICE_AUTHORITY: optionalString,
  /** Login session name; Wechaty keeps `<DATA_DIR>/<name>.memory-card.json`. */
  WECHATY_NAME: z.string().trim().min(1).regex(/^[\w.-]+$/, "may only contain letters, digits, _ . -").default("huishang-bot"),
  /** Give up (exit 1 with one line) after this many failed puppet starts in a row. */
  WECHATY_MAX_START_FAILURES: int(1, 1_000).default(5),
  /** Ask the puppet ding every this many seconds and restart it when no dong comes back; 0 = off. */
  WECHATY_DING_SECONDS: int(0, 86_400).default(0),
  /** Accept friend requests whose greeting contains this word. Unset = leave friend requests alone. */
  WECHAT_FRIEND_KEYWORD: optionalString,
  /** Accept room invitations from staff (WECHAT_STAFF_IDS / STAFF_IDS). */
  WECHAT_ACCEPT_STAFF_INVITES: bool.default(false),
  /** Said once when the bot joins a room. Unset = say nothing. */
  WECHAT_WELCOME_TEXT: optionalString,
  /** Per-room prefixes that address the bot without an @-mention; "*" applies to every room. */
  WECHAT_ROOM_PREFIX: keyValueMap,
  /** A regular expression; a room message matching it is answered without a mention. Off when unset. */
  WECHAT_QUESTION_TRIGGER: regex.optional(),
  /** Room (id or topic) → region (a place name such as 平阴 or a policy id) bound from configuration. */
  WECHAT_ROOM_REGIONS: keyValueMap,
  /** Contacts (id, alias or name) allowed to bind a room's region with "@bot 绑定 平阴". */
  WECHAT_STAFF_IDS: idList,
  /** Minimum gap between two messages the bot sends into the same chat. */
  WECHAT_PACE_CHAT_MS: int(0, 600_000).default(2_000),
  /** Minimum gap between any two messages the bot sends. */
  WECHAT_PACE_GLOBAL_MS: int(0, 600_000).default(800),
  /** Random extra delay (0…this) added to every gap, so sending never looks machine-regular. */
  WECHAT_PACE_JITTER_MS: int(0, 600_000).default(1_200),
  /** Longest single WeChat message; longer replies are split at line breaks. */
  WECHAT_MAX_MESSAGE_CHARS: int(200, 10_000).default(1_800),
};

/** WeCom (企业微信) 智能机器人 over its long connection. The channel starts when WECOM_BOT_ID is set. */
const wecomEnv = {
  WECOM_BOT_ID: optionalString,
  WECOM_BOT_SECRET: optionalString,
  /** The long-connection address; WeCom's own by default. Private deployments (and tests) set their own. */
  WECOM_WS_URL: z
    .url({ protocol: /^wss?$/, error: "must be a ws(s) URL such as wss://openws.work.weixin.qq.com" })
    .default("wss://openws.work.weixin.qq.com"),
  /** Longest single WeCom reply; longer answers go out as several messages (WeCom allows 20480 bytes). */
  WECOM_MAX_MESSAGE_CHARS: int(200, 6_000).default(4_000),
};

/**
 * ─── STAFF / REVIEW SETTINGS ──────────────────────────────────────────────────────────────────────
 * Owned by the review feature: REVIEW_CHATS, REVIEW_ACK, REVIEW_ACK_TEXT, STAFF_TOKEN, STAFF_PORT,
 * STAFF_HOST, STAFF_COOKIE_SECURE, TELEGRAM_STAFF_CHAT_ID, WECHAT_STAFF_ROOM, WECOM_STAFF_CHAT_ID are validated by
 * `loadStaffConfig` in adapters/staff/config.ts (same one-line errors); they are listed here only so
 * `.env.example` is checked against every name. Only STAFF_IDS is read here too: staff listed there
 * ("wechat:<id>" or a bare id) may also bind WeChat rooms to regions.
 */
export const STAFF_SETTING_NAMES = [
  "REVIEW_CHATS",
  "REVIEW_ACK",
  "REVIEW_ACK_TEXT",
  "STAFF_TOKEN",
  "STAFF_PORT",
  "STAFF_HOST",
  "STAFF_COOKIE_SECURE",
  "STAFF_IDS",
  "TELEGRAM_STAFF_CHAT_ID",
  "WECHAT_STAFF_ROOM",
  "WECOM_STAFF_CHAT_ID",
] as const;
const staffEnv = {
  STAFF_IDS: idList,
};
// ─── END STAFF / REVIEW SETTINGS ─────────────────────────────────────────────────────────────────

/** Every setting, keyed by its environment variable name. */
export const ConfigSchema = z
  .object({ ...coreEnv, ...opsEnv, ...telegramEnv, ...wechatEnv, ...wecomEnv, ...staffEnv })
  .refine((c) => !c.WECOM_BOT_ID || c.WECOM_BOT_SECRET, { path: ["WECOM_BOT_SECRET"], message: "required when WECOM_BOT_ID is set (both come from the bot's page in the WeCom admin console)" })
  .transform((c, ctx) => {
    if (!c.WECHATY_PUPPET) return c;
    const puppet = puppetPackage(c.WECHATY_PUPPET);
    if (![...KNOWN_PUPPETS, ...c.WECHATY_PUPPET_EXTRA].includes(puppet)) {
      ctx.addIssue({ code: "custom", path: ["WECHATY_PUPPET"], message: `"${c.WECHATY_PUPPET}" is not a known puppet package; use wechaty-puppet-wechat4u, wechaty-puppet-service or wechaty-puppet-mock, or list an installed one in WECHATY_PUPPET_EXTRA` });
      return z.NEVER;
    }
    if (puppet === "wechaty-puppet-service" && !c.WECHATY_PUPPET_SERVICE_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["WECHATY_PUPPET_SERVICE_TOKEN"], message: "required when WECHATY_PUPPET is wechaty-puppet-service" });
      return z.NEVER;
    }
    return { ...c, WECHATY_PUPPET: puppet };
  });

/** "wechat4u" → "wechaty-puppet-wechat4u"; full package names stay as they are. */
function puppetPackage(name: string): string {
  const short = KNOWN_PUPPETS.find((p) => p === `wechaty-puppet-${name}`);
  return short ?? name;
}

export type AppConfig = z.infer<typeof ConfigSchema>;

/** Names of the settings validated here. */
export const SETTING_NAMES = Object.keys({ ...coreEnv, ...opsEnv, ...telegramEnv, ...wechatEnv, ...wecomEnv, ...staffEnv }) as (keyof AppConfig)[];

/** Every setting of the product, for `.env.example` and documentation checks. */
export const ALL_SETTING_NAMES: readonly string[] = [...new Set<string>([...SETTING_NAMES, ...STAFF_SETTING_NAMES])];

/**
 * Validate settings from an environment-like record. Empty values count as unset, so a copied
 * `.env.example` with blanks behaves like no file at all. Throws `ConfigError` on the first bad setting.
 */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const present = Object.fromEntries(
    SETTING_NAMES.flatMap((name) => {
      const value = env[name];
      return value === undefined || value.trim() === "" ? [] : [[name, value]];
    }),
  );
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(String(issue.path[0] ?? "configuration"), issue.message);
}

/**
 * Load `.env` (if the file exists; real environment variables win) and validate. This is what
 * `npm start` uses; tests call `parseConfig` directly.
 */
export function loadConfig(envFile = ".env"): AppConfig {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}

/** Which channels a configuration starts: `npm start` picks console only when no chat channel is set. */
export function selectedChannels(config: AppConfig): ("telegram" | "wechat" | "wecom" | "console")[] {
  const channels: ("telegram" | "wechat" | "wecom" | "console")[] = [];
  if (config.TELEGRAM_BOT_TOKEN) channels.push("telegram");
  if (config.WECHATY_PUPPET) channels.push("wechat");
  if (config.WECOM_BOT_ID) channels.push("wecom");
  return channels.length > 0 ? channels : ["console"];
}
