/**
 * Dense nearest-neighbour search over passage vectors (cosine). Two ways in:
 * - {@link VectorIndex.nearest}: approximate, through an hnsw graph (hnswlib), for the whole corpus;
 * - {@link VectorIndex.nearestIn}: exact, over a few row ranges (one policy's passages), reading
 *   just those rows from the saved vector file (page cache, not process memory).
 * A filtered graph search would walk most of the graph and still miss neighbours; a policy has a
 * few dozen passages, so scanning them exactly is both faster and complete.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import type { DocRange } from "./bm25.js";
import { TopK, type Scored } from "./topK.js";

const { HierarchicalNSW } = hnswlib;

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

/** Unit-length copy of a vector (zero stays zero). */
function normalised(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

export class VectorIndex {
  private constructor(
    private readonly graph: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
    readonly size: number,
    private parameters: HnswParams,
    /** Unit vectors, row-major: in memory after a build until saved, then read from `file`. */
    private vectors: Float32Array | null,
    private file: string | null,
  ) {}

  /** Builds the graph over `vectors` (one per row); `progress` is called every few hundred rows. */
  static build(vectors: readonly ArrayLike<number>[], params: HnswParams = HNSW_DEFAULTS, progress?: (done: number, total: number) => void): VectorIndex {
    const dimensions = vectors[0]?.length ?? 0;
    const all = new Float32Array(vectors.length * dimensions);
    vectors.forEach((v, row) => {
      if (v.length !== dimensions) throw new Error(`vector ${row} has ${v.length} dimensions, expected ${dimensions}`);
      all.set(normalised(v), row * dimensions);
    });
    const graph = new HierarchicalNSW("cosine", Math.max(dimensions, 1));
    graph.initIndex({ maxElements: Math.max(vectors.length, 1), m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    graph.setEf(params.efSearch);
    for (let row = 0; row < vectors.length; row++) {
      graph.addPoint(Array.from(all.subarray(row * dimensions, (row + 1) * dimensions)), row);
      if (progress && (row % 500 === 499 || row === vectors.length - 1)) progress(row + 1, vectors.length);
    }
    return new VectorIndex(graph, dimensions, vectors.length, { ...params }, all, null);
  }

  /** Writes graph and vectors into `dir`; afterwards rows are read from the file, not kept in memory. */
  save(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const tmp = `.tmp-${process.pid}`;
    this.graph.writeIndexSync(join(dir, GRAPH_FILE + tmp));
    renameSync(join(dir, GRAPH_FILE + tmp), join(dir, GRAPH_FILE));
    if (this.vectors) {
      writeFileSync(join(dir, VECTORS_FILE + tmp), new Uint8Array(this.vectors.buffer, this.vectors.byteOffset, this.vectors.byteLength));
      renameSync(join(dir, VECTORS_FILE + tmp), join(dir, VECTORS_FILE));
      this.vectors = null;
    }
    this.file = join(dir, VECTORS_FILE);
  }

  /** Reads an index written by {@link save}; `size` and `dimensions` come from the caller's manifest. */
  static load(dir: string, size: number, dimensions: number, params: HnswParams): VectorIndex {
    const graph = new HierarchicalNSW("cosine", Math.max(dimensions, 1));
    graph.readIndexSync(join(dir, GRAPH_FILE));
    if (graph.getCurrentCount() !== size) throw new Error(`${dir}: graph holds ${graph.getCurrentCount()} vectors, expected ${size}`);
    graph.setEf(params.efSearch);
    return new VectorIndex(graph, dimensions, size, params, null, join(dir, VECTORS_FILE));
  }

  /** Graph parameters (efSearch as last set). */
  get params(): HnswParams {
    return this.parameters;
  }

  /** Changes the search candidate list size (parameter measurements). */
  setEfSearch(ef: number): void {
    this.parameters = { ...this.parameters, efSearch: ef };
    this.graph.setEf(ef);
  }

  /** Approximate nearest rows with cosine similarity, best first. */
  nearest(query: ArrayLike<number>, k: number): Scored[] {
    if (this.size === 0 || k <= 0) return [];
    const n = Math.min(k, this.size);
    if (n > this.params.efSearch) this.graph.setEf(n);
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), n);
    if (n > this.params.efSearch) this.graph.setEf(this.params.efSearch);
    return neighbors.map((doc, i) => ({ doc, score: 1 - distances[i]! }));
  }

  /** Exact nearest rows within `ranges` (all rows when absent), best first. */
  nearestIn(query: ArrayLike<number>, k: number, ranges: readonly DocRange[] = [[0, this.size]]): Scored[] {
    const q = normalised(query);
    const d = this.dimensions;
    const best = new TopK(k);
    for (const [start, end] of ranges) {
      // Ranges of a whole corpus are read in slices so memory stays flat.
      for (let from = start; from < end; from += 4096) {
        const to = Math.min(end, from + 4096);
        const rows = this.rows(from, to);
        for (let r = 0; r < to - from; r++) {
          let dot = 0;
          for (let i = 0, at = r * d; i < d; i++, at++) dot += q[i]! * rows[at]!;
          best.push(from + r, dot);
        }
      }
    }
    return best.sorted();
  }

  /** Unit vectors of rows [start, end), row-major. */
  private rows(start: number, end: number): Float32Array {
    const d = this.dimensions;
    if (this.vectors) return this.vectors.subarray(start * d, end * d);
    const out = new Float32Array((end - start) * d);
    const fd = openSync(this.file!, "r");
    try {
      readSync(fd, new Uint8Array(out.buffer), 0, out.byteLength, start * d * 4);
    } finally {
      closeSync(fd);
    }
    return out;
  }
}
