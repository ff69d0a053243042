import type { CallbackManagerForRetrieverRun } from "@langchain/core/callbacks/manager";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { Bm25Index } from "./bm25.js";
import { chatExpansion } from "./chatSynonyms.js";
import type { Clause } from "./clause.js";
import { HashedEmbeddings } from "./hashedEmbeddings.js";
import { HnswVectorStore } from "./hnswVectorStore.js";
import { tokenize } from "./tokenize.js";

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

/** Metadata on every Document the retriever returns. */
export interface ClauseDocumentMetadata {
  clauseId: string;
  policyId: string;
  title: string;
  /** The clause's heading numbers, e.g. ["三", "(三)", "3"]. */
  path: string[];
  score: number;
}

/** A searchable passage: a clause's own text, tagged with its titles. */
export interface Passage {
  clause: Clause;
  /** Text embedded for the dense leg: heading titles, then the passage body. */
  text: string;
  /** Tokens for BM25: body, the clause's own title again (titles name the topic), ancestor titles. */
  tokens: string[];
}

/** Fusion constant: small, because lists are short and the top ranks matter most. */
const RRF_K = 10;
/** BM25 weight of terms added by chatExpansion, relative to the user's own terms. */
const EXPANSION_WEIGHT = 0.5;
/** How deep each leg's list goes before fusion. */
const CANDIDATES = 40;

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
  const passages: Passage[] = [];
  for (const clause of clauses) {
    const body = ownText(clause, byId);
    if (clause.childIds.length > 0 && body.replace(/\s/g, "").length - clause.title.length < 12) continue;
    const ancestors = clause.headingPath.slice(0, -1).filter(Boolean);
    const ownTitleTokens = tokenize(clause.title);
    passages.push({
      clause,
      text: [...ancestors, body].join("\n"),
      tokens: [...tokenize(body), ...ownTitleTokens, ...ownTitleTokens, ...tokenize(ancestors.join(" "))],
    });
  }
  return passages;
}

/**
 * Hybrid clause search: BM25 over Chinese tokens plus nearest neighbours in an hnsw vector store,
 * fused by reciprocal rank. {@link search} is synchronous for the bot's hot path; it uses the dense
 * leg only when the embedder is the offline {@link HashedEmbeddings} (a remote embedder needs
 * {@link searchAsync}).
 */
export class ClauseSearch {
  private readonly bm25: Bm25Index;
  private readonly passageOf = new Map<string, number>();

  private constructor(
    private readonly passages: Passage[],
    /** The dense index; its documents are the passages, in order. */
    readonly vectorStore: HnswVectorStore,
  ) {
    this.bm25 = new Bm25Index(passages.map((p) => p.tokens));
    passages.forEach((p, i) => this.passageOf.set(p.clause.id, i));
  }

  /** Passage documents as stored in the vector store. */
  private static documents(passages: readonly Passage[]): Document[] {
    return passages.map((p) => new Document({ id: p.clause.id, pageContent: p.text, metadata: { clauseId: p.clause.id, policyId: p.clause.policyId } }));
  }

  /** Embeds the clauses' passages into a fresh vector store and indexes them for BM25. */
  static async build(clauses: readonly Clause[], embeddings: EmbeddingsInterface): Promise<ClauseSearch> {
    const passages = buildPassages(clauses);
    const store = new HnswVectorStore(embeddings);
    await store.addDocuments(ClauseSearch.documents(passages));
    return new ClauseSearch(passages, store);
  }

  /**
   * Reuses a stored vector store when it holds exactly these clauses' passages, in order;
   * returns null when it does not (the caller rebuilds).
   */
  static fromStore(clauses: readonly Clause[], store: HnswVectorStore, storedIds: readonly string[]): ClauseSearch | null {
    const passages = buildPassages(clauses);
    const same = storedIds.length === passages.length && passages.every((p, i) => p.clause.id === storedIds[i]);
    return same && store.size === passages.length ? new ClauseSearch(passages, store) : null;
  }

  /** Ids of the indexed passages' clauses, in index order (recorded with a persisted index). */
  get passageClauseIds(): string[] {
    return this.passages.map((p) => p.clause.id);
  }

  /** Lexical + (offline) dense search; synchronous. Chat wording is expanded first (see chatSynonyms). */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const extra = chatExpansion(query);
    const embeddings = this.vectorStore.embeddings;
    const vector = embeddings instanceof HashedEmbeddings ? embeddings.embedSync(`${query} ${extra}`) : null;
    return this.fuse(query, extra, vector, options);
  }

  /** Lexical + dense search with any embedder (a remote one included). */
  async searchAsync(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const extra = chatExpansion(query);
    const vector = query.trim() ? await this.vectorStore.embeddings.embedQuery(`${query} ${extra}`) : null;
    return this.fuse(query, extra, vector, options);
  }

  private fuse(query: string, extra: string, vector: number[] | null, options: SearchOptions): SearchHit[] {
    const allowed = options.policyIds ? new Set(options.policyIds) : null;
    const accept = (i: number) => !allowed || allowed.has(this.passages[i]!.clause.policyId);
    // The user's own words weigh more than the document wording added for them.
    const weights = new Map(tokenize(extra).map((token) => [token, EXPANSION_WEIGHT]));
    for (const token of tokenize(query)) weights.set(token, 1);
    const lexical = this.bm25.search(weights, { limit: CANDIDATES, accept }).map((s) => s.doc);
    const dense =
      vector && vector.some((v) => v !== 0)
        ? this.vectorStore
            .searchVectorSync(vector, CANDIDATES, allowed ? (doc) => allowed.has(doc.metadata.policyId as string) : undefined)
            .map(([doc]) => this.passageOf.get(doc.metadata.clauseId as string)!)
        : [];
    const fused = new Map<number, SearchHit>();
    const add = (list: number[], leg: "lexicalRank" | "denseRank") =>
      list.forEach((passage, i) => {
        const hit = fused.get(passage) ?? { clause: this.passages[passage]!.clause, score: 0, lexicalRank: null, denseRank: null };
        hit.score += 1 / (RRF_K + i + 1);
        hit[leg] = i + 1;
        fused.set(passage, hit);
      });
    add(lexical, "lexicalRank");
    add(dense, "denseRank");
    return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, options.k ?? 5);
  }
}

/** Turns a hit into the LangChain Document the retriever returns. */
export function hitToDocument(hit: SearchHit): Document<ClauseDocumentMetadata> {
  return new Document({
    id: hit.clause.id,
    pageContent: hit.clause.text,
    metadata: { clauseId: hit.clause.id, policyId: hit.clause.policyId, title: hit.clause.title, path: hit.clause.path, score: hit.score },
  });
}

export interface HybridRetrieverInput extends BaseRetrieverInput, SearchOptions {
  search: ClauseSearch;
}

/** LangChain retriever over {@link ClauseSearch}: `invoke(query)` returns clause Documents. */
export class HybridRetriever extends BaseRetriever<ClauseDocumentMetadata> {
  override lc_namespace = ["huishang", "knowledge", "retrievers"];

  static override lc_name(): string {
    return "HybridRetriever";
  }

  private readonly clauseSearch: ClauseSearch;
  private readonly options: SearchOptions;

  constructor(fields: HybridRetrieverInput) {
    super(fields);
    this.clauseSearch = fields.search;
    this.options = { policyIds: fields.policyIds, k: fields.k };
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<DocumentInterface<ClauseDocumentMetadata>[]> {
    const hits = await this.clauseSearch.searchAsync(query, this.options);
    return hits.map(hitToDocument);
  }
}
