/**
 * A local stand-in for WeCom's 智能机器人 long-connection server, on 127.0.0.1 and a free port, speaking
 * the frames of the protocol that `@wecom/aibot-node-sdk` uses:
 *   client → server  {cmd:"aibot_subscribe", headers:{req_id}, body:{bot_id, secret}}   answered {headers:{req_id}, errcode, errmsg}
 *                    {cmd:"ping", headers:{req_id}}                                     answered {headers:{req_id}, errcode:0}
 *                    {cmd:"aibot_respond_msg", headers:{req_id of the callback}, body}  answered {headers:{req_id}, errcode:0}
 *                    {cmd:"aibot_send_msg", headers:{req_id}, body:{chatid, msgtype, …}} answered likewise
 *   server → client  {cmd:"aibot_msg_callback", headers:{req_id}, body:{msgid, chattype, chatid?, from:{userid}, msgtype, text:{content}}}
 * It records what the bot sent so tests can read the replies, and can drop the connection.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export const WECOM_BOT_ID = "aib-test-bot";
export const WECOM_SECRET = "test-secret-0123456789";

/** A reply the bot sent: to a callback (`replyTo` is its req_id) or pushed into a chat. */
export interface WecomSent {
  cmd: string;
  chatId: string;
  text: string;
  /** For replies: the callback's req_id; the chat is the one of that callback. */
  replyTo?: string;
  finish?: boolean;
}

export interface WecomUserMessage {
  userId: string;
  /** A group chat id; omitted for a single chat. */
  chatId?: string;
  text: string;
}

export class WecomEmulator {
  readonly sent: WecomSent[] = [];
  /** Every frame the bot sent, raw, in order (auth, pings, replies). */
  readonly frames: { cmd?: string; headers?: { req_id?: string }; body?: Record<string, unknown> }[] = [];
  authentications = 0;
  readonly #server: WebSocketServer;
  readonly #callbacks = new Map<string, string>(); // req_id → chat id
  #socket: WebSocket | undefined;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on("connection", (socket) => {
      this.#socket = socket;
      socket.on("message", (data) => this.#onFrame(socket, data.toString()));
    });
  }

  static async start(): Promise<WecomEmulator> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    return new WecomEmulator(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Whether a bot is connected and authenticated. */
  get connected(): boolean {
    return this.#socket !== undefined && this.#socket.readyState === this.#socket.OPEN;
  }

  #onFrame(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as WecomEmulator["frames"][number];
    this.frames.push(frame);
    const reqId = frame.headers?.req_id ?? "";
    const ack = (errcode = 0, errmsg = "ok") => socket.send(JSON.stringify({ headers: { req_id: reqId }, errcode, errmsg }));
    const body = frame.body ?? {};
    switch (frame.cmd) {
      case "aibot_subscribe": {
        const ok = body.bot_id === WECOM_BOT_ID && body.secret === WECOM_SECRET;
        if (ok) this.authentications++;
        return ack(ok ? 0 : 40058, ok ? "ok" : "invalid bot_id or secret");
      }
      case "ping":
        return ack();
      case "aibot_respond_msg": {
        const stream = body.stream as { content: string; finish: boolean } | undefined;
        this.sent.push({ cmd: frame.cmd, chatId: this.#callbacks.get(reqId) ?? "?", text: stream?.content ?? "", replyTo: reqId, finish: stream?.finish ?? false });
        return ack();
      }
      case "aibot_send_msg": {
        const markdown = body.markdown as { content: string } | undefined;
        this.sent.push({ cmd: frame.cmd, chatId: String(body.chatid), text: markdown?.content ?? "" });
        return ack();
      }
      default:
        return ack(40001, "unknown cmd");
    }
  }

  /** A user's message reaches the bot (in a group, WeCom only forwards it when the bot is @-mentioned). */
  say(message: WecomUserMessage): string {
    const reqId = `req_${randomUUID()}`;
    const chatId = message.chatId ?? message.userId;
    this.#callbacks.set(reqId, chatId);
    this.sendFrame({
      cmd: "aibot_msg_callback",
      headers: { req_id: reqId },
      body: {
        msgid: randomUUID(),
        aibotid: WECOM_BOT_ID,
        chattype: message.chatId ? "group" : "single",
        ...(message.chatId ? { chatid: message.chatId } : {}),
        from: { userid: message.userId },
        create_time: Math.floor(Date.now() / 1000),
        msgtype: "text",
        text: { content: message.text },
      },
    });
    return reqId;
  }

  /** Send any frame (or raw text) to the connected bot. */
  sendFrame(frame: object | string): void {
    if (!this.#socket) throw new Error("no bot connected");
    this.#socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The texts the bot sent into `chatId`, finished stream replies and pushed messages alike. */
  textsIn(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId && (s.cmd === "aibot_send_msg" || s.finish)).map((s) => s.text);
  }

  /** Drop the bot's connection as a network failure would. */
  dropConnection(): void {
    this.#socket?.terminate();
    this.#socket = undefined;
  }

  async stop(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
