import { normalizeForMatch } from '../../text/normalize.js';
import { type Steps, drain } from '../../util/cooperative.js';

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
  private readonly postings: Map<string, { docs: Int32Array; weights: Float64Array }>;
  private readonly size: number;
  private readonly idf: Map<string, number>;
  /** A gram no text has weighs as much as the rarest. */
  private readonly unseenIdf: number;

  /** `counted`: each text's `gramCounts` (computed once by the caller, who may index subsets). */
  constructor(counted: ReadonlyArray<ReadonlyMap<string, number>>, built?: NgramTables) {
    const tables = built ?? drain(NgramSimilarity.tables(counted));
    this.postings = tables.postings;
    this.size = tables.size;
    this.idf = tables.idf;
    this.unseenIdf = tables.unseenIdf;
  }

  /** The index as steps (one per text), for a caller that must not block: `new NgramSimilarity([], tables)`. */
  static *tables(counted: ReadonlyArray<ReadonlyMap<string, number>>): Steps<NgramTables> {
    const df = new Map<string, number>();
    for (const c of counted) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    // Smoothed IDF (as scikit-learn's): a gram every text has still weighs, so a bank of one text works.
    const n = counted.length;
    const idf = new Map<string, number>();
    for (const [g, d] of df) idf.set(g, Math.log((1 + n) / (1 + d)) + 1);
    const unseenIdf = Math.log(1 + n) + 1;
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    for (const [doc, counts] of counted.entries()) {
      yield;
      for (const [g, weight] of weigh(counts, idf, unseenIdf)) {
        let list = lists.get(g);
        if (!list) lists.set(g, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push(weight);
      }
    }
    const postings = new Map<string, { docs: Int32Array; weights: Float64Array }>();
    for (const [g, l] of lists) postings.set(g, { docs: Int32Array.from(l.docs), weights: Float64Array.from(l.weights) });
    return { postings, size: n, idf, unseenIdf };
  }

  /** The texts at least `min` similar to `text` (cosine, 0..1), most similar first. */
  search(text: string, min: number): Array<{ doc: number; similarity: number }> {
    const dots = new Float64Array(this.size);
    for (const [g, q] of weigh(gramCounts(text), this.idf, this.unseenIdf)) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let i = 0; i < list.docs.length; i++) dots[list.docs[i]!]! += q * list.weights[i]!;
    }
    const found: Array<{ doc: number; similarity: number }> = [];
    for (let doc = 0; doc < dots.length; doc++) if (dots[doc]! >= min) found.push({ doc, similarity: Math.min(dots[doc]!, 1) });
    return found.sort((a, b) => b.similarity - a.similarity || a.doc - b.doc);
  }
}

/** What `NgramSimilarity` searches: postings and IDF. */
export interface NgramTables {
  postings: Map<string, { docs: Int32Array; weights: Float64Array }>;
  size: number;
  idf: Map<string, number>;
  unseenIdf: number;
}

/** Unit-length TF-IDF weights of a text's grams. */
function weigh(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>, unseenIdf: number): Map<string, number> {
  const w = new Map<string, number>();
  let norm = 0;
  // (Every weight is positive: a count is at least 1 and a smoothed IDF at least 1.)
  for (const [g, c] of counts) {
    const x = (1 + Math.log(c)) * (idf.get(g) ?? unseenIdf);
    w.set(g, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  for (const [g, x] of w) w.set(g, x / norm);
  return w;
}
