import type { BuildProgress, BuildStage } from "./clauseSearch.js";

const STAGE_NAMES: Record<BuildStage, string> = { tokens: "tokenising", vectors: "embedding", passages: "tokens+vectors", graph: "indexing vectors" };

/**
 * Index build progress on a stream (stderr by default). On a terminal, one line redrawn in place
 * with a bar; otherwise (logs, CI) one plain line per finished stage once the build has taken over
 * a second, so logs are not flooded and small builds stay silent.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  const started = performance.now();
  let shown = "";
  return (stage, done, total) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const name = STAGE_NAMES[stage];
    if (!stream.isTTY) {
      if (done === total && performance.now() - started > 1000) stream.write(`knowledge: ${name} ${total}/${total} done (${seconds} s)\n`);
      return;
    }
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const line = `knowledge: ${name.padEnd(15)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}  ${seconds} s`;
    if (line === shown) return;
    shown = line;
    stream.write(`\r${line}\x1b[K${done === total ? "\n" : ""}`);
  };
}
