import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { SaveableVectorStore } from "@langchain/core/vectorstores";
import hnswlib from "hnswlib-node";

const { HierarchicalNSW } = hnswlib;

/** Graph parameters; the defaults suit a few thousand passages. */
export interface HnswConfig {
  /** Links per node. */
  m?: number;
  /** Candidate list size while building. */
  efConstruction?: number;
  /** Candidate list size while searching. */
  efSearch?: number;
}

const INDEX_FILE = "hnsw.index";
const DOCSTORE_FILE = "docstore.json";

/**
 * A thin LangChain `VectorStore` over hnswlib-node (cosine space). Labels are positions in an
 * in-memory document list; filters are predicates on those documents. Written here instead of
 * `@langchain/community`'s HNSWLib, whose peer dependencies conflict with zod 4.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;

  private index: InstanceType<typeof HierarchicalNSW> | null = null;
  private docs: DocumentInterface[] = [];
  private readonly config: Required<HnswConfig>;

  constructor(embeddings: EmbeddingsInterface, config: HnswConfig = {}) {
    super(embeddings, config);
    this.config = { m: 16, efConstruction: 200, efSearch: 64, ...config };
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.docs.length;
  }

  /** Embeds and stores documents. */
  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** Stores pre-computed vectors; returns the documents' ids (their label when they have none). */
  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectorsSync(vectors, documents);
  }

  /** Synchronous {@link addVectors}. */
  addVectorsSync(vectors: number[][], documents: DocumentInterface[]): string[] {
    if (vectors.length !== documents.length) throw new Error("addVectors: vectors and documents differ in length");
    if (vectors.length === 0) return [];
    const dimensions = vectors[0]!.length;
    if (!this.index) {
      this.index = new HierarchicalNSW("cosine", dimensions);
      this.index.initIndex({ maxElements: Math.max(vectors.length, 16), m: this.config.m, efConstruction: this.config.efConstruction, randomSeed: 42 });
      this.index.setEf(this.config.efSearch);
    } else if (this.index.getNumDimensions() !== dimensions) {
      throw new Error(`addVectors: vectors have ${dimensions} dimensions, the index ${this.index.getNumDimensions()}`);
    }
    const needed = this.docs.length + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    return vectors.map((vector, i) => {
      const label = this.docs.length;
      this.index!.addPoint(vector, label);
      this.docs.push(documents[i]!);
      return documents[i]!.id ?? String(label);
    });
  }

  /** Nearest documents to a vector with their cosine similarity, best first. */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this["FilterType"]): Promise<[DocumentInterface, number][]> {
    return this.searchVectorSync(query, k, filter);
  }

  /** Synchronous {@link similaritySearchVectorWithScore} for hot paths with a synchronous embedder. */
  searchVectorSync(query: number[], k: number, filter?: (doc: DocumentInterface) => boolean): [DocumentInterface, number][] {
    if (!this.index || this.docs.length === 0 || k <= 0) return [];
    const accept = filter ? (label: number) => filter(this.docs[label]!) : undefined;
    // hnswlib returns fewer neighbours when the filter leaves fewer; it never pads.
    const { neighbors, distances } = this.index.searchKnn(query, Math.min(k, this.docs.length), accept);
    return neighbors.map((label, i) => [this.docs[label]!, 1 - distances[i]!]);
  }

  /** Writes the graph and the documents to `directory` (atomically per file). */
  async save(directory: string): Promise<void> {
    mkdirSync(directory, { recursive: true });
    const tmp = `.tmp-${process.pid}`;
    this.index?.writeIndexSync(join(directory, INDEX_FILE + tmp));
    const docs = this.docs.map((d) => ({ id: d.id, pageContent: d.pageContent, metadata: d.metadata }));
    const dimensions = this.index?.getNumDimensions() ?? 0;
    writeFileSync(join(directory, DOCSTORE_FILE + tmp), JSON.stringify({ config: this.config, dimensions, docs }));
    if (this.index) renameSync(join(directory, INDEX_FILE + tmp), join(directory, INDEX_FILE));
    renameSync(join(directory, DOCSTORE_FILE + tmp), join(directory, DOCSTORE_FILE));
  }

  /** Reads a store written by {@link save}; `embeddings` must be the ones it was built with. */
  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const stored = JSON.parse(readFileSync(join(directory, DOCSTORE_FILE), "utf8")) as {
      config: Required<HnswConfig>;
      dimensions: number;
      docs: Array<{ id?: string; pageContent: string; metadata: Record<string, unknown> }>;
    };
    const store = new HnswVectorStore(embeddings, stored.config);
    store.docs = stored.docs.map((d) => new Document(d));
    if (store.docs.length > 0) {
      store.index = new HierarchicalNSW("cosine", stored.dimensions);
      store.index.readIndexSync(join(directory, INDEX_FILE));
      store.index.setEf(store.config.efSearch);
      if (store.index.getCurrentCount() !== store.docs.length) {
        throw new Error(`${directory}: index holds ${store.index.getCurrentCount()} vectors for ${store.docs.length} documents`);
      }
    }
    return store;
  }

  /** Builds a store from documents (LangChain's usual constructor). */
  static override async fromDocuments(docs: DocumentInterface[], embeddings: EmbeddingsInterface, config: HnswConfig = {}): Promise<HnswVectorStore> {
    const store = new HnswVectorStore(embeddings, config);
    await store.addDocuments(docs);
    return store;
  }
}
