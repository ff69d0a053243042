import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";

/**
 * Offline, deterministic embeddings: character n-grams of the text hashed into a fixed-size vector
 * (the "hashing trick"), sublinear term frequency, signed buckets to cancel collisions, L2-normalised.
 * No weights, no network; the same text always gives the same vector. Cosine similarity between two
 * vectors approximates their overlap in 2- and 3-character fragments, which suits Chinese where
 * chat words (卖了, 房租) rarely match document words exactly but share fragments with them.
 */
export interface HashedEmbeddingsParams extends EmbeddingsParams {
  /** Vector size. */
  dimensions?: number;
  /** N-gram lengths over Chinese runs. */
  ngrams?: number[];
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const HAN_RUN = /[\u4e00-\u9fff]+|[a-z0-9]+/g;

export class HashedEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly ngrams: number[];

  constructor(params: HashedEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 1024;
    this.ngrams = params.ngrams ?? [2, 3];
  }

  /** Identifies the vector space; an index built with other settings must be rebuilt. */
  get id(): string {
    return `hashed-ngrams:d${this.dimensions}:n${this.ngrams.join(",")}:v1`;
  }

  /** Synchronous embedding for the hot path (the async methods wrap it). */
  embedSync(text: string): number[] {
    return Array.from(this.embedInto(text, new Float64Array(this.dimensions)));
  }

  /**
   * {@link embedSync} written into `vector` (all zeros, `dimensions` long), which is returned: a search embeds
   * its query on every turn into the same buffer instead of a new 1,024-element array.
   */
  embedInto(text: string, vector: Float64Array): Float64Array {
    const counts = new Map<string, number>();
    for (const run of text.toLowerCase().match(HAN_RUN) ?? []) {
      if (!/[\u4e00-\u9fff]/.test(run)) {
        // Latin terms (B2B, MCN) count whole; bare numbers are the user's figures, not topics.
        if (/[a-z]/.test(run)) counts.set(run, (counts.get(run) ?? 0) + 1);
        continue;
      }
      for (const n of this.ngrams) {
        for (let i = 0; i + n <= run.length; i++) {
          const gram = run.slice(i, i + n);
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
    for (const [gram, count] of counts) {
      const hash = fnv1a(gram);
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions]! += sign * (1 + Math.log(count));
    }
    let norm = 0;
    for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
    norm = Math.sqrt(norm);
    if (norm !== 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
    return vector;
  }

  /** Embeds documents (see class comment). */
  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.embedSync(text));
  }

  /** Embeds a query the same way as a document. */
  async embedQuery(document: string): Promise<number[]> {
    return this.embedSync(document);
  }
}
