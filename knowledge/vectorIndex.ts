/**
 * Nearest-neighbour search over passage vectors (cosine). Two ways in:
 * - {@link VectorIndex.nearest}, over the whole corpus: exact through an inverted index of non-zero
 *   components when vectors are sparse (the offline hashed n-gram embeddings fill ~17% of them),
 *   approximate through an hnsw graph (hnswlib) when they are dense (a remote embedder's);
 * - {@link VectorIndex.nearestIn}: exact, over a few row ranges (one policy's passages), reading
 *   just those rows from the saved vector file (page cache, not process memory).
 * A filtered graph search would walk most of the graph and still miss neighbours; a policy has a
 * few dozen passages, so scanning them exactly is both faster and complete. On corpora of near
 * copies (neighbouring counties' policies), hnsw recall stays low even at large ef (measurements
 * in README "Measures"), while the sparse scan is exact and fast: that is why sparse vectors skip
 * the graph.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type hnswlib from "hnswlib-node";
import { ArrayFileReader, writeAll, writeArrayFile } from "./arrayFile.js";
import type { DocRange } from "./bm25.js";
import { TopK, type Scored } from "./topK.js";

/** hnswlib's graph class, loaded only for dense vectors: the offline (sparse) index never needs the native addon. */
const graphClass = (): typeof hnswlib.HierarchicalNSW => (createRequire(import.meta.url)("hnswlib-node") as typeof hnswlib).HierarchicalNSW;

/** hnsw graph parameters (see README "Measures" and scripts/benchRetrieval.ts for how they were chosen). */
export interface HnswParams {
  /** Links per node. */
  m: number;
  /** Candidate list size while building. */
  efConstruction: number;
  /** Candidate list size while searching (raised to k when k is larger). */
  efSearch: number;
}

export const HNSW_DEFAULTS: HnswParams = { m: 16, efConstruction: 100, efSearch: 64 };

const GRAPH_FILE = "hnsw.index";
const VECTORS_FILE = "vectors.f32";
const COMPONENTS_FILE = "components.bin";
/** Vectors with at most this share of non-zero components are searched through the inverted index. */
const SPARSE_AT_MOST = 0.3;
/** Filtered searches over more rows than this use the component scan (when there is one) instead of reading rows. */
const SCAN_ABOVE_ROWS = 2048;
/** Vectors files up to this size stay in memory once read; larger ones are read slice by slice per search. */
const KEEP_BYTES = 8 * 1024 * 1024;

/** One component's rows (increasing) and values. */
interface Component {
  rows: Uint32Array;
  values: Float32Array;
}

/**
 * The component index of a saved vector index: offsets read on open, each component's postings on
 * the first query using it, then kept (at most the file's size; a query uses few components).
 */
class StoredComponents {
  private readonly read: Array<Component | undefined>;

  constructor(
    private readonly file: ArrayFileReader,
    readonly offsets: Uint32Array,
  ) {
    this.read = new Array(offsets.length - 1);
  }

  get(c: number): Component {
    return (this.read[c] ??= {
      rows: this.file.read("rows", this.offsets[c]!, this.offsets[c + 1]!) as Uint32Array,
      values: this.file.read("values", this.offsets[c]!, this.offsets[c + 1]!) as Float32Array,
    });
  }
}

/** Unit-length copy of a vector (zero stays zero). */
export function normalised(vector: ArrayLike<number>): Float32Array {
  // The constructor copies an array directly; Float32Array.from goes through its iterator.
  const out = new Float32Array(vector);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/** Rows read back at a time while a build inverts or links the written vectors. */
const SLICE_ROWS = 4096;

/** Unit-length copies of `vectors`, row after row (each must have `dimensions` components). */
export function unitRows(vectors: readonly ArrayLike<number>[], dimensions: number): Float32Array {
  const all = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, row) => {
    if (v.length !== dimensions) throw new Error(`vector ${row} has ${v.length} dimensions, expected ${dimensions}`);
    all.set(normalised(v), row * dimensions);
  });
  return all;
}

/**
 * Builds a vector index into a folder without holding its vectors: rows go to the vectors file as
 * they are made (in any order, each row once) while the non-zero values of each component are
 * counted; {@link finish} then reads the file back a slice at a time to lay out the component index
 * (sparse vectors) or to link the hnsw graph (dense ones). A 100k-clause build held the vectors
 * three times over (chunks, the whole array, its inversion), most of its peak memory.
 */
export class VectorIndexWriter {
  private readonly fd: number;
  private readonly tmp: string;
  /** Non-zero values per component. */
  private readonly counts: Float64Array;
  private rows = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    readonly dimensions: number,
  ) {
    mkdirSync(dir, { recursive: true });
    this.tmp = join(dir, `${VECTORS_FILE}.tmp-${process.pid}`);
    this.fd = openSync(this.tmp, "w+");
    this.counts = new Float64Array(dimensions);
  }

  /** Writes unit vectors (see {@link normalised}) for rows `first`, `first + 1`, … */
  add(first: number, rows: Float32Array): void {
    const d = this.dimensions;
    writeAll(this.fd, new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength), first * d * 4);
    for (let at = 0; at < rows.length; at += d) {
      for (let c = 0; c < d; c++) if (rows[at + c] !== 0) this.counts[c]!++;
    }
    this.rows += d ? rows.length / d : 0;
  }

  /**
   * Completes the index files (vectors, then the component index or graph) for `size` rows and
   * says how {@link VectorIndex.nearest} will search them. Sparse vectors get the exact component
   * scan, dense ones the graph (see the file comment).
   */
  finish(size: number, params: HnswParams, progress?: (done: number, total: number) => void): "scan" | "graph" {
    if (this.rows !== size) throw new Error(`vector index: ${this.rows} rows written, expected ${size}`);
    const d = this.dimensions;
    const sparse = this.counts.reduce((sum, n) => sum + n, 0) <= SPARSE_AT_MOST * size * d;
    try {
      if (sparse) {
        this.writeComponents(size);
        progress?.(size, size);
      } else this.writeGraph(size, params, progress);
    } finally {
      this.close();
    }
    renameSync(this.tmp, join(this.dir, VECTORS_FILE));
    return sparse ? "scan" : "graph";
  }

  /** Closes the vectors file (a failed build; {@link finish} closes it itself). */
  close(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
  }

  /** Rows [from, to) of the written file. */
  private slice(from: number, to: number): Float32Array {
    const out = new Float32Array((to - from) * this.dimensions);
    readSync(this.fd, new Uint8Array(out.buffer), 0, out.byteLength, from * this.dimensions * 4);
    return out;
  }

  /** The inverted index of non-zero components: component c's rows (increasing) and values at offsets[c] .. offsets[c+1]. */
  private writeComponents(size: number): void {
    const d = this.dimensions;
    const offsets = new Uint32Array(d + 1);
    for (let c = 0; c < d; c++) offsets[c + 1] = offsets[c]! + this.counts[c]!;
    const fill = offsets.slice(0, d);
    const rows = new Uint32Array(offsets[d]!);
    const values = new Float32Array(rows.length);
    for (let from = 0; from < size; from += SLICE_ROWS) {
      const to = Math.min(size, from + SLICE_ROWS);
      const slice = this.slice(from, to);
      for (let r = from, at = 0; r < to; r++) {
        for (let c = 0; c < d; c++, at++) {
          if (slice[at] === 0) continue;
          const i = fill[c]!++;
          rows[i] = r;
          values[i] = slice[at]!;
        }
      }
    }
    writeArrayFile(join(this.dir, COMPONENTS_FILE), { offsets, rows, values });
  }

  private writeGraph(size: number, params: HnswParams, progress?: (done: number, total: number) => void): void {
    const d = this.dimensions;
    const graph = new (graphClass())("cosine", Math.max(d, 1));
    graph.initIndex({ maxElements: Math.max(size, 1), m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    for (let from = 0; from < size; from += SLICE_ROWS) {
      const to = Math.min(size, from + SLICE_ROWS);
      const slice = this.slice(from, to);
      for (let row = from; row < to; row++) {
        graph.addPoint(Array.from(slice.subarray((row - from) * d, (row - from + 1) * d)), row);
        if (progress && (row % 500 === 499 || row === size - 1)) progress(row + 1, size);
      }
    }
    const tmp = join(this.dir, `${GRAPH_FILE}.tmp-${process.pid}`);
    graph.writeIndexSync(tmp);
    renameSync(tmp, join(this.dir, GRAPH_FILE));
  }
}

export class VectorIndex {
  /** Scratch scores per row for the sparse scan. */
  private scratch: Float32Array | null = null;

  private constructor(
    /** The graph for dense vectors; null when sparse vectors are scanned through `components`. */
    private readonly graph: InstanceType<typeof hnswlib.HierarchicalNSW> | null,
    /** The saved component index of sparse vectors, read per component. */
    private readonly components: StoredComponents | null,
    readonly dimensions: number,
    readonly size: number,
    private parameters: HnswParams,
    /** The unit vectors, row-major, read from this file. */
    private readonly file: string,
  ) {}

  /** Builds and saves an index of `vectors` (one per row, made unit length) in `dir` and opens it. */
  static build(dir: string, vectors: readonly ArrayLike<number>[], params: HnswParams = HNSW_DEFAULTS): VectorIndex {
    const dimensions = vectors[0]?.length ?? 0;
    const writer = new VectorIndexWriter(dir, dimensions);
    try {
      writer.add(0, unitRows(vectors, dimensions));
    } catch (error) {
      writer.close();
      throw error;
    }
    return VectorIndex.load(dir, vectors.length, dimensions, params, writer.finish(vectors.length, params));
  }

  /** How {@link nearest} searches: "scan" (exact, sparse vectors) or "graph" (hnsw). */
  get kind(): "scan" | "graph" {
    return this.graph ? "graph" : "scan";
  }

  /** Reads an index written by {@link VectorIndexWriter}; size, dimensions and kind come from the caller's manifest. */
  static load(dir: string, size: number, dimensions: number, params: HnswParams, kind: "scan" | "graph"): VectorIndex {
    if (kind === "scan") {
      const file = new ArrayFileReader(join(dir, COMPONENTS_FILE));
      try {
        const offsets = file.read("offsets") as Uint32Array;
        if (offsets.length !== dimensions + 1) throw new Error(`${dir}: component index has ${offsets.length - 1} dimensions, expected ${dimensions}`);
        if (offsets[dimensions] !== file.length("rows") || offsets[dimensions] !== file.length("values")) throw new Error(`${dir}: component index is damaged`);
        return new VectorIndex(null, new StoredComponents(file, offsets), dimensions, size, params, join(dir, VECTORS_FILE));
      } catch (error) {
        file.close();
        throw error;
      }
    }
    const graph = new (graphClass())("cosine", Math.max(dimensions, 1));
    graph.readIndexSync(join(dir, GRAPH_FILE));
    if (graph.getCurrentCount() !== size) throw new Error(`${dir}: graph holds ${graph.getCurrentCount()} vectors, expected ${size}`);
    graph.setEf(params.efSearch);
    return new VectorIndex(graph, null, dimensions, size, params, join(dir, VECTORS_FILE));
  }

  /** Graph parameters (efSearch as last set). */
  get params(): HnswParams {
    return this.parameters;
  }

  /** Changes the search candidate list size (parameter measurements). */
  setEfSearch(ef: number): void {
    this.parameters = { ...this.parameters, efSearch: ef };
    this.graph?.setEf(ef);
  }

  /** Nearest rows with cosine similarity, best first: exact for sparse vectors, approximate (hnsw) for dense. */
  nearest(query: ArrayLike<number>, k: number): Scored[] {
    if (this.size === 0 || k <= 0) return [];
    if (!this.graph) return this.scan(query, k);
    const n = Math.min(k, this.size);
    if (n > this.params.efSearch) this.graph.setEf(n);
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), n);
    if (n > this.params.efSearch) this.graph.setEf(this.params.efSearch);
    return neighbors.map((doc, i) => ({ doc, score: 1 - distances[i]! }));
  }

  /** Exact search through the component index: only rows sharing a non-zero component are touched. */
  private scan(query: ArrayLike<number>, k: number, ranges: readonly DocRange[] = [[0, this.size]]): Scored[] {
    const q = normalised(query);
    const scores = (this.scratch ??= new Float32Array(this.size));
    for (let c = 0; c < this.dimensions; c++) {
      const weight = q[c]!;
      if (weight === 0) continue;
      const { rows, values } = this.component(c);
      for (let at = 0; at < rows.length; at++) scores[rows[at]!]! += weight * values[at]!;
    }
    const best = new TopK(k);
    for (const [start, end] of ranges) {
      for (let row = start; row < end; row++) if (scores[row] !== 0) best.push(row, scores[row]!);
    }
    scores.fill(0);
    return best.sorted();
  }

  private component(c: number): Component {
    return this.components!.get(c);
  }

  /**
   * Exact nearest rows within `ranges` (sorted, not overlapping; all rows when absent), best first.
   * `brute` reads every row in range even where the component index would be quicker (reference).
   */
  nearestIn(query: ArrayLike<number>, k: number, ranges: readonly DocRange[] = [[0, this.size]], brute = false): Scored[] {
    const covered = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
    // Many policies at once (a question naming no region): the component scan is exact and quicker.
    if (this.components && !brute && covered > SCAN_ABOVE_ROWS) return this.scan(query, k, ranges);
    const q = normalised(query);
    const d = this.dimensions;
    // A zero component adds exactly nothing to a dot product: only the query's others are read (a
    // question's hashed n-grams fill a few dozen of ~1,000), in the same order, so the sums are the same.
    const used: number[] = [];
    for (let i = 0; i < d; i++) if (q[i] !== 0) used.push(i);
    const best = new TopK(k);
    for (const [start, end] of ranges) {
      // Ranges of a whole corpus are read in slices so memory stays flat.
      for (let from = start; from < end; from += 4096) {
        const to = Math.min(end, from + 4096);
        const rows = this.rows(from, to);
        for (let r = 0; r < to - from; r++) {
          let dot = 0;
          for (let j = 0, at = r * d; j < used.length; j++) dot += q[used[j]!]! * rows[at + used[j]!]!;
          best.push(from + r, dot);
        }
      }
    }
    return best.sorted();
  }

  /** Rows read from the file, kept when they are few: a per-policy question reads them on every turn. */
  private kept: Float32Array | null = null;

  /** Unit vectors of rows [start, end), row-major. */
  private rows(start: number, end: number): Float32Array {
    const d = this.dimensions;
    if (this.size * d * 4 <= KEEP_BYTES) {
      this.kept ??= this.read(0, this.size);
      return this.kept.subarray(start * d, end * d);
    }
    return this.read(start, end);
  }

  /** The vectors file, open from the first read on (a filtered search reads from it on every query). */
  private fd: number | null = null;

  private read(start: number, end: number): Float32Array {
    const d = this.dimensions;
    const out = new Float32Array((end - start) * d);
    this.fd ??= openSync(this.file, "r");
    readSync(this.fd, new Uint8Array(out.buffer), 0, out.byteLength, start * d * 4);
    return out;
  }
}
