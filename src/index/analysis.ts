/**
 * Ingest's per-document work, the expensive part (OpenCC normalisation and jieba segmentation): a
 * source document → cleaned text, passages, and for each passage its normalised text, its BM25F term
 * frequencies and the character bigrams the coverage statistics count. Runs in worker threads; its
 * output is written as one segment file per document, so an unchanged document is never analysed again.
 */
import type { SourceDocument } from '../ingest/corpus.js';
import { cleanDocument } from '../ingest/clean-document.js';
import { toPassages } from '../ingest/passages.js';
import type { Passage } from '../ingest/types.js';
import { tokensOfNormalized } from '../text/analyze.js';
import { normalizeForMatch } from '../text/normalize.js';
import { textQuality } from '../text/quality.js';
import { FIELD_TF2 } from './lexical/bm25f.js';

export interface DocumentAnalysis {
  docId: string;
  /** Cleaned document text (passage offsets index into it). */
  text: string;
  passages: Passage[];
  /** normalizeForMatch(`${section} ${text}`) per passage: what coverage and the rerank read. */
  match: string[];
  /** Distinct terms of the document (local ids index into it). */
  terms: string[];
  /** Per passage: local term ids and their field-weighted frequency ×2 (body 2, section title 1). */
  postStart: Uint32Array;
  postTerm: Uint32Array;
  postTf2: Uint32Array;
  /** Per passage: field-weighted token count ×2. */
  len2: Uint32Array;
  /** Per passage: distinct UTF-16 code-unit bigrams of its match text, as sorted u32 keys. */
  covStart: Uint32Array;
  covKeys: Uint32Array;
  /** Code unit → passages of the document whose match text contains it. */
  charCounts: Map<number, number>;
  /** How much the document reads as words (src/text/quality.ts); null when it holds too little Han text. */
  quality: number | null;
}

class U32List {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

/** Distinct code-unit bigrams of `s` as u32 keys (high unit << 16 | low unit), sorted. */
export function bigramKeys(s: string): Uint32Array {
  if (s.length < 2) return new Uint32Array(0);
  const keys = new Uint32Array(s.length - 1);
  for (let i = 0; i + 1 < s.length; i++) keys[i] = ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[n++] = keys[i]!;
  return keys.subarray(0, n);
}

export function analyseDocument(source: SourceDocument, maxPassageChars: number): DocumentAnalysis {
  const clean = cleanDocument(source);
  const passages = toPassages(clean, maxPassageChars);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (t: string) => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = terms.push(t) - 1;
      termIds.set(t, id);
    }
    return id;
  };
  // Section titles repeat across a document's passages: normalise and segment each once.
  const sections = new Map<string, { norm: string; tokens: string[] }>();
  const postStart = new Uint32Array(passages.length + 1);
  const postTerm = new U32List();
  const postTf2 = new U32List();
  const len2 = new Uint32Array(passages.length);
  const covStart = new Uint32Array(passages.length + 1);
  const covKeys = new U32List();
  // Per-passage scratch: term frequencies by local id, and the last passage each code unit was seen in.
  let tf = new Uint32Array(4096);
  const touched: number[] = [];
  const charSeen = new Uint32Array(65536);
  const charCount = new Uint32Array(65536);
  const match: string[] = [];
  const add = (t: string, weight: number) => {
    const id = idOf(t);
    if (id >= tf.length) {
      const bigger = new Uint32Array(tf.length * 2);
      bigger.set(tf);
      tf = bigger;
    }
    if (tf[id] === 0) touched.push(id);
    tf[id]! += weight;
  };
  passages.forEach((p, i) => {
    let sec = sections.get(p.section);
    if (!sec) {
      const norm = normalizeForMatch(p.section);
      sec = { norm, tokens: tokensOfNormalized(norm) };
      sections.set(p.section, sec);
    }
    // What coverage and the rerank read, exactly as the query side would normalise it; the passage's
    // own normalisation is its tail (normalising works within phrases and never across the joining
    // space, which is kept or dropped as a whole), so OpenCC runs once per passage.
    const m = normalizeForMatch(`${p.section} ${p.text}`);
    const L = sec.norm.length;
    const norm = m.startsWith(sec.norm) ? m.slice(L + (m[L] === ' ' ? 1 : 0)) : normalizeForMatch(p.text);
    match.push(m);
    const body = tokensOfNormalized(norm);
    for (const t of body) add(t, FIELD_TF2.body);
    for (const t of sec.tokens) add(t, FIELD_TF2.section);
    for (const id of touched) {
      postTerm.push(id);
      postTf2.push(tf[id]!);
      tf[id] = 0;
    }
    touched.length = 0;
    postStart[i + 1] = postTerm.n;
    len2[i] = body.length * FIELD_TF2.body + sec.tokens.length * FIELD_TF2.section;
    const keys = bigramKeys(m);
    for (const k of keys) covKeys.push(k);
    covStart[i + 1] = covKeys.n;
    for (let c = 0; c < m.length; c++) {
      const code = m.charCodeAt(c);
      if (charSeen[code] !== i + 1) {
        charSeen[code] = i + 1;
        charCount[code]!++;
      }
    }
  });
  const charCounts = new Map<number, number>();
  for (let c = 0; c < 65536; c++) if (charCount[c]) charCounts.set(c, charCount[c]!);
  return {
    docId: source.meta.id,
    text: clean.text,
    passages,
    match,
    terms,
    postStart,
    postTerm: postTerm.done(),
    postTf2: postTf2.done(),
    len2,
    covStart,
    covKeys: covKeys.done(),
    charCounts,
    quality: textQuality(match.join('\n')),
  };
}
