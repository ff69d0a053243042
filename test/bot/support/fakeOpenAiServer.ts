/**
 * A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI chat-completions protocol for
 * `ChatOpenAI`. Each request is answered by the current `behaviour`, so one server covers a faithful
 * rephrase, an invented amount, an obeyed injection, a 500 and a stall. `/embeddings` answers with small
 * vectors derived from the text (and records the texts), so a bot pointed at it with EMBEDDINGS_BASE_URL runs offline.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour = { reply: string } | { status: number } | { stallMs: number };

export interface FakeOpenAi {
  baseURL: string;
  /** What the next requests get. */
  behaviour: Behaviour;
  /** Bodies of the chat requests received, parsed. */
  requests: { messages: { role: string; content: string }[] }[];
  /** Texts received at /embeddings. */
  embedded: string[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A deterministic unit vector of character counts (8 buckets), enough for retrieval to run. */
function textVector(text: string): number[] {
  const v = new Array<number>(8).fill(0);
  for (const ch of text) v[ch.codePointAt(0)! % 8]! += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** Start the server on a free loopback port. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const timers = new Set<NodeJS.Timeout>();
  const fake: FakeOpenAi = { baseURL: "", behaviour: { reply: "" }, requests: [], embedded: [], close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || "{}");
    if (req.url?.endsWith("/embeddings")) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      fake.embedded.push(...inputs.map(String));
      const data = inputs.map((text, index) => ({ object: "embedding", index, embedding: textVector(String(text)) }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    fake.requests.push(body);
    const b = fake.behaviour;
    if ("status" in b) {
      res.writeHead(b.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
      return;
    }
    const send = (content: string) =>
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model ?? "fake",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    if ("stallMs" in b) {
      const timer = setTimeout(() => send("太迟了"), b.stallMs);
      timers.add(timer);
      return;
    }
    send(b.reply);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
