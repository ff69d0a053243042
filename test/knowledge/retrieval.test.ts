import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bm25Index } from "../../knowledge/bm25.js";
import { HashedEmbeddings } from "../../knowledge/hashedEmbeddings.js";
import { HnswVectorStore } from "../../knowledge/hnswVectorStore.js";
import { HybridRetriever } from "../../knowledge/hybridRetriever.js";
import { HNSW_DEFAULTS, VectorIndex } from "../../knowledge/vectorIndex.js";
import { startFakeOpenAi, type FakeOpenAi } from "../bot/support/fakeOpenAiServer.js";
import { DEFAULT_POLICY_DIR, embeddingsFromEnv, openKnowledgeBase, type KnowledgeBase } from "../../knowledge/knowledgeBase.js";

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await openKnowledgeBase({ dataDir: tempDir("kb-data-"), embeddings: offline(), log: () => {} });
});

function offline() {
  const embeddings = new HashedEmbeddings();
  return { embeddings, id: embeddings.id };
}

const top3 = (query: string, policyIds?: string[]) => kb.search(query, { k: 3, policyIds }).map((h) => h.clause.id);

describe("clause search", () => {
  it("finds the livestreamer clause for a query about 带货达人 and followers", () => {
    expect(top3("带货达人 粉丝")).toContain("pingyin-2020:三/(三)/3");
  });

  it("restricts results to the policies asked for", () => {
    const hits = kb.search("旗舰店 奖励", { policyIds: ["dongying-2020"], k: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.clause.policyId === "dongying-2020")).toBe(true);
    expect(top3("旗舰店 奖励", ["pingyin-2020"])[0]).toBe("pingyin-2020:三/(二)/3");
  });

  it("reports both legs' ranks and orders hits by fused score", () => {
    const hits = kb.search("跨境电商零售额 奖励", { policyIds: ["pingyin-2020"] });
    expect(hits[0]!.clause.id).toBe("pingyin-2020:三/(五)");
    expect(hits[0]!.lexicalRank).toBe(1);
    expect(hits[0]!.denseRank).not.toBeNull();
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it("searches a policy's own passages exactly when filtered: every passage when k exceeds them, in exact cosine order", () => {
    const policy = "yeji-2017";
    const own = kb.searchIndex.passageClauseIds.filter((id) => id.startsWith(`${policy}:`));
    const dense = kb.searchIndex.nearestClauses("电商培训 补助", { policyIds: [policy], k: 1000 }).map((c) => c.id);
    expect([...dense].sort()).toEqual([...own].sort());
    const exact = kb.searchIndex.nearestClauses("电商培训 补助", { exact: true, k: 1000 }).map((c) => c.id).filter((id) => own.includes(id));
    expect(dense).toEqual(exact);
  });

  it("returns nothing for a query with no content words", () => {
    expect(kb.search("？！。")).toEqual([]);
  });

  it("gives the same answers synchronously and asynchronously with offline embeddings", async () => {
    const query = "叶集 电商培训 补助";
    expect((await kb.searchAsync(query)).map((h) => h.clause.id)).toEqual(kb.search(query).map((h) => h.clause.id));
  });

  // Chat-style questions written for this test, not taken from the dev set: [question, clause].
  const paraphrases = JSON.parse(readFileSync(new URL("./paraphrases.json", import.meta.url), "utf8")) as Array<[string, string]>;
  it.each(paraphrases)("finds the clause for %s in the top 3 of its region", (question, clauseId) => {
    expect(top3(question, kb.policiesMentioned(question))).toContain(clauseId);
  });
});

describe("HybridRetriever (LangChain)", () => {
  it("invoke returns clause Documents with clause metadata", async () => {
    const docs = await new HybridRetriever({ search: kb, k: 2, policyIds: ["pingyin-2020"] }).invoke("带货达人 10万粉丝 奖励");
    expect(docs).toHaveLength(2);
    expect(docs[0]).toBeInstanceOf(Document);
    const clause = kb.clause("pingyin-2020:三/(三)/3")!;
    expect(docs[0]!.pageContent).toBe(clause.text);
    expect(docs[0]!.metadata).toEqual({
      clauseId: clause.id, policyId: "pingyin-2020", title: "支持带货达人线上销售", path: ["三", "(三)", "3"], score: expect.any(Number),
    });
  });
});

describe("openKnowledgeBase index persistence", () => {
  it("builds once, then reads the stored index, and rebuilds when a policy file changes", async () => {
    const policyDir = tempDir("kb-policies-");
    cpSync(DEFAULT_POLICY_DIR, policyDir, { recursive: true });
    const dataDir = tempDir("kb-index-");
    const lines: string[] = [];
    const open = () => openKnowledgeBase({ policyDir, dataDir, embeddings: offline(), log: (l) => lines.push(l) });

    const first = await open();
    expect(first.index.rebuilt).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/^knowledge: no index yet; building search index for 5 policies/)]);
    for (const file of ["bm25.bin", "vectors.f32", "components.bin", "passages.json", "corpus.json", "corpus.bin"]) expect(existsSync(join(first.index.dir, file))).toBe(true);

    lines.length = 0;
    const second = await open();
    expect(second.index.rebuilt).toBe(false);
    expect(second.index.key).toBe(first.index.key);
    expect(lines).toEqual([]);
    expect(second.search("带货达人 粉丝").map((h) => h.clause.id)).toEqual(first.search("带货达人 粉丝").map((h) => h.clause.id));
    // The saved corpus stands in for parsing: same policies, same clauses.
    expect(second.policies.map((p) => p.meta)).toEqual(first.policies.map((p) => p.meta));
    expect(second.clauses).toEqual(first.clauses);
    expect(second.clause("pingyin-2020:三/(三)/3")).toEqual(first.clause("pingyin-2020:三/(三)/3"));

    appendFileSync(join(policyDir, "liaocheng-2022.txt"), "\n");
    appendFileSync(join(policyDir, "yeji-2017.txt"), "20．补充条款。对电商直播基地给予奖励5万元。\n");
    const third = await open();
    expect(third.index.rebuilt).toBe(true);
    expect(third.index.key).not.toBe(first.index.key);
    expect(lines).toEqual([expect.stringMatching(/^knowledge: policy files or index settings changed; building/)]);
    expect(existsSync(first.index.dir)).toBe(false);
    expect(third.clause("yeji-2017:六/20")?.text).toBe("20．补充条款。对电商直播基地给予奖励5万元。");
    expect(third.search("电商直播基地 补充条款", { policyIds: ["yeji-2017"], k: 1 })[0]!.clause.id).toBe("yeji-2017:六/20");
  });

  it("serves the healthy policies and logs one line for a broken file", async () => {
    const policyDir = tempDir("kb-broken-");
    cpSync(DEFAULT_POLICY_DIR, policyDir, { recursive: true });
    rmSync(join(policyDir, "miluo-2017.txt"));
    const lines: string[] = [];
    const broken = await openKnowledgeBase({ policyDir, dataDir: tempDir("kb-index-"), embeddings: offline(), log: (l) => lines.push(l) });
    expect(broken.problems).toEqual([expect.stringContaining("miluo-2017.txt: named by policies.json")]);
    expect(lines[0]).toBe(`knowledge: ${broken.problems[0]}`);
    expect(broken.policy("miluo-2017")).toBeUndefined();
    expect(broken.search("带货达人 粉丝", { k: 1 })[0]!.clause.id).toBe("pingyin-2020:三/(三)/3");
  });

  it("falls back to offline embeddings when the embeddings endpoint fails", async () => {
    class FailingEmbeddings extends Embeddings {
      async embedDocuments(): Promise<number[][]> {
        throw new Error("connect ECONNREFUSED 127.0.0.1:9");
      }
      async embedQuery(): Promise<number[]> {
        throw new Error("connect ECONNREFUSED 127.0.0.1:9");
      }
    }
    const lines: string[] = [];
    const fallback = await openKnowledgeBase({
      dataDir: tempDir("kb-index-"),
      embeddings: { embeddings: new FailingEmbeddings({}), id: "remote:test" },
      log: (l) => lines.push(l),
    });
    expect(lines.at(-1)).toMatch(/^knowledge: embeddings endpoint failed \(connect ECONNREFUSED 127\.0\.0\.1:9\); using offline hashed-ngrams/);
    expect(fallback.index.embeddings).toBe(new HashedEmbeddings().id);
    expect(fallback.search("带货达人 粉丝", { k: 3 }).map((h) => h.clause.id)).toContain("pingyin-2020:三/(三)/3");
  });
});

describe("embeddingsFromEnv", () => {
  it("uses the offline hashed embeddings without an endpoint or key", async () => {
    const choice = await embeddingsFromEnv({});
    expect(choice.embeddings).toBeInstanceOf(HashedEmbeddings);
    expect(choice.id).toMatch(/^hashed-ngrams:/);
  });

  it("uses an OpenAI-compatible endpoint when EMBEDDINGS_BASE_URL is set", async () => {
    const choice = await embeddingsFromEnv({ EMBEDDINGS_BASE_URL: "http://127.0.0.1:9/v1", EMBEDDINGS_MODEL: "bge-m3" });
    expect(choice.embeddings).toBeInstanceOf(OpenAIEmbeddings);
    expect(choice.id).toBe("openai:http://127.0.0.1:9/v1:bge-m3");
  });

  it("sends EMBEDDINGS_MODEL alone to OpenAI's API, not to the chat model's OPENAI_BASE_URL", async () => {
    const choice = await embeddingsFromEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:9/v1", EMBEDDINGS_MODEL: "text-embedding-3-large" });
    expect(choice.id).toBe("openai:https://api.openai.com/v1:text-embedding-3-large");
  });

  describe("against a loopback OpenAI-compatible server", () => {
    let fake: FakeOpenAi;
    const saved = { key: process.env.OPENAI_API_KEY, base: process.env.OPENAI_BASE_URL };
    beforeAll(async () => {
      fake = await startFakeOpenAi();
      // The chat model's settings, as an operator sets them for rewording (the OpenAI client reads these too).
      process.env.OPENAI_API_KEY = "test-key";
      process.env.OPENAI_BASE_URL = fake.baseURL;
    });
    afterAll(async () => {
      for (const [name, value] of [["OPENAI_API_KEY", saved.key], ["OPENAI_BASE_URL", saved.base]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await fake.close();
    });

    it("keeps the offline embeddings when only the chat model is configured: no clause goes to its endpoint", async () => {
      const lines: string[] = [];
      const kb = await openKnowledgeBase({ dataDir: tempDir("kb-chat-"), embeddings: await embeddingsFromEnv(), log: (l) => lines.push(l), progress: () => {} });
      await kb.searchAsync("带货达人 奖励");
      expect(kb.index.embeddings).toMatch(/^hashed-ngrams:/);
      expect(lines[0]).toMatch(/embeddings hashed-ngrams:/);
      expect(fake.embedded).toEqual([]);
    });

    it("embeds through EMBEDDINGS_BASE_URL when it is set", async () => {
      const kb = await openKnowledgeBase({ dataDir: tempDir("kb-remote-"), embeddings: await embeddingsFromEnv({ ...process.env, EMBEDDINGS_BASE_URL: fake.baseURL }), log: () => {}, progress: () => {} });
      expect(kb.index.embeddings).toBe(`openai:${fake.baseURL}:text-embedding-3-small`);
      expect(fake.embedded.length).toBeGreaterThanOrEqual(kb.index.passages);
    });
  });
});

describe("HashedEmbeddings", () => {
  it("is deterministic, unit-length, and closer for texts sharing fragments", async () => {
    const embeddings = new HashedEmbeddings();
    const [a, b, c] = await embeddings.embedDocuments(["带货达人粉丝奖励", "带货达人奖励", "快递物流配送中心"]);
    expect(await embeddings.embedQuery("带货达人粉丝奖励")).toEqual(a);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, a!)).toBeCloseTo(1, 6);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
  });
});

describe("HnswVectorStore", () => {
  const docs = [
    new Document({ pageContent: "带货达人粉丝奖励", metadata: { policyId: "a" } }),
    new Document({ pageContent: "跨境电商零售额奖励", metadata: { policyId: "a" } }),
    new Document({ pageContent: "快递物流配送中心奖励", metadata: { policyId: "b" } }),
  ];

  it("answers LangChain similarity searches, with a filter, and survives save and load", async () => {
    const embeddings = new HashedEmbeddings();
    const store = await HnswVectorStore.fromDocuments(docs, embeddings);
    expect((await store.similaritySearch("带货达人", 1))[0]!.pageContent).toBe("带货达人粉丝奖励");
    const filtered = await store.similaritySearch("带货达人", 3, (d) => d.metadata.policyId === "b");
    expect(filtered.map((d) => d.pageContent)).toEqual(["快递物流配送中心奖励"]);

    const dir = tempDir("hnsw-");
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings);
    expect(loaded.size).toBe(3);
    expect(await loaded.similaritySearchWithScore("跨境电商", 3)).toEqual(await store.similaritySearchWithScore("跨境电商", 3));
  });
});

describe("VectorIndex", () => {
  const next = (() => {
    let seed = 1;
    return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  })();
  const vectors = (rows: number, density: number) => Array.from({ length: rows }, () => Array.from({ length: 64 }, () => (next() < density ? next() - 0.3 : 0)));
  const ids = (hits: { doc: number }[]) => hits.map((h) => h.doc);

  it("searches sparse vectors exactly through their non-zero components, as written and when loaded again", () => {
    const dir = tempDir("vectors-");
    const index = VectorIndex.build(dir, vectors(300, 0.15));
    expect(index.kind).toBe("scan");
    const loaded = VectorIndex.load(dir, 300, 64, HNSW_DEFAULTS, "scan");
    for (const q of vectors(20, 0.3)) {
      const exact = ids(index.nearestIn(q, 10, [[0, 300]], true));
      expect(ids(index.nearest(q, 10))).toEqual(exact);
      expect(ids(loaded.nearest(q, 10))).toEqual(exact);
    }
  });

  it("links dense vectors in an hnsw graph and scans row ranges exactly", () => {
    const index = VectorIndex.build(tempDir("vectors-"), vectors(300, 1));
    expect(index.kind).toBe("graph");
    const query = vectors(1, 1)[0]!;
    const inRange = index.nearestIn(query, 5, [[100, 120]]);
    expect(inRange).toHaveLength(5);
    expect(inRange.every((h) => h.doc >= 100 && h.doc < 120)).toBe(true);
    expect(index.nearest(query, 10)[0]!.doc).toBe(index.nearestIn(query, 1)[0]!.doc);
  });
});

describe("Bm25Index", () => {
  const index = Bm25Index.build([["带货", "达人", "粉丝"], ["跨境", "电商"], ["电商", "园区", "电商"]]);

  it("ranks documents sharing rarer query terms first and skips the rest", () => {
    expect(index.search(["粉丝", "电商"]).map((s) => s.doc)).toEqual([0, 2, 1]);
    expect(index.search(["不存在"])).toEqual([]);
  });

  it("honours term weights and document ranges", () => {
    expect(index.search(new Map([["跨境", 0.1], ["园区", 1]]))[0]!.doc).toBe(2);
    expect(index.search(["电商"], { ranges: [[1, 2]] }).map((s) => s.doc)).toEqual([1]);
    expect(index.search(["电商", "粉丝"], { ranges: [[0, 1], [2, 3]] }).map((s) => s.doc)).toEqual([0, 2]);
  });

  it("gives the same rankings after save and load", () => {
    const path = join(tempDir("bm25-"), "bm25.bin");
    index.save(path);
    const loaded = Bm25Index.load(path);
    for (const query of [["粉丝", "电商"], ["园区"], ["跨境", "带货"]]) expect(loaded.search(query)).toEqual(index.search(query));
  });

  it("finds every saved term after load, including terms that are prefixes of others", () => {
    const docs = [["电", "电商", "电商园区"], ["b2b", "电子"], ["𠀀字", "电商园"], ["园区", "电商"]];
    const built = Bm25Index.build(docs);
    const path = join(tempDir("bm25-"), "bm25.bin");
    built.save(path);
    const loaded = Bm25Index.load(path);
    for (const term of [...new Set(docs.flat()), "电商园区们", "电子商务", "", "𠀀"]) expect(loaded.search([term])).toEqual(built.search([term]));
  });
});
