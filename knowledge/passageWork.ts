/**
 * The per-passage work of an index build: BM25 tokens and, with the offline embedder, unit vectors.
 * Small builds do it in this thread; large ones ({@link WORKERS_FROM} passages or more) spread it in
 * chunks over worker threads, one per core, with this thread taking chunks too. Each chunk is cut and
 * embedded by the same functions either way, so the index is byte-for-byte the same.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { HashedEmbeddings, type HashedEmbeddingsParams } from "./hashedEmbeddings.js";
import { fullSegmenter, type Segmenter } from "./segmenter.js";
import { tokenize } from "./tokenize.js";
import { normalised } from "./vectorIndex.js";

/** What a passage is made of, before tokens and vector. */
export interface PassageText {
  /** The clause's own title (counted twice: titles name the topic). */
  title: string;
  /** The clause's own text. */
  body: string;
  /** Titles of the headings above it. */
  ancestors: string[];
  /** Text embedded for the dense leg: heading titles, then the body. */
  text: string;
}

/** Settings of the offline embedder a worker rebuilds (a remote embedder runs in this thread). */
export type EmbedderSettings = Required<Pick<HashedEmbeddingsParams, "dimensions" | "ngrams">>;

/** One chunk's result: each passage's tokens joined by spaces (no token has one), unit vectors row after row. */
export interface ChunkResult {
  tokens: string[];
  vectors: Float32Array;
}

/** Passages from which a build uses worker threads (below, starting them costs more than it saves). */
export const WORKERS_FROM = 4_000;
const CHUNK = 500;

/** BM25 tokens of a passage: body, the clause's own title twice, ancestor titles. */
export function passageTokens(p: PassageText, segment: Segmenter): string[] {
  const title = tokenize(p.title, segment);
  return [...tokenize(p.body, segment), ...title, ...title, ...tokenize(p.ancestors.join(" "), segment)];
}

/** Tokens and (when `embed` is given) unit vectors of some passages: a chunk's work, in whichever thread. */
export function workChunk(passages: readonly PassageText[], embed: EmbedderSettings | null): ChunkResult {
  const segment = fullSegmenter();
  const embedder = embed && new HashedEmbeddings(embed);
  const vectors = new Float32Array(embedder ? passages.length * embedder.dimensions : 0);
  const tokens = passages.map((p, row) => {
    if (embedder) vectors.set(normalised(embedder.embedSync(p.text)), row * embedder.dimensions);
    return passageTokens(p, segment).join(" ");
  });
  return { tokens, vectors };
}

/** The worker entry module and tsx's loader API, so a worker runs the .ts sources in every mode (tsx, compiled, tests). */
const WORKER_URL = new URL("./passageWorker.ts", import.meta.url).href;
const tsxApiUrl = () => pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;

function startWorker(): Worker {
  const code = `import { register } from ${JSON.stringify(tsxApiUrl())}; register(); await import(${JSON.stringify(WORKER_URL)});`;
  // Required here: a process that never builds an index never loads worker_threads.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/** Runs chunks on one worker, one at a time. */
function chunkRunner(worker: Worker): (passages: readonly PassageText[], embed: EmbedderSettings | null) => Promise<ChunkResult> {
  return (passages, embed) =>
    new Promise((resolve, reject) => {
      const done = (result: ChunkResult) => {
        worker.off("error", reject);
        resolve(result);
      };
      worker.once("message", done);
      worker.once("error", reject);
      worker.postMessage({ passages, embed });
    });
}

/** Some consecutive passages' work: tokens per passage, unit vectors row after row, from passage `first` on. */
export interface PassageChunk {
  first: number;
  tokens: string[][];
  vectors: Float32Array;
}

/**
 * Tokens and unit vectors of every passage: in this thread below {@link WORKERS_FROM} passages (or
 * with `workers: 0`), else over `workers` threads (default: one per core but this one) plus this
 * thread. Each chunk goes to `take` as soon as it and those before it are done, in passage order,
 * and is dropped afterwards, so the whole corpus's tokens and vectors are never held at once.
 * `onChunk` is told how many passages are done.
 */
export async function passageWork(
  passages: readonly PassageText[],
  embed: EmbedderSettings | null,
  take: (chunk: PassageChunk) => void,
  options: { workers?: number; onChunk?: (done: number) => void } = {},
): Promise<void> {
  const count = Math.ceil(passages.length / CHUNK);
  // Only the text fields go to a worker (a caller's passage may carry more).
  const chunk = (i: number) => passages.slice(i * CHUNK, (i + 1) * CHUNK).map(({ title, body, ancestors, text }) => ({ title, body, ancestors, text }));
  /** Chunks done before an earlier one, waiting for it. */
  const waiting = new Map<number, ChunkResult>();
  const threads = options.workers ?? (passages.length >= WORKERS_FROM ? availableParallelism() - 1 : 0);
  const workers = Array.from({ length: Math.min(threads, count - 1) }, startWorker);
  let next = 0;
  let taken = 0;
  let done = 0;
  const finished = (i: number, result: ChunkResult) => {
    waiting.set(i, result);
    done += result.tokens.length;
    options.onChunk?.(done);
    for (let ready = waiting.get(taken); ready; ready = waiting.get(taken)) {
      waiting.delete(taken);
      take({ first: taken * CHUNK, tokens: ready.tokens.map((joined) => (joined ? joined.split(" ") : [])), vectors: ready.vectors });
      taken++;
    }
  };
  try {
    await Promise.all([
      ...workers.map(async (worker) => {
        const run = chunkRunner(worker);
        for (let i = next++; i < count; i = next++) finished(i, await run(chunk(i), embed));
      }),
      (async () => {
        for (let i = next++; i < count; i = next++) {
          finished(i, workChunk(chunk(i), embed));
          await new Promise((resolve) => setImmediate(resolve)); // let finished workers take their next chunk
        }
      })(),
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
