/**
 * The best k (score, passage) pairs offered so far, kept exactly: a min-heap in typed arrays whose
 * root is the worst kept (lowest score; among equal scores the highest passage id), shared by both
 * search strategies of the local lexical index.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Uint32Array;
  size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.docs = new Uint32Array(k);
  }

  get full(): boolean {
    return this.size === this.k;
  }

  /** The lowest score kept: what a passage must beat once the heap is full. */
  get worstScore(): number {
    return this.scores[0]!;
  }

  /** Keeps (score, d) when there is room or it beats the worst kept. */
  offer(score: number, d: number): void {
    const scores = this.scores;
    const docs = this.docs;
    const k = this.k;
    if (this.size < k) {
      let c = this.size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!worse(score, d, scores[parent]!, docs[parent]!)) break;
        scores[c] = scores[parent]!;
        docs[c] = docs[parent]!;
        c = parent;
      }
      scores[c] = score;
      docs[c] = d;
    } else if (worse(scores[0]!, docs[0]!, score, d)) {
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= k) break;
        const r = l + 1;
        const child = r < k && worse(scores[r]!, docs[r]!, scores[l]!, docs[l]!) ? r : l;
        if (!worse(scores[child]!, docs[child]!, score, d)) break;
        scores[c] = scores[child]!;
        docs[c] = docs[child]!;
        c = child;
      }
      scores[c] = score;
      docs[c] = d;
    }
  }

  /** Best first; equal scores to the lower passage id. */
  sorted(): Array<{ d: number; s: number }> {
    const out: Array<{ d: number; s: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ d: this.docs[i]!, s: this.scores[i]! });
    return out.sort((a, b) => b.s - a.s || a.d - b.d);
  }
}

/** Heap order: a is worse than b (lower score, or equal score and a higher passage id). */
function worse(sa: number, da: number, sb: number, db: number): boolean {
  return sa < sb || (sa === sb && da > db);
}
