/**
 * One unit of ingest work, run in a worker thread or in-process: read a corpus file, analyse it, write
 * its segment and its cleaned text. Only small results travel back to the coordinating thread.
 */
import { createHash } from 'node:crypto';
import { readSource } from '../ingest/corpus.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { analyseDocument } from './analysis.js';
import type { FileRecord } from './integrity.js';
import { type SegmentKey, writeSegment } from './store/segment.js';

export interface AnalyzeTask {
  corpusDir: string;
  fileName: string;
  key: SegmentKey;
  maxPassageChars: number;
  segmentFile: string;
  textFile: string;
}

export interface AnalyzeResult {
  docId: string;
  passages: number;
  text: FileRecord;
}

export function runAnalyzeTask(t: AnalyzeTask): AnalyzeResult {
  const source = readSource(t.corpusDir, t.fileName);
  const a = analyseDocument(source, t.maxPassageChars);
  writeSegment(t.segmentFile, t.key, a);
  const bytes = Buffer.from(a.text);
  writeFileAtomic(t.textFile, bytes);
  return { docId: a.docId, passages: a.passages.length, text: { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
}
