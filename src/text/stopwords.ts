import fs from 'node:fs';
import path from 'node:path';
import { LEXICON_DIR } from './dictionary.js';
import { stopWordsFile } from './segment.js';
import { normalizeForMatch } from './normalize.js';

let cache: Set<string> | null = null;

/** jieba's stop list (converted to HK Traditional) plus the project's question and Cantonese words. */
export function stopWords(): Set<string> {
  if (cache) return cache;
  const words = new Set<string>();
  for (const file of [stopWordsFile(), path.join(LEXICON_DIR, 'stopwords.txt')]) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      for (const w of line.split(/\s+/)) if (w) words.add(normalizeForMatch(w));
    }
  }
  cache = words;
  return words;
}
