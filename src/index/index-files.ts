import path from 'node:path';

/** Layout of a built index folder. The manifest is written last: no manifest, no index. */
export function indexPaths(indexDir: string) {
  return {
    dir: indexDir,
    manifest: path.join(indexDir, 'manifest.json'),
    /** Passage records and id tables (src/index/store/passage-store.ts). */
    passages: path.join(indexDir, 'passages.bin'),
    /** BM25F postings (src/index/lexical/writer.ts). */
    lexical: path.join(indexDir, 'lexical.bin'),
    /** Substring document frequencies for the coverage signal (src/index/store/coverage-index.ts). */
    coverage: path.join(indexDir, 'coverage.bin'),
    /** Cleaned text of each document (citation offsets index into it) (src/index/store/document-store.ts). */
    documents: path.join(indexDir, 'documents.bin'),
    /** Per-document analysis, reused by incremental ingest (src/index/store/segment.ts). */
    segments: path.join(indexDir, 'segments'),
    dense: path.join(indexDir, 'dense'),
    /** English → Chinese query dictionary (CC-CEDICT) filtered to this corpus. */
    englishDictionary: path.join(indexDir, 'english-dictionary.json'),
  };
}

/** Segment file of a document, relative to the index folder (manifest keys use '/'). */
export const segmentName = (docId: string) => `segments/${docId}.seg`;
