/**
 * Hybrid clause search: BM25 over Chinese tokens plus dense nearest neighbours, fused by reciprocal
 * rank. Everything expensive to rebuild (postings, vectors, graph) is saved as binary files in the
 * index folder, so opening a saved index re-tokenises nothing. Imports no LangChain runtime code:
 * the bot's start-up path loads only this; hybridRetriever.ts adapts it to a LangChain retriever.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";
import { Bm25Index, type DocRange } from "./bm25.js";
import { chatExpansion } from "./chatSynonyms.js";
import type { Clause } from "./clause.js";
import { HashedEmbeddings } from "./hashedEmbeddings.js";
import { passageWork, type PassageChunk, type PassageText } from "./passageWork.js";
import { tokenize } from "./tokenize.js";
import { HNSW_DEFAULTS, unitRows, VectorIndex, VectorIndexWriter, type HnswParams } from "./vectorIndex.js";

/** One retrieved clause. */
export interface SearchHit {
  clause: Clause;
  /** Reciprocal-rank-fusion score (higher is better; comparable within one query only). */
  score: number;
  /** 1-based rank in the BM25 list, null when BM25 did not find it. */
  lexicalRank: number | null;
  /** 1-based rank in the vector list, null when the dense leg did not find it (or did not run). */
  denseRank: number | null;
}

export interface SearchOptions {
  /** Only clauses of these policies (e.g. the region the user named). */
  policyIds?: readonly string[];
  /** How many clauses to return (default 5). */
  k?: number;
}

/** A query's embedding: the offline embedder's (in a reused buffer) or a remote one's. */
type QueryVector = Float64Array | number[];

/** A fused candidate: its passage row and what a hit reports of it. */
type Ranked = Omit<SearchHit, "clause"> & { row: number };

/** A searchable passage: a clause's own text, tagged with its titles (tokens and vector are made from these). */
export interface Passage extends PassageText {
  clauseId: string;
}

/**
 * Build stages reported to a progress callback: "tokens" (BM25 tokens), "vectors" (a remote embedder),
 * "passages" (tokens and offline vectors together), "graph".
 */
export type BuildStage = "tokens" | "vectors" | "passages" | "graph";
export type BuildProgress = (stage: BuildStage, done: number, total: number) => void;

/** Fusion constant: small, because lists are short and the top ranks matter most. */
const RRF_K = 10;
/** BM25 weight of terms added by chatExpansion, relative to the user's own terms. */
const EXPANSION_WEIGHT = 0.5;
/** How deep each leg's list goes before fusion. */
const CANDIDATES = 40;
/** Embedding requests go in batches of this many passages (progress is reported per batch). */
const EMBED_BATCH = 512;

const PASSAGES_FILE = "passages.json";
const BM25_FILE = "bm25.bin";

const PassagesSchema = z.strictObject({
  clauseIds: z.array(z.string()),
  dimensions: z.number().int().nonnegative(),
  hnsw: z.strictObject({ m: z.number().int().positive(), efConstruction: z.number().int().positive(), efSearch: z.number().int().positive() }),
  nearest: z.enum(["scan", "graph"]),
});

/**
 * The text a clause contributes on its own: a leaf's whole text; for a parent, what precedes its
 * first child (often just its heading, sometimes a lead paragraph with its own provisions).
 */
function ownText(clause: Clause, byId: Map<string, Clause>): string {
  const first = clause.childIds[0] ? byId.get(clause.childIds[0]) : undefined;
  if (!first) return clause.text;
  const at = clause.text.indexOf(first.text);
  return at < 0 ? clause.text : clause.text.slice(0, at).trim();
}

/** Builds the passages: every leaf, plus parents whose lead text says more than their heading. */
export function buildPassages(clauses: readonly Clause[]): Passage[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  return clauses.flatMap((clause) => {
    const body = ownText(clause, byId);
    if (clause.childIds.length > 0 && body.replace(/\s/g, "").length - clause.title.length < 12) return [];
    const ancestors = clause.headingPath.slice(0, -1).filter(Boolean);
    return [{ clauseId: clause.id, title: clause.title, body, ancestors, text: [...ancestors, body].join("\n") }];
  });
}

/**
 * Hybrid search over passages. {@link search} is synchronous for the bot's hot path; it uses the
 * dense leg only when the embedder is the offline {@link HashedEmbeddings} (a remote embedder needs
 * {@link searchAsync}). A search filtered to policies is exact in both legs: it scores only those
 * policies' passages (contiguous rows, as the corpus lists clauses policy by policy).
 */
export class ClauseSearch {
  /** Each policy's runs of consecutive passage rows, in row order. */
  private readonly runs: Array<{ policyId: string; start: number; end: number }> = [];

  private constructor(
    /** The clause id of each passage row. */
    private readonly passages: readonly string[],
    /** Clause by id (a stored corpus reads a policy's clauses only when one of them is needed). */
    private readonly clause: (id: string) => Clause | undefined,
    private readonly bm25: Bm25Index,
    readonly vectors: VectorIndex,
    readonly embeddings: EmbeddingsInterface,
  ) {
    passages.forEach((id, row) => {
      const policyId = id.slice(0, id.indexOf(":"));
      const last = this.runs.at(-1);
      if (last?.policyId === policyId) last.end = row + 1;
      else this.runs.push({ policyId, start: row, end: row + 1 });
    });
  }

  /**
   * Tokenises and embeds the passages (see {@link buildPassages}) and writes both indexes into `dir`,
   * then opens them from there for the corpus whose clauses `clause` finds. Large builds spread the
   * tokens (and offline vectors) over worker threads (see passageWork.ts) and stream: each chunk's
   * tokens go into the BM25 builder and its vectors to the vectors file as the chunk is done, so the
   * build never holds the whole corpus's tokens or vectors.
   */
  static async build(
    dir: string,
    passages: readonly Passage[],
    clause: (id: string) => Clause | undefined,
    embeddings: EmbeddingsInterface,
    options: { hnsw?: HnswParams; progress?: BuildProgress; workers?: number } = {},
  ): Promise<ClauseSearch> {
    const { progress } = options;
    const hnsw = options.hnsw ?? HNSW_DEFAULTS;
    const n = passages.length;
    const offline = embeddings instanceof HashedEmbeddings ? { dimensions: embeddings.dimensions, ngrams: embeddings.ngrams } : null;
    mkdirSync(dir, { recursive: true });
    const bm25 = Bm25Index.builder();
    let vectors = offline && new VectorIndexWriter(dir, offline.dimensions);
    try {
      const take = (chunk: PassageChunk) => {
        for (const tokens of chunk.tokens) bm25.add(tokens);
        vectors?.add(chunk.first, chunk.vectors);
      };
      await passageWork(passages, offline, take, { workers: options.workers, onChunk: (done) => progress?.(offline ? "passages" : "tokens", done, n) });
      bm25.finish().save(join(dir, BM25_FILE));
      if (!offline) {
        for (let from = 0; from < n; from += EMBED_BATCH) {
          const batch = await embeddings.embedDocuments(passages.slice(from, from + EMBED_BATCH).map((p) => p.text));
          vectors ??= new VectorIndexWriter(dir, batch[0]?.length ?? 0);
          vectors.add(from, unitRows(batch, vectors.dimensions));
          progress?.("vectors", Math.min(n, from + EMBED_BATCH), n);
        }
      }
      vectors ??= new VectorIndexWriter(dir, 0);
      const nearest = vectors.finish(n, hnsw, progress && ((done, total) => progress("graph", done, total)));
      const manifest = { clauseIds: passages.map((p) => p.clauseId), dimensions: vectors.dimensions, hnsw, nearest };
      const tmp = join(dir, `${PASSAGES_FILE}.tmp-${process.pid}`);
      writeFileSync(tmp, JSON.stringify(manifest));
      renameSync(tmp, join(dir, PASSAGES_FILE));
    } finally {
      vectors?.close();
    }
    return ClauseSearch.load(dir, clause, embeddings);
  }

  /**
   * Reads an index written by {@link build}, for the corpus saved with it (`clause` finds its
   * clauses by id). Throws when it is damaged (the caller rebuilds).
   */
  static load(dir: string, clause: (id: string) => Clause | undefined, embeddings: EmbeddingsInterface): ClauseSearch {
    const stored = PassagesSchema.parse(JSON.parse(readFileSync(join(dir, PASSAGES_FILE), "utf8")));
    const passages = stored.clauseIds;
    const bm25 = Bm25Index.load(join(dir, BM25_FILE));
    if (bm25.size !== passages.length) throw new Error(`${dir}: postings cover ${bm25.size} passages, expected ${passages.length}`);
    const vectors = VectorIndex.load(dir, passages.length, stored.dimensions, stored.hnsw, stored.nearest);
    return new ClauseSearch(passages, clause, bm25, vectors, embeddings);
  }

  /** Ids of the indexed passages' clauses, in index order. */
  get passageClauseIds(): string[] {
    return [...this.passages];
  }

  /** Number of indexed passages. */
  get passageCount(): number {
    return this.passages.length;
  }

  /** The last synchronous search's ranking: one turn searches its text for its intent, its rules and its notes. */
  private last: { key: string; ranked: Ranked[] } | null = null;

  /** Lexical + (offline) dense search; synchronous. Chat wording is expanded first (see chatSynonyms). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const key = `${options.policyIds?.join("\n") ?? "*"}\u0000${query}`;
    if (this.last?.key !== key) {
      const extra = chatExpansion(query);
      this.last = { key, ranked: this.rank(query, extra, this.embedSync(`${query} ${extra}`), options) };
    }
    return this.hits(this.last.ranked, options);
  }

  /** Lexical + dense search with any embedder (a remote one included). */
  async searchAsync(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const extra = chatExpansion(query);
    const vector = query.trim() ? await this.embeddings.embedQuery(`${query} ${extra}`) : null;
    return this.hits(this.rank(query, extra, vector, options), options);
  }

  /**
   * The dense leg alone: passage rows nearest to the text's vector (offline embedder only), exact
   * within `policyIds`, by {@link VectorIndex.nearest} otherwise, or by brute force over every row
   * when `exact` is set (the benchmark's reference).
   */
  nearestClauses(text: string, options: SearchOptions & { exact?: boolean } = {}): Clause[] {
    const vector = this.embedSync(text);
    return vector ? this.dense(vector, options.k ?? CANDIDATES, this.rangesFor(options.policyIds), options.exact).map((row) => this.clauseOf(row)) : [];
  }

  private clauseOf(row: number): Clause {
    const clause = this.clause(this.passages[row]!);
    if (!clause) throw new Error(`search index names clause ${this.passages[row]}, which the corpus lacks`);
    return clause;
  }

  /** The query vector's buffer: a search embeds its text on every turn, and uses the vector before the next one. */
  private queryVector: Float64Array | null = null;

  private embedSync(text: string): Float64Array | null {
    if (!(this.embeddings instanceof HashedEmbeddings)) return null;
    const buffer = (this.queryVector ??= new Float64Array(this.embeddings.dimensions));
    return this.embeddings.embedInto(text, buffer.fill(0));
  }

  /**
   * The row ranges of these policies, sorted and merged (all policies give one range). One walk over
   * the runs in row order: a question naming no region filters to every one of thousands of policies.
   */
  private rangesFor(policyIds: readonly string[] | undefined): DocRange[] | undefined {
    if (!policyIds) return undefined;
    const wanted = new Set(policyIds);
    const merged: Array<[number, number]> = [];
    for (const { policyId, start, end } of this.runs) {
      if (!wanted.has(policyId)) continue;
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = end;
      else merged.push([start, end]);
    }
    return merged;
  }

  private dense(vector: QueryVector, k: number, ranges: DocRange[] | undefined, exact = false): number[] {
    if (!vector.some((v) => v !== 0)) return [];
    const hits = ranges || exact ? this.vectors.nearestIn(vector, k, ranges, exact) : this.vectors.nearest(vector, k);
    return hits.map((h) => h.doc);
  }

  /** Both legs' candidates fused by reciprocal rank, best first. */
  private rank(query: string, extra: string, vector: QueryVector | null, options: SearchOptions): Ranked[] {
    const ranges = this.rangesFor(options.policyIds);
    // The user's own words weigh more than the document wording added for them.
    // Most questions get no expansion: no second segmentation for an empty text.
    const weights = new Map(extra === "" ? [] : tokenize(extra).map((token) => [token, EXPANSION_WEIGHT]));
    for (const token of tokenize(query)) weights.set(token, 1);
    const lexical = this.bm25.search(weights, { limit: CANDIDATES, ranges }).map((s) => s.doc);
    const dense = vector ? this.dense(vector, CANDIDATES, ranges) : [];
    const fused = new Map<number, Ranked>();
    const add = (list: number[], leg: "lexicalRank" | "denseRank") =>
      list.forEach((row, i) => {
        const hit = fused.get(row) ?? { row, score: 0, lexicalRank: null, denseRank: null };
        hit.score += 1 / (RRF_K + i + 1);
        hit[leg] = i + 1;
        fused.set(row, hit);
      });
    add(lexical, "lexicalRank");
    add(dense, "denseRank");
    return [...fused.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * The first `k` of a ranking as hits. Clauses only for the hits returned: a stored corpus parses a policy's
   * clauses on first use, and the candidates of a search over every policy come from dozens of policies.
   */
  private hits(ranked: readonly Ranked[], options: SearchOptions): SearchHit[] {
    return ranked.slice(0, options.k ?? 5).map(({ row, ...hit }) => ({ clause: this.clauseOf(row), ...hit }));
  }
}
