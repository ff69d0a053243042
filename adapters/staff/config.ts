/**
 * Settings of staff review, read from the environment and checked with zod.
 * A bad value stops start-up with one line naming the setting.
 *
 * STAFF_TOKEN          console login. Either one shared token (staff then type their name at login), or
 *                      "name=token" pairs separated by commas (the name comes from the token; no name field).
 * STAFF_PORT           console port (default 8787; 0 = any free port).    STAFF_HOST   bind address (default 127.0.0.1).
 * STAFF_COOKIE_SECURE  "true" behind an HTTPS proxy: the session cookie is then only sent over HTTPS.
 * STAFF_IDS            chat users allowed to approve from chat: "telegram:123,wechat:wxid_abc" (a bare id
 *                      matches that id on any channel).
 * REVIEW_CHATS         chats in review mode by default: "telegram:-100123,wechat:123@chatroom", "wechat:*", "*".
 * REVIEW_ACK           chats whose askers get the acknowledgement: "none" (default), "all" (every reviewed chat)
 *                      or chat patterns as above.       REVIEW_ACK_TEXT   its text (default 已收到，工作人员核对后回复。).
 * TELEGRAM_STAFF_CHAT_ID  Telegram group where drafts are forwarded with buttons.
 * WECHAT_STAFF_ROOM    WeChat room id (or exact topic) where drafts are forwarded and commands accepted.
 * WECOM_STAFF_CHAT_ID  WeCom group chat id where drafts are forwarded and the same commands accepted (@bot 通过 12).
 * DATA_DIR             directory of the SQLite file (default data).
 */
import { z } from "zod";
import { DEFAULT_ACK_TEXT } from "../../bot/review/reviewService.js";

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const CHANNELS = ["console", "wechat", "wecom", "telegram", "cli"];
const chatPattern = z.string().refine((p) => p === "*" || CHANNELS.includes(p.slice(0, p.indexOf(":"))), {
  message: `expected "channel:chatId" with channel one of ${CHANNELS.join("/")}, or "*"`,
});

/** A staff login: one shared token (name typed at login) or tokens mapped to names. */
export type StaffTokens = { kind: "shared"; token: string } | { kind: "named"; tokens: { name: string; token: string }[] };

const EnvSchema = z.object({
  STAFF_TOKEN: z.string().optional().transform((v, ctx): StaffTokens | undefined => {
    if (!v) return undefined;
    if (!v.includes("=")) {
      if (v.length < 16) ctx.addIssue({ code: "custom", message: "must be at least 16 characters" });
      return { kind: "shared", token: v };
    }
    const tokens = list(v).map((pair) => {
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const token = pair.slice(i + 1).trim();
      if (i <= 0 || !name) ctx.addIssue({ code: "custom", message: `"${pair.slice(0, 20)}…" is not name=token` });
      if (token.length < 16) ctx.addIssue({ code: "custom", message: `token of ${name} must be at least 16 characters` });
      return { name, token };
    });
    return { kind: "named", tokens };
  }),
  STAFF_PORT: z.coerce.number().int().min(0).max(65535).default(8787), // 0 = any free port
  STAFF_HOST: z.string().min(1).default("127.0.0.1"),
  STAFF_COOKIE_SECURE: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  STAFF_IDS: z.string().optional().transform(list),
  REVIEW_CHATS: z.string().optional().transform(list).pipe(z.array(chatPattern)),
  REVIEW_ACK: z.string().optional().transform((v) => (v === "all" ? ["*"] : v === "none" ? [] : list(v))).pipe(z.array(chatPattern)),
  REVIEW_ACK_TEXT: z.string().min(1).default(DEFAULT_ACK_TEXT),
  TELEGRAM_STAFF_CHAT_ID: z.string().regex(/^-?\d+$/, "must be a numeric Telegram chat id").optional(),
  WECHAT_STAFF_ROOM: z.string().min(1).optional(),
  WECOM_STAFF_CHAT_ID: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().min(1).default("data"),
});

export type StaffConfig = z.infer<typeof EnvSchema>;

/** Read and check the staff settings; throws one line naming the first bad setting. */
export function loadStaffConfig(env: NodeJS.ProcessEnv = process.env): StaffConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0] ?? "staff config")}: ${issue.message}`);
  }
  return parsed.data;
}

/** true when `userId` on `channel` is listed in STAFF_IDS ("channel:id" or a bare id). */
export function isStaffId(staffIds: readonly string[], channel: string, userId: string): boolean {
  return staffIds.includes(`${channel}:${userId}`) || staffIds.includes(userId);
}
