/**
 * The local lexical index: typed arrays read from lexical.bin (integer passage ids, precomputed
 * integer BM25F contributions), searched for the exact top k by exhaustive accumulation or by MaxScore,
 * whichever the query's size favours (see `search`).
 */
import { type Container, u16, u32 } from '../store/container.js';
import { IndexDamagedError } from '../integrity.js';
import { IMPACT_SCALE } from './bm25f.js';
import type { LexicalHit, LexicalSearchOptions, LexicalSearcher } from './store.js';
import { hashTerm } from './terms.js';
import { TopK } from './top-k.js';
import { seek } from '../store/postings.js';
import { LEXICAL_FORMAT, LEXICAL_KIND } from './writer.js';

export interface PassageIds {
  /** Passage id of integer id `i`. */
  idAt(i: number): string;
  /** Document index of passage `i`. */
  docOf: Uint32Array;
  /** Document ids by document index. */
  documentIds: readonly string[];
}

interface LexicalMeta {
  format: number;
  passages: number;
  terms: number;
  postings: number;
}

export class LocalLexicalIndex implements LexicalSearcher {
  readonly kind = 'local';
  private readonly termUnits: Uint16Array;
  private readonly termEnds: Uint32Array;
  private readonly table: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly impacts: Uint32Array;
  private readonly maxImpact: Uint32Array;
  readonly meta: LexicalMeta;

  constructor(
    c: Container,
    private readonly ids: PassageIds,
    /** Score multiplier per document index (documentPrior), at most 1. */
    private readonly docPrior: Float64Array,
    file = 'lexical.bin',
  ) {
    if (c.kind !== LEXICAL_KIND) throw new IndexDamagedError(file, `is not a lexical index (${c.kind})`);
    this.meta = c.meta as LexicalMeta;
    if (this.meta?.format !== LEXICAL_FORMAT) throw new IndexDamagedError(file, `has lexical format ${this.meta?.format}, expected ${LEXICAL_FORMAT}`);
    this.termUnits = u16(c, 'termUnits', file);
    this.termEnds = u32(c, 'termEnds', file);
    this.table = u32(c, 'table', file);
    this.ends = u32(c, 'ends', file);
    this.docs = u32(c, 'docs', file);
    this.impacts = u32(c, 'impacts', file);
    this.maxImpact = u32(c, 'maxImpact', file);
    const V = this.meta.terms;
    if (this.termEnds.length !== V + 1 || this.ends.length !== V + 1 || this.maxImpact.length !== V) {
      throw new IndexDamagedError(file, 'has a term dictionary that disagrees with its header');
    }
    if (this.docs.length !== this.meta.postings || this.impacts.length !== this.meta.postings || this.ends[V] !== this.meta.postings) {
      throw new IndexDamagedError(file, 'has postings that disagree with its header');
    }
    if (docPrior.length !== ids.documentIds.length) throw new Error('one prior per document is needed');
    if (this.meta.passages !== ids.docOf.length) {
      throw new IndexDamagedError(file, `indexes ${this.meta.passages} passages, the passage store holds ${ids.docOf.length}`);
    }
  }

  get passageCount(): number {
    return this.meta.passages;
  }

  /** Term id of `term`, or -1. */
  termId(term: string): number {
    const mask = this.table.length - 1;
    let slot = hashTerm(term) & mask;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) return -1;
      const id = v - 1;
      const s = this.termEnds[id]!;
      const e = this.termEnds[id + 1]!;
      if (e - s === term.length) {
        let same = true;
        for (let i = 0; i < term.length; i++) {
          if (this.termUnits[s + i] !== term.charCodeAt(i)) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Passages containing `term` (its document frequency). */
  df(term: string): number {
    const id = this.termId(term);
    return id < 0 ? 0 : this.ends[id + 1]! - this.ends[id]!;
  }

  /** Reused by searchExhaustive (one thread: searches never overlap). */
  private acc: Float64Array | null = null;
  private mark: Uint8Array | null = null;
  private touchedBuf: Uint32Array | null = null;

  /**
   * Exhaustive term-at-a-time scoring into a dense accumulator, then a k-heap over the touched
   * passages: every posting of every query term is read once, in tight loops over typed arrays.
   */
  searchExhaustive(tokens: string[], limit: number, opts: LexicalSearchOptions = {}): LexicalHit[] {
    const N = this.meta.passages;
    const k = Math.max(1, Math.min(Math.floor(limit), N));
    const weightOf = this.termWeights(tokens);
    if (weightOf.size === 0) return [];
    const acc = (this.acc ??= new Float64Array(N));
    const mark = (this.mark ??= new Uint8Array(N));
    const touched = (this.touchedBuf ??= new Uint32Array(N));
    let n = 0;
    const docs = this.docs;
    const impacts = this.impacts;
    for (const [id, w] of weightOf) {
      for (let p = this.ends[id]!, e = this.ends[id + 1]!; p < e; p++) {
        const d = docs[p]!;
        if (mark[d] === 0) {
          mark[d] = 1;
          touched[n++] = d;
        }
        acc[d]! += w * impacts[p]!;
      }
    }
    const excluded = this.excludedMask(opts);
    const docOf = this.ids.docOf;
    const prior = this.docPrior;
    const top = new TopK(k);
    for (let i = 0; i < n; i++) {
      const d = touched[i]!;
      const score = acc[d]! * prior[docOf[d]!]!;
      acc[d] = 0;
      mark[d] = 0;
      if (excluded && excluded[docOf[d]!]) continue;
      top.offer(score, d);
    }
    return this.hits(top);
  }

  /** Each document's first and last passage (integer ids), when its passages are contiguous; else -1. */
  private ranges: Int32Array | null = null;

  private documentRange(doc: number): [number, number] | null {
    if (!this.ranges) {
      const docOf = this.ids.docOf;
      const ranges = new Int32Array(this.ids.documentIds.length * 2).fill(-1);
      const count = new Uint32Array(this.ids.documentIds.length);
      for (let d = 0; d < docOf.length; d++) {
        const i = docOf[d]!;
        if (ranges[2 * i]! < 0) ranges[2 * i] = d;
        ranges[2 * i + 1] = d;
        count[i]!++;
      }
      for (let i = 0; i < count.length; i++) if (count[i]! !== ranges[2 * i + 1]! - ranges[2 * i]! + 1) ranges[2 * i] = ranges[2 * i + 1] = -1;
      this.ranges = ranges;
    }
    const lo = this.ranges[2 * doc]!;
    return lo < 0 ? null : [lo, this.ranges[2 * doc + 1]!];
  }

  /**
   * Top k among one document's passages, scored as `search` scores them: each term's postings (sorted
   * by passage) are entered at the document's first passage, so the cost is the document's, not the corpus's.
   */
  private searchDocument(tokens: string[], limit: number, docId: string): LexicalHit[] {
    const doc = this.ids.documentIds.indexOf(docId);
    if (doc < 0) return [];
    const range = this.documentRange(doc);
    if (!range) {
      const others = new Set(this.ids.documentIds.filter((d) => d !== docId));
      return this.searchExhaustive(tokens, limit, { excludeDocs: others });
    }
    const [lo, hi] = range;
    const weightOf = this.termWeights(tokens);
    const acc = new Float64Array(hi - lo + 1);
    const docs = this.docs;
    const impacts = this.impacts;
    for (const [id, w] of weightOf) {
      // First posting at or after `lo`.
      let a = this.ends[id]!;
      let b = this.ends[id + 1]!;
      while (a < b) {
        const m = (a + b) >>> 1;
        if (docs[m]! < lo) a = m + 1;
        else b = m;
      }
      for (let p = a, e = this.ends[id + 1]!; p < e && docs[p]! <= hi; p++) acc[docs[p]! - lo]! += w * impacts[p]!;
    }
    const prior = this.docPrior[doc]!;
    const top = new TopK(Math.max(1, Math.min(Math.floor(limit), hi - lo + 1)));
    for (let i = 0; i < acc.length; i++) if (acc[i]! > 0) top.offer(acc[i]! * prior, lo + i);
    return this.hits(top);
  }

  /** The query's terms the index knows, each once, weighted by how often the query repeats it. */
  private termWeights(tokens: string[]): Map<number, number> {
    const weightOf = new Map<number, number>();
    for (const t of tokens) {
      const id = this.termId(t);
      if (id >= 0) weightOf.set(id, (weightOf.get(id) ?? 0) + 1);
    }
    return weightOf;
  }

  /** The kept passages, best first, as ids and BM25F scores. */
  private hits(top: TopK): LexicalHit[] {
    return top.sorted().map(({ d, s }) => ({ id: this.ids.idAt(d), score: s / IMPACT_SCALE }));
  }

  private excludedMask(opts: LexicalSearchOptions): Uint8Array | null {
    if (!opts.excludeDocs?.size) return null;
    const excluded = new Uint8Array(this.ids.documentIds.length);
    this.ids.documentIds.forEach((d, i) => {
      if (opts.excludeDocs!.has(d)) excluded[i] = 1;
    });
    return excluded;
  }

  /**
   * Top k, exactly (ties go to the lower passage id), by whichever strategy measured faster for the
   * work the query implies (README "Index format and scale"): when its terms' postings add up to
   * little, reading them all into a dense accumulator beats MaxScore's per-candidate bookkeeping;
   * over a million passages, MaxScore's skipping of the common terms wins.
   */
  search(tokens: string[], limit: number, opts: LexicalSearchOptions = {}): LexicalHit[] {
    if (opts.onlyDoc !== undefined) return this.searchDocument(tokens, limit, opts.onlyDoc);
    let postings = 0;
    for (const t of new Set(tokens)) {
      const id = this.termId(t);
      if (id >= 0) postings += this.ends[id + 1]! - this.ends[id]!;
    }
    return postings <= EXHAUSTIVE_MAX_POSTINGS ? this.searchExhaustive(tokens, limit, opts) : this.searchMaxScore(tokens, limit, opts);
  }

  /**
   * Document-at-a-time MaxScore (Turtle & Flood, 1995): query terms ordered by their best possible
   * contribution; once the k-th best score so far exceeds what the weakest terms could add together,
   * those stop producing candidates and are only looked up (galloping search) for passages the strong
   * terms found, so the long lists of common words and bigrams (香港, 科技) are skipped through.
   */
  searchMaxScore(tokens: string[], limit: number, opts: LexicalSearchOptions = {}): LexicalHit[] {
    const k = Math.max(1, Math.min(Math.floor(limit), this.meta.passages));
    // Repeated tokens become one term with a weight: each posting list is read once.
    const weightOf = this.termWeights(tokens);
    const m = weightOf.size;
    if (m === 0) return [];
    const terms = [...weightOf].map(([id, w]) => ({ id, w, bound: w * this.maxImpact[id]! }));
    terms.sort((a, b) => a.bound - b.bound || a.id - b.id);
    const pos = new Uint32Array(m);
    const end = new Uint32Array(m);
    const w = new Float64Array(m);
    /** prefix[i]: what terms 0..i can add at most. */
    const prefix = new Float64Array(m);
    terms.forEach((t, i) => {
      pos[i] = this.ends[t.id]!;
      end[i] = this.ends[t.id + 1]!;
      w[i] = t.w;
      prefix[i] = t.bound + (i > 0 ? prefix[i - 1]! : 0);
    });
    const excluded = this.excludedMask(opts);
    const docOf = this.ids.docOf;
    const docs = this.docs;
    const impacts = this.impacts;
    const docPrior = this.docPrior;

    const top = new TopK(k);
    let theta = -1;
    /** Terms below `first` are non-essential: together they cannot lift a passage above theta. */
    let first = 0;

    const NONE = 0xffffffff;
    let d = NONE;
    for (let i = 0; i < m; i++) if (pos[i]! < end[i]! && docs[pos[i]!]! < d) d = docs[pos[i]!]!;
    for (; d !== NONE; ) {
      // Score d on the essential lists, advancing them, and find the next candidate in the same pass.
      let score = 0;
      let next = NONE;
      for (let i = first; i < m; i++) {
        let p = pos[i]!;
        if (p >= end[i]!) continue;
        if (docs[p] === d) {
          score += w[i]! * impacts[p]!;
          pos[i] = ++p;
          if (p >= end[i]!) continue;
        }
        if (docs[p]! < next) next = docs[p]!;
      }
      const current = d;
      d = next;
      if (excluded && excluded[docOf[current]!]) continue;
      const prior = docPrior[docOf[current]!]!;
      // Non-essential terms, strongest first, while they can still make a difference.
      for (let i = first - 1; i >= 0; i--) {
        if ((score + prefix[i]!) * prior <= theta) {
          score = -1;
          break;
        }
        const p = seek(docs, pos[i]!, end[i]!, current);
        pos[i] = p;
        if (p < end[i]! && docs[p] === current) score += w[i]! * impacts[p]!;
      }
      if (score < 0) continue;
      score *= prior;
      if (score <= theta) continue;
      // Docs arrive in ascending order, so a later doc never beats an equal score already kept.
      top.offer(score, current);
      if (top.full) {
        theta = top.worstScore;
        while (first < m && prefix[first]! <= theta) first++;
      }
    }
    return this.hits(top);
  }
}

/**
 * Queries whose terms hold at most this many postings are scored exhaustively (measured: faster up to
 * ~100k passages, where a question's terms hold ~150k postings; at ~1M passages, ~2M, MaxScore wins).
 */
const EXHAUSTIVE_MAX_POSTINGS = 600_000;
