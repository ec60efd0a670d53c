/**
 * Builds the lexical index file from per-document term frequencies: postings are appended in passage
 * order into typed arrays, then grouped by term with a counting sort (linear, no per-term objects), and
 * written as typed-array sections: a term dictionary with an open-addressing hash table, and per term
 * its passages (ascending integer ids) with precomputed BM25F contributions and the term's maximum
 * (the bound MaxScore prunes with).
 */
import type { FileRecord } from '../integrity.js';
import { ContainerWriter } from '../store/container.js';
import { BM25, IMPACT_SCALE, LEXICAL_FIELDS, idf, impact } from './bm25f.js';
import { TermDictionary } from './terms.js';

export const LEXICAL_KIND = 'lexical-bm25f';
export const LEXICAL_FORMAT = 1;

/** A growable Uint32Array. */
export class U32Buffer {
  a: Uint32Array;
  n = 0;
  constructor(initial = 1 << 16) {
    this.a = new Uint32Array(initial);
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.a.length) return;
    // Grow by half (not double): at ingest these buffers hold tens of millions of postings.
    let size = Math.ceil(this.a.length * 1.5);
    while (size < this.n + extra) size = Math.ceil(size * 1.5);
    const b = new Uint32Array(size);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  view(): Uint32Array {
    return this.a.subarray(0, this.n);
  }
}

export interface SegmentPostings {
  /** The document's distinct terms: UTF-16 code units, and ends (termEnds[i + 1] ends term i). */
  termUnits: Uint16Array;
  termEnds: Uint32Array;
  postStart: Uint32Array;
  postTerm: Uint32Array;
  postTf2: Uint32Array;
  len2: Uint32Array;
}

export class LexicalWriter {
  private readonly dict = new TermDictionary();
  private readonly pTerm = new U32Buffer();
  private readonly pTf2 = new U32Buffer();
  /** Per passage: its field-weighted length ×2 and how many postings it added (its terms). */
  private readonly len2 = new U32Buffer();
  private readonly counts = new U32Buffer();

  get passages(): number {
    return this.len2.n;
  }

  /** Appends one document's passages (their ids continue from the passages added before). */
  addSegment(seg: SegmentPostings): void {
    const localTerms = seg.termEnds.length - 1;
    const global = new Uint32Array(localTerms);
    for (let i = 0; i < localTerms; i++) global[i] = this.dict.idOf(seg.termUnits, seg.termEnds[i]!, seg.termEnds[i + 1]!);
    const n = seg.len2.length;
    this.pTerm.reserve(seg.postTerm.length);
    this.pTf2.reserve(seg.postTerm.length);
    for (let p = 0; p < n; p++) {
      for (let k = seg.postStart[p]!; k < seg.postStart[p + 1]!; k++) {
        this.pTerm.a[this.pTerm.n++] = global[seg.postTerm[k]!]!;
        this.pTf2.a[this.pTf2.n++] = seg.postTf2[k]!;
      }
      this.len2.push(seg.len2[p]!);
      this.counts.push(seg.postStart[p + 1]! - seg.postStart[p]!);
    }
  }

  /** Writes the index to `file`; returns its size and checksum. */
  write(file: string): FileRecord {
    const V = this.dict.size;
    const N = this.len2.n;
    if (N < 3) throw new Error(`The lexical index needs at least 3 passages; the corpus has ${N}`);
    const P = this.pTerm.n;
    const pTerm = this.pTerm.view();
    const len2 = this.len2.view();
    let total2 = 0;
    for (let i = 0; i < N; i++) total2 += len2[i]!;
    const avgLen = total2 / 2 / N;

    // Counting sort by term; passages stay ascending within a term (they were appended in order).
    const ends = new Uint32Array(V + 1);
    for (let k = 0; k < P; k++) ends[pTerm[k]! + 1]!++;
    for (let t = 0; t < V; t++) ends[t + 1]! += ends[t]!;
    const cursor = ends.slice(0, V);
    const docs = new Uint32Array(P);
    const tf2 = new Uint32Array(P);
    const pTf2 = this.pTf2.view();
    const counts = this.counts.view();
    for (let d = 0, k = 0; d < N; d++) {
      for (const end = k + counts[d]!; k < end; k++) {
        const pos = cursor[pTerm[k]!]!++;
        docs[pos] = d;
        tf2[pos] = pTf2[k]!;
      }
    }
    // The appended postings are not needed any more: let them go before the next allocations.
    this.pTerm.a = new Uint32Array(0);
    this.pTf2.a = new Uint32Array(0);
    const impacts = tf2; // computed in place: each tf2 is read once, just before it is replaced
    const maxImpact = new Uint32Array(V);
    for (let t = 0; t < V; t++) {
      const s = ends[t]!;
      const e = ends[t + 1]!;
      const termIdf = idf(N, e - s);
      let max = 0;
      for (let k = s; k < e; k++) {
        const v = impact(tf2[k]!, len2[docs[k]!]!, avgLen, termIdf);
        impacts[k] = v;
        if (v > max) max = v;
      }
      maxImpact[t] = max;
    }

    // Term dictionary: UTF-16 code units (two bytes a Han character, not three) and its hash table.
    const dict = this.dict.finish();

    const out = new ContainerWriter(file, LEXICAL_KIND);
    out
      .section('termUnits', dict.units)
      .section('termEnds', dict.ends)
      .section('table', dict.table)
      .section('ends', ends)
      .section('docs', docs)
      .section('impacts', impacts)
      .section('maxImpact', maxImpact)
      .close({
        format: LEXICAL_FORMAT,
        passages: N,
        terms: V,
        postings: P,
        avgLength: avgLen,
        fields: LEXICAL_FIELDS,
        bm25: BM25,
        impactScale: IMPACT_SCALE,
      });
    return out.record!;
  }
}
