import { describe, expect, it } from "vitest";
import { buildPassages } from "../../knowledge/clauseSearch.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { loadCorpus } from "../../knowledge/loadCorpus.js";
import { passageWork } from "../../knowledge/passageWork.js";

describe("passage work of an index build", () => {
  // The five policies' passages three times over: several chunks, so a worker thread takes some.
  const passages = buildPassages(loadCorpus(DEFAULT_POLICY_DIR).clauses).map(({ title, body, ancestors, text }) => ({ title, body, ancestors, text }));
  const many = [...passages, ...passages, ...passages, ...passages, ...passages];
  const embed = { dimensions: 1024, ngrams: [2, 3] };

  it("gives the same tokens and vectors, in order, spread over worker threads as in one thread", async () => {
    const progress: number[] = [];
    const inThread = await passageWork(many, embed, { workers: 0 });
    const spread = await passageWork(many, embed, { workers: 1, onChunk: (done) => progress.push(done) });
    expect(many.length).toBeGreaterThan(500);
    expect(spread.tokens).toEqual(inThread.tokens);
    expect(Buffer.from(spread.vectors.buffer).equals(Buffer.from(inThread.vectors.buffer))).toBe(true);
    expect(spread.vectors.length).toBe(many.length * 1024);
    expect(progress.at(-1)).toBe(many.length);
  }, 120_000);

  it("gives tokens only, no vectors, for a remote embedder", async () => {
    const work = await passageWork(passages, null);
    expect(work.vectors.length).toBe(0);
    expect(work.tokens).toHaveLength(passages.length);
    expect(work.tokens[0]!.length).toBeGreaterThan(0);
  });
});
