import { normalizeForMatch } from '../../text/normalize.js';

/** Character 1–3-grams carry words, word order and phrasing in every script the service reads. */
const GRAM_SIZES = [1, 2, 3] as const;

/** A question's matching form: normalised (Traditional, lower case, NFKC) without spaces or punctuation. */
export function compactQuestion(text: string): string {
  return normalizeForMatch(text).replace(/[\s\p{P}]+/gu, '');
}

/** How often each character 1–3-gram occurs in a text's matching form. */
export function gramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(compactQuestion(text));
  for (const n of GRAM_SIZES) {
    for (let i = 0; i + n <= chars.length; i++) {
      const g = n === 1 ? chars[i]! : n === 2 ? chars[i]! + chars[i + 1]! : chars[i]! + chars[i + 1]! + chars[i + 2]!;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Cosine similarity of TF-IDF character n-gram vectors (sublinear term frequency) between a question
 * and a fixed list of texts, through an inverted index: a question reads only the postings of its own grams.
 */
export class NgramSimilarity {
  /** Per gram: the texts having it and its weight in each (unit-length vectors). */
  private readonly postings = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  private readonly size: number;
  private readonly idf = new Map<string, number>();
  /** A gram no text has weighs as much as the rarest. */
  private readonly unseenIdf: number;

  /** `counted`: each text's `gramCounts` (computed once by the caller, who may index subsets). */
  constructor(counted: ReadonlyArray<ReadonlyMap<string, number>>) {
    const df = new Map<string, number>();
    for (const c of counted) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    // Smoothed IDF (as scikit-learn's): a gram every text has still weighs, so a bank of one text works.
    const n = counted.length;
    for (const [g, d] of df) this.idf.set(g, Math.log((1 + n) / (1 + d)) + 1);
    this.unseenIdf = Math.log(1 + n) + 1;
    this.size = counted.length;
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    counted.forEach((counts, doc) => {
      for (const [g, weight] of this.weigh(counts)) {
        let list = lists.get(g);
        if (!list) lists.set(g, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push(weight);
      }
    });
    for (const [g, l] of lists) this.postings.set(g, { docs: Int32Array.from(l.docs), weights: Float64Array.from(l.weights) });
  }

  /** Unit-length TF-IDF weights of a text's grams. */
  private weigh(counts: ReadonlyMap<string, number>): Map<string, number> {
    const w = new Map<string, number>();
    let norm = 0;
    // (Every weight is positive: a count is at least 1 and a smoothed IDF at least 1.)
    for (const [g, c] of counts) {
      const x = (1 + Math.log(c)) * (this.idf.get(g) ?? this.unseenIdf);
      w.set(g, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (const [g, x] of w) w.set(g, x / norm);
    return w;
  }

  /** The texts at least `min` similar to `text` (cosine, 0..1), most similar first. */
  search(text: string, min: number): Array<{ doc: number; similarity: number }> {
    const dots = new Float64Array(this.size);
    for (const [g, q] of this.weigh(gramCounts(text))) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let i = 0; i < list.docs.length; i++) dots[list.docs[i]!]! += q * list.weights[i]!;
    }
    const found: Array<{ doc: number; similarity: number }> = [];
    for (let doc = 0; doc < dots.length; doc++) if (dots[doc]! >= min) found.push({ doc, similarity: Math.min(dots[doc]!, 1) });
    return found.sort((a, b) => b.similarity - a.similarity || a.doc - b.doc);
  }
}
