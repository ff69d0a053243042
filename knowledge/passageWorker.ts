/** A worker thread of an index build: answers each chunk of passages with its tokens and vectors (see passageWork.ts). */
import { parentPort } from "node:worker_threads";
import { workChunk, type EmbedderSettings, type PassageText } from "./passageWork.js";

parentPort!.on("message", ({ passages, embed }: { passages: PassageText[]; embed: EmbedderSettings | null }) => {
  const result = workChunk(passages, embed);
  parentPort!.postMessage(result, [result.vectors.buffer as ArrayBuffer]);
});
