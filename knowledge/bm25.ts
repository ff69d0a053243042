/**
 * Okapi BM25 over pre-tokenised documents. The inverted index is three typed arrays (postings in
 * document order, each with its precomputed term score), so it saves and loads without touching a
 * token, and a search restricted to a few document ranges (one policy's passages) binary-searches
 * into each posting list instead of walking all of it. A loaded index reads a term's postings from
 * the file when a query first uses the term and keeps the recently used ones, so a province-sized
 * index opens without reading its postings. The term list is saved as arrays too (sorted terms'
 * characters, looked up by binary search): parsing 270k terms from JSON into a Map took most of
 * the time to open a 100k-clause index.
 */
import { ArrayFileReader, writeArrayFile } from "./arrayFile.js";
import { TopK, type Scored } from "./topK.js";

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1?: number;
  /** Length normalisation (0 = none, 1 = full). */
  b?: number;
}

export type ScoredDoc = Scored;

/** Half-open range of document numbers [start, end). */
export type DocRange = readonly [start: number, end: number];

export interface Bm25SearchOptions {
  limit?: number;
  /** Only documents inside these ranges. */
  ranges?: readonly DocRange[];
}

/** First position in `docs[lo..hi)` whose value is ≥ `value`. */
function lowerBound(docs: Uint32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One term's postings: documents in increasing order, and each one's term score. */
interface Postings {
  docs: Uint32Array;
  /** idf × saturated, length-normalised term frequency of each posting. */
  impacts: Float32Array;
}

/** Entries per block of a builder's (document, term) pairs. */
const ENTRY_BLOCK = 1 << 18;

/** Postings read from a saved index are kept up to this many postings (8 bytes each), least recently used out first. */
const CACHED_POSTINGS = 4 << 20;

/** Finds a term's number. */
type TermLookup = (term: string) => number | undefined;

/** The saved term list: terms sorted by UTF-16 code units, their characters end to end. */
interface SortedTerms {
  /** UTF-16 code units of every term, in sorted order. */
  chars: Uint16Array;
  /** Term i (in sorted order) is chars[starts[i] .. starts[i+1]). */
  starts: Uint32Array;
  /** Term number (postings position) of the i-th sorted term. */
  numbers: Uint32Array;
}

/** The term list as arrays (see {@link SortedTerms}). */
function sortTerms(terms: ReadonlyMap<string, number>): SortedTerms {
  const sorted = [...terms.keys()].sort();
  const starts = new Uint32Array(sorted.length + 1);
  sorted.forEach((term, i) => (starts[i + 1] = starts[i]! + term.length));
  const chars = new Uint16Array(starts[sorted.length]!);
  sorted.forEach((term, i) => {
    for (let c = 0; c < term.length; c++) chars[starts[i]! + c] = term.charCodeAt(c);
  });
  return { chars, starts, numbers: Uint32Array.from(sorted, (term) => terms.get(term)!) };
}

/** Binary search over sorted terms, comparing code units as JavaScript's sort did. */
function sortedLookup({ chars, starts, numbers }: SortedTerms): TermLookup {
  const compare = (i: number, term: string) => {
    const from = starts[i]!;
    const length = starts[i + 1]! - from;
    for (let c = 0; c < length && c < term.length; c++) {
      const d = chars[from + c]! - term.charCodeAt(c);
      if (d !== 0) return d;
    }
    return length - term.length;
  };
  return (term) => {
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = compare(mid, term);
      if (d === 0) return numbers[mid];
      if (d < 0) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  };
}

export class Bm25Index {
  /** Scratch score per document, reused across searches (zeroed after each). */
  private scratch: Float64Array | null = null;
  /** Recently read postings by term number, least recently used first (Map keeps insertion order). */
  private readonly cache = new Map<number, Postings>();
  private cached = 0;

  private constructor(
    /** Term → term number: a Map after a build, a search over the saved sorted terms after a load. */
    private readonly terms: Map<string, number> | TermLookup,
    /** Postings of term t are positions offsets[t] .. offsets[t+1]. */
    private readonly offsets: Uint32Array,
    /** All postings in memory (after a build), or the saved file they are read from. */
    private readonly all: Postings | ArrayFileReader,
    /** Number of indexed documents. */
    readonly size: number,
  ) {}

  /** The postings of term number `term`. */
  private postings(term: number): Postings {
    const from = this.offsets[term]!;
    const to = this.offsets[term + 1]!;
    if (!(this.all instanceof ArrayFileReader)) return { docs: this.all.docs.subarray(from, to), impacts: this.all.impacts.subarray(from, to) };
    let postings = this.cache.get(term);
    if (postings) this.cache.delete(term);
    else {
      postings = { docs: this.all.read("docs", from, to) as Uint32Array, impacts: this.all.read("impacts", from, to) as Float32Array };
      this.cached += to - from;
      for (const [old, { docs }] of this.cache) {
        if (this.cached <= CACHED_POSTINGS) break;
        this.cache.delete(old);
        this.cached -= docs.length;
      }
    }
    this.cache.set(term, postings);
    return postings;
  }

  /** Indexes `docs`, each a list of tokens (repeat a token to weight it, e.g. titles). */
  static build(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
    const builder = Bm25Index.builder(options);
    for (const tokens of docs) builder.add(tokens);
    return builder.finish();
  }

  /**
   * Indexes documents one at a time, in order, so a large build need not hold every document's
   * tokens: of each document only its distinct terms and their counts are kept (typed arrays)
   * until `finish` lays out the postings.
   */
  static builder(options: Bm25Options = {}): { add(tokens: readonly string[]): void; finish(): Bm25Index } {
    const k1 = options.k1 ?? 1.2;
    const b = options.b ?? 0.75;
    const terms = new Map<string, number>();
    const df: number[] = [];
    /** Each document's token count, and where its entries end. */
    const lengths: number[] = [];
    const ends: number[] = [];
    /**
     * Term number and count of every (document, distinct term) pair, document by document, in
     * blocks of ENTRY_BLOCK (a grown copy would briefly hold them twice).
     */
    const entryTerms: Uint32Array[] = [];
    const entryCounts: Uint32Array[] = [];
    let used = 0;
    let totalLength = 0;
    return {
      add(tokens) {
        const counts = new Map<number, number>();
        for (const token of tokens) {
          let id = terms.get(token);
          if (id === undefined) {
            terms.set(token, (id = df.length));
            df.push(0);
          }
          const tf = counts.get(id);
          if (tf === undefined) df[id]!++;
          counts.set(id, (tf ?? 0) + 1);
        }
        for (const [term, tf] of counts) {
          if (used % ENTRY_BLOCK === 0) {
            entryTerms.push(new Uint32Array(ENTRY_BLOCK));
            entryCounts.push(new Uint32Array(ENTRY_BLOCK));
          }
          entryTerms.at(-1)![used % ENTRY_BLOCK] = term;
          entryCounts.at(-1)![used++ % ENTRY_BLOCK] = tf;
        }
        ends.push(used);
        lengths.push(tokens.length);
        totalLength += tokens.length;
      },
      finish() {
        const size = lengths.length;
        const avgLength = size ? totalLength / size : 0;
        const offsets = new Uint32Array(df.length + 1);
        for (let t = 0; t < df.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
        const fill = offsets.slice(0, df.length);
        const postingDocs = new Uint32Array(offsets[df.length]!);
        const impacts = new Float32Array(postingDocs.length);
        // The "+1" variant keeps idf positive for terms in more than half of the documents.
        const idf = df.map((n) => Math.log(1 + (size - n + 0.5) / (n + 0.5)));
        for (let doc = 0, at = 0; doc < size; doc++) {
          const norm = k1 * (1 - b + (b * lengths[doc]!) / avgLength);
          for (; at < ends[doc]!; at++) {
            const block = Math.floor(at / ENTRY_BLOCK);
            const term = entryTerms[block]![at % ENTRY_BLOCK]!;
            const tf = entryCounts[block]![at % ENTRY_BLOCK]!;
            const to = fill[term]!++;
            postingDocs[to] = doc;
            impacts[to] = (idf[term]! * tf * (k1 + 1)) / (tf + norm);
          }
        }
        entryTerms.length = entryCounts.length = 0;
        return new Bm25Index(terms, offsets, { docs: postingDocs, impacts }, size);
      },
    };
  }

  /** Writes the index to one file (see arrayFile); only a built index (not a loaded one) is saved. */
  save(path: string): void {
    if (this.all instanceof ArrayFileReader || !(this.terms instanceof Map)) throw new Error("a loaded BM25 index is already saved");
    const { chars, starts, numbers } = sortTerms(this.terms);
    writeArrayFile(path, { offsets: this.offsets, docs: this.all.docs, impacts: this.all.impacts, termChars: chars, termStarts: starts, termNumbers: numbers }, { size: this.size });
  }

  /** Opens an index written by {@link save}: term list and offsets now, postings when a query needs them. */
  static load(path: string): Bm25Index {
    const file = new ArrayFileReader(path);
    try {
      const { size } = file.meta as { size: number };
      const offsets = file.read("offsets") as Uint32Array;
      const terms: SortedTerms = { chars: file.read("termChars") as Uint16Array, starts: file.read("termStarts") as Uint32Array, numbers: file.read("termNumbers") as Uint32Array };
      const postings = offsets.at(-1);
      const count = terms.numbers.length;
      if (offsets.length !== count + 1 || terms.starts.length !== count + 1 || terms.starts[count] !== terms.chars.length || postings !== file.length("docs") || postings !== file.length("impacts")) {
        throw new Error(`${path}: term list and postings disagree`);
      }
      return new Bm25Index(sortedLookup(terms), offsets, file, size);
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /**
   * Documents sharing a term with the query, best first (ties: lower document number first).
   * `query` is a list of tokens (repeats count once: chat users repeat words for emphasis, not
   * weight) or a map of token → weight.
   */
  search(query: readonly string[] | ReadonlyMap<string, number>, options: Bm25SearchOptions = {}): ScoredDoc[] {
    const weights = Array.isArray(query) ? new Map(query.map((token) => [token, 1])) : (query as ReadonlyMap<string, number>);
    const scores = (this.scratch ??= new Float64Array(this.size));
    const touched: number[] = [];
    const ranges = options.ranges ?? [[0, this.size] as const];
    for (const [token, weight] of weights) {
      const term = this.terms instanceof Map ? this.terms.get(token) : this.terms(token);
      if (term === undefined) continue;
      const { docs, impacts } = this.postings(term);
      for (const [start, end] of ranges) {
        for (let at = start === 0 ? 0 : lowerBound(docs, 0, docs.length, start); at < docs.length; at++) {
          const doc = docs[at]!;
          if (doc >= end) break;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc]! += weight * impacts[at]!;
        }
      }
    }
    const best = new TopK(options.limit ?? touched.length);
    for (const doc of touched) {
      best.push(doc, scores[doc]!);
      scores[doc] = 0;
    }
    return best.sorted();
  }
}
