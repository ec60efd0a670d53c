import fs from 'node:fs';
import { lexiconLines } from './lexicon.js';
import { normalizeForMatch } from './normalize.js';
import { stopWordsFile } from './segment.js';

let cache: Set<string> | null = null;

/** jieba's stop list (converted to HK Traditional) plus the project's question and Cantonese words. */
export function stopWords(): Set<string> {
  if (cache) return cache;
  const lines = [...fs.readFileSync(stopWordsFile(), 'utf8').split('\n'), ...lexiconLines('stopwords.txt')];
  cache = new Set(lines.flatMap((l) => l.split(/\s+/)).filter(Boolean).map(normalizeForMatch));
  return cache;
}
