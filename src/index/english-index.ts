/**
 * The English → Chinese query dictionary (src/text/english-dictionary.ts) for the corpus just merged.
 * A small corpus is counted exactly from its texts; a large one would need every 2–8-character slice
 * of tens of millions of characters in a map, so its vocabulary is answered by the coverage index
 * instead (a word occurs when a passage contains it; its count is the passages containing it).
 */
import { ensureEnglishDictionary, type Vocabulary } from '../text/english-dictionary.js';
import { indexPaths } from './index-files.js';
import { readContainer } from './store/container.js';
import { CoverageIndex } from './store/coverage-index.js';
import { DocumentTexts } from './store/document-store.js';
import { PassageStore } from './store/passage-store.js';

/** Up to this many characters of document text the vocabulary is counted exactly (×1 corpus: 28k). */
const EXACT_VOCABULARY_CHARS = 1_000_000;

class IndexVocabulary implements Vocabulary {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly coverage: CoverageIndex,
    private readonly corpusHash: string,
  ) {}
  count(word: string): number {
    let n = this.counts.get(word);
    if (n === undefined) this.counts.set(word, (n = this.coverage.df(word)));
    return n;
  }
  has(word: string): boolean {
    return this.coverage.has(word);
  }
  fingerprint(): string {
    return `index:${this.corpusHash.slice(0, 16)}`;
  }
}

/** Builds (or keeps, when current) index/english-dictionary.json; returns its number of English keys. */
export function buildCorpusEnglishDictionary(indexDir: string, corpusHash: string): number {
  const paths = indexPaths(indexDir);
  const texts = new DocumentTexts(paths.documents, readContainer(paths.documents, 'documents.bin', undefined, ['text']));
  if (texts.bytes <= EXACT_VOCABULARY_CHARS * 3) {
    const all = texts.ids.map((_, i) => texts.text(i));
    if (all.reduce((n, t) => n + t.length, 0) <= EXACT_VOCABULARY_CHARS) {
      return ensureEnglishDictionary(all, { file: paths.englishDictionary }).dictionary.size;
    }
  }
  const store = new PassageStore(readContainer(paths.passages, 'passages.bin'));
  const coverage = new CoverageIndex(readContainer(paths.coverage, 'coverage.bin'), (i, term) => store.matchIncludes(i, term));
  return ensureEnglishDictionary(new IndexVocabulary(coverage, corpusHash), { file: paths.englishDictionary }).dictionary.size;
}
