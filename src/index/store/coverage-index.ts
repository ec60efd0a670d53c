/**
 * Document frequencies for the coverage signal without scanning passages: how many passages' normalised
 * text contains a term as a substring. Built at ingest from every passage's distinct code-unit bigrams
 * (a u32 key each, radix-sorted, so no string map is built) and per-character counts. A term of one or
 * two code units is answered exactly from the tables; a longer one by intersecting its bigrams' passage
 * lists, smallest first, then checking the survivors' text (exact up to VERIFY_LIMIT survivors, beyond
 * that an estimate from an even sample of them, which only happens for very common terms whose weight
 * is near its floor anyway).
 */
import { type FileRecord, IndexDamagedError } from '../integrity.js';
import { U32Buffer } from '../lexical/writer.js';
import { type Container, ContainerWriter, f64, u8, u32 } from './container.js';
import { seek } from './postings.js';

export const COVERAGE_KIND = 'coverage-df';
const VERIFY_LIMIT = 2048;

/** Passages containing a term (the interface CoverageScorer counts IDF with). */
export interface TermFrequencies {
  /** Number of passages. */
  readonly size: number;
  df(term: string): number;
}

export class CoverageWriter {
  private readonly keys = new U32Buffer();
  /** Keys each passage added (its distinct bigrams). */
  private readonly counts = new U32Buffer();
  private readonly charDf = new Uint32Array(65536);
  private passages = 0;

  /** One document's passages: per passage the sorted distinct bigram keys, plus the document's character counts. */
  addSegment(covStart: Uint32Array, covKeys: Uint32Array, charCounts: Iterable<[number, number]>): void {
    const n = covStart.length - 1;
    this.keys.reserve(covKeys.length);
    for (let p = 0; p < n; p++) {
      for (let k = covStart[p]!; k < covStart[p + 1]!; k++) this.keys.a[this.keys.n++] = covKeys[k]!;
      this.counts.push(covStart[p + 1]! - covStart[p]!);
    }
    for (const [c, count] of charCounts) this.charDf[c]! += count;
    this.passages += n;
  }

  write(file: string): FileRecord {
    const P = this.keys.n;
    const keys = this.keys.view();
    const docs = new Uint32Array(P);
    const counts = this.counts.view();
    for (let d = 0, k = 0; d < counts.length; d++) for (const end = k + counts[d]!; k < end; k++) docs[k] = d;
    // Stable LSD radix sort on the 32-bit key (two 16-bit passes): passages stay ascending per key.
    let k1: Uint32Array = new Uint32Array(P);
    let d1: Uint32Array = new Uint32Array(P);
    let k0: Uint32Array = keys;
    let d0: Uint32Array = docs;
    for (const shift of [0, 16]) {
      const count = new Uint32Array(65537);
      for (let i = 0; i < P; i++) count[((k0[i]! >>> shift) & 0xffff) + 1]!++;
      for (let b = 0; b < 65536; b++) count[b + 1]! += count[b]!;
      for (let i = 0; i < P; i++) {
        const pos = count[(k0[i]! >>> shift) & 0xffff]!++;
        k1[pos] = k0[i]!;
        d1[pos] = d0[i]!;
      }
      [k0, k1] = [k1, k0];
      [d0, d1] = [d1, d0];
    }
    let unique = 0;
    for (let i = 0; i < P; i++) if (i === 0 || k0[i] !== k0[i - 1]) unique++;
    const uniqueKeys = new Uint32Array(unique);
    const ends = new Uint32Array(unique);
    let u = -1;
    for (let i = 0; i < P; i++) {
      if (i === 0 || k0[i] !== k0[i - 1]) uniqueKeys[++u] = k0[i]!;
      ends[u] = i + 1;
    }
    this.keys.a = new Uint32Array(0);
    const out = new ContainerWriter(file, COVERAGE_KIND);
    out
      .section('keys', uniqueKeys)
      .section('ends', ends)
      .section('docs', d0.subarray(0, P))
      .section('charDf', this.charDf)
      .close({ passages: this.passages, postings: P });
    return out.record!;
  }
}

/** Read side; `contains(i, term)` checks passage i's normalised text for the substring check. */
export class CoverageIndex implements TermFrequencies {
  private readonly keys: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly charDf: Uint32Array;
  readonly size: number;

  constructor(
    c: Container,
    private readonly contains: (passage: number, term: string) => boolean,
    file = 'coverage.bin',
  ) {
    if (c.kind !== COVERAGE_KIND) throw new IndexDamagedError(file, `is not a coverage table (${c.kind})`);
    const meta = c.meta as { passages: number; postings: number };
    this.keys = u32(c, 'keys', file);
    this.ends = u32(c, 'ends', file);
    this.docs = u32(c, 'docs', file);
    this.charDf = u32(c, 'charDf', file);
    this.size = meta?.passages;
    if (this.keys.length !== this.ends.length || this.docs.length !== meta?.postings || this.charDf.length !== 65536) {
      throw new IndexDamagedError(file, 'has tables that disagree with its header');
    }
  }

  private list(key: number): [number, number] | null {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.keys[mid]!;
      if (v === key) return [mid === 0 ? 0 : this.ends[mid - 1]!, this.ends[mid]!];
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  df(term: string): number {
    // Every text contains the empty string (as String#includes says).
    if (term.length === 0) return this.size;
    if (term.length === 1) return this.charDf[term.charCodeAt(0)]!;
    const lists: Array<[number, number]> = [];
    const seen = new Set<number>();
    for (let i = 0; i + 1 < term.length; i++) {
      const key = ((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1)) >>> 0;
      if (seen.has(key)) continue;
      seen.add(key);
      const l = this.list(key);
      if (!l) return 0;
      lists.push(l);
    }
    if (term.length === 2) return lists[0]![1] - lists[0]![0];
    lists.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    let cand = this.docs.subarray(lists[0]![0], lists[0]![1]);
    for (let l = 1; l < lists.length && cand.length > 0; l++) cand = this.intersect(cand, lists[l]!);
    if (cand.length <= VERIFY_LIMIT) {
      let df = 0;
      for (const d of cand) if (this.contains(d, term)) df++;
      return df;
    }
    const step = cand.length / VERIFY_LIMIT;
    let hits = 0;
    for (let s = 0; s < VERIFY_LIMIT; s++) if (this.contains(cand[Math.floor(s * step)]!, term)) hits++;
    return Math.round((hits / VERIFY_LIMIT) * cand.length);
  }

  /** Whether any passage contains `term` (stops at the first that does). */
  has(term: string): boolean {
    if (term.length <= 2) return this.df(term) > 0;
    const lists: Array<[number, number]> = [];
    for (let i = 0; i + 1 < term.length; i++) {
      const l = this.list(((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1)) >>> 0);
      if (!l) return false;
      lists.push(l);
    }
    lists.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    let cand = this.docs.subarray(lists[0]![0], lists[0]![1]);
    for (let l = 1; l < lists.length && cand.length > 0; l++) cand = this.intersect(cand, lists[l]!);
    for (const d of cand) if (this.contains(d, term)) return true;
    return false;
  }

  /** Members of `a` present in list [s, e) (both ascending), by galloping through the list. */
  private intersect(a: Uint32Array, [s, e]: [number, number]): Uint32Array {
    const out = new Uint32Array(a.length);
    let n = 0;
    let p = s;
    for (const d of a) {
      if (p >= e) break;
      p = seek(this.docs, p, e, d);
      if (p < e && this.docs[p] === d) out[n++] = d;
    }
    return out.subarray(0, n);
  }
}
