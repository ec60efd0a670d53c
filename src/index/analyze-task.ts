/**
 * One unit of ingest work, run in a worker thread or in-process: read a corpus file, analyse it, write
 * its segment. Only small results travel back to the coordinating thread.
 */
import { readSource } from '../ingest/corpus.js';
import { analyseDocument } from './analysis.js';
import { type SegmentKey, writeSegment } from './store/segment.js';

export interface AnalyzeTask {
  corpusDir: string;
  fileName: string;
  key: SegmentKey;
  maxPassageChars: number;
  segmentFile: string;
}

export interface AnalyzeResult {
  docId: string;
  passages: number;
}

export function runAnalyzeTask(t: AnalyzeTask): AnalyzeResult {
  const source = readSource(t.corpusDir, t.fileName);
  if (!source) throw new Error(`${t.fileName} can no longer be read`);
  const a = analyseDocument(source, t.maxPassageChars);
  writeSegment(t.segmentFile, t.key, a);
  return { docId: a.docId, passages: a.passages.length };
}
