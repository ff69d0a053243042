/**
 * Okapi BM25 over pre-tokenised documents, with an inverted index so a query only touches the
 * documents that share a term with it.
 */

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1?: number;
  /** Length normalisation (0 = none, 1 = full). */
  b?: number;
}

export interface ScoredDoc {
  /** Index of the document in the array given to the constructor. */
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private readonly idf = new Map<string, number>();
  private readonly lengths: Float64Array;
  private readonly avgLength: number;
  private readonly k1: number;
  private readonly b: number;

  /** Indexes `docs`, each a list of tokens (repeat a token to weight it, e.g. titles). */
  constructor(docs: readonly string[][], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.lengths = Float64Array.from(docs, (tokens) => tokens.length);
    this.avgLength = docs.length ? this.lengths.reduce((a, b) => a + b, 0) / docs.length : 0;
    docs.forEach((tokens, doc) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [token, tf] of counts) {
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push([doc, tf]);
      }
    });
    for (const [token, list] of this.postings) {
      // The "+1" variant keeps idf positive for terms in more than half of the documents.
      this.idf.set(token, Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5)));
    }
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * Documents sharing a term with the query, best first. `query` is a list of tokens (repeats count
   * once: chat users repeat words for emphasis, not weight) or a map of token → weight.
   */
  search(query: readonly string[] | ReadonlyMap<string, number>, options: { limit?: number; accept?: (doc: number) => boolean } = {}): ScoredDoc[] {
    const weights = Array.isArray(query) ? new Map(query.map((token) => [token, 1])) : (query as ReadonlyMap<string, number>);
    const scores = new Map<number, number>();
    for (const [token, weight] of weights) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = weight * this.idf.get(token)!;
      for (const [doc, tf] of list) {
        if (options.accept && !options.accept(doc)) continue;
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + norm));
      }
    }
    const ranked = [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
    return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
  }
}
