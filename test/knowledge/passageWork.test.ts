import { describe, expect, it } from "vitest";
import { buildPassages } from "../../knowledge/clauseSearch.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadCorpus } from "../../knowledge/loadCorpus.js";
import { passageWork, type EmbedderSettings, type PassageText } from "../../knowledge/passageWork.js";

/** Every chunk passageWork hands out, checked to come in passage order, joined up again. */
async function collected(passages: readonly PassageText[], embed: EmbedderSettings | null, options: { workers?: number; onChunk?: (done: number) => void } = {}) {
  const tokens: string[][] = [];
  const vectors: Float32Array[] = [];
  await passageWork(
    passages,
    embed,
    (chunk) => {
      expect(chunk.first).toBe(tokens.length);
      tokens.push(...chunk.tokens);
      vectors.push(chunk.vectors);
    },
    options,
  );
  return { tokens, vectors: Buffer.concat(vectors.map((v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength))) };
}

describe("passage work of an index build", () => {
  // The five policies' passages three times over: several chunks, so a worker thread takes some.
  const passages = buildPassages(loadCorpus(DEFAULT_POLICY_DIR).clauses).map(({ title, body, ancestors, text }) => ({ title, body, ancestors, text }));
  const many = [...passages, ...passages, ...passages, ...passages, ...passages];
  const embed = { dimensions: 1024, ngrams: [2, 3] };

  it("hands out the same tokens and vectors, chunk by chunk in passage order, spread over worker threads as in one thread", async () => {
    const progress: number[] = [];
    const inThread = await collected(many, embed, { workers: 0 });
    const spread = await collected(many, embed, { workers: 1, onChunk: (done) => progress.push(done) });
    expect(many.length).toBeGreaterThan(500);
    expect(spread.tokens).toEqual(inThread.tokens);
    expect(spread.vectors.equals(inThread.vectors)).toBe(true);
    expect(spread.vectors.length).toBe(many.length * 1024 * 4);
    expect(progress.at(-1)).toBe(many.length);
  }, 120_000);

  it("gives tokens only, no vectors, for a remote embedder", async () => {
    const work = await collected(passages, null);
    expect(work.vectors.length).toBe(0);
    expect(work.tokens).toHaveLength(passages.length);
    expect(work.tokens[0]!.length).toBeGreaterThan(0);
  });
});
