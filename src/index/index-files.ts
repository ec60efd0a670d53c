import path from 'node:path';

/** Layout of a built index folder. The manifest is written last: no manifest, no index. */
export function indexPaths(indexDir: string) {
  return {
    dir: indexDir,
    manifest: path.join(indexDir, 'manifest.json'),
    passages: path.join(indexDir, 'passages.jsonl'),
    lexical: path.join(indexDir, 'lexical-bm25.json'),
    documents: path.join(indexDir, 'documents'),
    dense: path.join(indexDir, 'dense'),
    /** English → Chinese query dictionary (CC-CEDICT) filtered to this corpus. */
    englishDictionary: path.join(indexDir, 'english-dictionary.json'),
  };
}
