/** One scored item of a ranked list (an index into some array, and its score). */
export interface Scored {
  doc: number;
  score: number;
}

/** a ranks before b: higher score, then lower index (so ties rank the same on every run). */
const before = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && a.doc < b.doc);

/**
 * The best `k` of a stream of scored items, kept in a small heap (whose root is the worst kept), so
 * ranking 100k candidates costs O(n log k) instead of a full sort.
 */
export class TopK {
  private readonly heap: Scored[] = [];

  constructor(private readonly k: number) {}

  /** Offers one item. */
  push(doc: number, score: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ doc, score });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    } else if (this.k > 0 && (score > heap[0]!.score || (score === heap[0]!.score && doc < heap[0]!.doc))) {
      // Compared before allocating: most of a long stream is rejected here.
      heap[0] = { doc, score };
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) break;
        [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
        i = worst;
      }
    }
  }

  /** The kept items, best first. */
  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}
