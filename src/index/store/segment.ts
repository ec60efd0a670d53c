/**
 * One document's analysis on disk (index/segments/<document>.seg): encoded passage records, the
 * document's terms and per-passage term frequencies, and its coverage bigrams. Ingest re-analyses a
 * document only when its content (or the pipeline) changed; the index files are then merged from the
 * segments without segmenting anything again.
 */
import type { DocumentAnalysis } from '../analysis.js';
import { IndexDamagedError } from '../integrity.js';
import { encodeTerms } from '../lexical/terms.js';
import type { SegmentPostings } from '../lexical/writer.js';
import { encodeRecord } from './passage-store.js';
import { type Container, ContainerWriter, readContainer, u8, u16, u32 } from './container.js';

export const SEGMENT_KIND = 'segment';
/** Bump when the segment layout changes: older segments are then analysed again. */
export const SEGMENT_FORMAT = 6;

/** What decides whether a stored segment can be reused. */
export interface SegmentKey {
  docId: string;
  /** SHA-256 of the document's metadata and raw text. */
  docHash: string;
  /** Pipeline version, lexicon hash and passage size: a change in any re-analyses every document. */
  pipeline: string;
}

export interface SegmentMeta extends SegmentKey {
  passages: number;
  ids: string[];
  quality: number | null;
}

const encoder = new TextEncoder();

export function writeSegment(file: string, key: SegmentKey, a: DocumentAnalysis): string {
  const parts = a.passages.map((p) => encoder.encode(encodeRecord(p)));
  const match = encodeTerms(a.match);
  const recordEnds = new Uint32Array(parts.length);
  let total = 0;
  parts.forEach((b, i) => (recordEnds[i] = total += b.length));
  const records = new Uint8Array(total);
  let o = 0;
  for (const b of parts) {
    records.set(b, o);
    o += b.length;
  }
  const terms = encodeTerms(a.terms);
  const chars = [...a.charCounts].sort((x, y) => x[0] - y[0]);
  const meta: SegmentMeta = { ...key, passages: a.passages.length, ids: a.passages.map((p) => p.id), quality: a.quality };
  return new ContainerWriter(file, SEGMENT_KIND)
    .section('text', encoder.encode(a.text))
    .section('records', records)
    .section('recordEnds', recordEnds)
    .section('matchUnits', match.units)
    .section('matchEnds', match.ends.subarray(1))
    .section('termUnits', terms.units)
    .section('termEnds', terms.ends)
    .section('postStart', a.postStart)
    .section('postTerm', a.postTerm)
    .section('postTf2', a.postTf2)
    .section('len2', a.len2)
    .section('covStart', a.covStart)
    .section('covKeys', a.covKeys)
    .section('charCodes', Uint32Array.from(chars, (c) => c[0]))
    .section('charCounts', Uint32Array.from(chars, (c) => c[1]))
    .close(meta);
}

export interface Segment extends SegmentPostings {
  meta: SegmentMeta;
  /** The cleaned document text (UTF-8). */
  text: Uint8Array;
  records: Uint8Array;
  recordEnds: Uint32Array;
  /** Normalised texts as code units, and where each ends. */
  matchUnits: Uint16Array;
  matchEnds: Uint32Array;
  covStart: Uint32Array;
  covKeys: Uint32Array;
  charCounts: Array<[number, number]>;
  sha256: string;
}

export function readSegment(file: string, name: string): Segment {
  const c: Container = readContainer(file, name, SEGMENT_KIND);
  const meta = c.meta as SegmentMeta;
  const codes = u32(c, 'charCodes', name);
  const counts = u32(c, 'charCounts', name);
  const seg: Segment = {
    meta,
    sha256: c.sha256,
    text: u8(c, 'text', name),
    records: u8(c, 'records', name),
    recordEnds: u32(c, 'recordEnds', name),
    matchUnits: u16(c, 'matchUnits', name),
    matchEnds: u32(c, 'matchEnds', name),
    termUnits: u16(c, 'termUnits', name),
    termEnds: u32(c, 'termEnds', name),
    postStart: u32(c, 'postStart', name),
    postTerm: u32(c, 'postTerm', name),
    postTf2: u32(c, 'postTf2', name),
    len2: u32(c, 'len2', name),
    covStart: u32(c, 'covStart', name),
    covKeys: u32(c, 'covKeys', name),
    charCounts: Array.from(codes, (code, i) => [code, counts[i]!] as [number, number]),
  };
  const n = meta?.passages;
  if (!Array.isArray(meta?.ids) || meta.ids.length !== n || seg.recordEnds.length !== n || seg.matchEnds.length !== n || seg.termEnds.length < 1 || seg.len2.length !== n || seg.postStart.length !== n + 1 || seg.covStart.length !== n + 1) {
    throw new IndexDamagedError(name, 'has tables that disagree with its passage count');
  }
  return seg;
}

