/**
 * `npm run build:english-dictionary`: builds the English → Chinese query dictionary from CC-CEDICT,
 * keeping only Chinese words the corpus uses, into <INDEX_DIR>/cache/english-dictionary.json
 * (generated: never commit it, never write it into lexicon/). Prints size, time and memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'dotenv/config';
import { loadEnv, resolvePath } from '../src/config/env.js';
import { buildEnglishDictionary, loadEnglishDictionary, writeEnglishDictionary } from '../src/text/english-dictionary.js';

const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

function readCorpusTexts(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => CORPUS_EXTENSIONS.has(path.extname(f).toLowerCase()) && !f.startsWith('.'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

function englishDictionaryFile(indexDir: string): string {
  return path.join(indexDir, 'cache', 'english-dictionary.json');
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const env = loadEnv();
const file = process.argv[2] ?? englishDictionaryFile(resolvePath(env.INDEX_DIR));
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const data = buildEnglishDictionary(readCorpusTexts(resolvePath(env.CORPUS_DIR)));
const buildMs = performance.now() - t0;
const buildRss = process.memoryUsage().rss;
writeEnglishDictionary(data, file);
global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const t1 = performance.now();
const dictionary = loadEnglishDictionary(file);
const loadMs = performance.now() - t1;
const heapLoaded = process.memoryUsage().heapUsed - heap0;

const words = new Set(Object.values(data.entries).flat());
console.log(`[english-dictionary] ${data.source.package}, CC-CEDICT data of ${data.source.dataDate}, ${data.license}`);
console.log(
  `[english-dictionary] ${data.stats.cedictEntries} CEDICT entries → ${dictionary.size} English keys, ` +
    `${words.size} distinct Chinese words the corpus uses`,
);
console.log(
  `[english-dictionary] built in ${Math.round(buildMs)} ms (RSS ${mb(rss0)} → ${mb(buildRss)}), ` +
    `wrote ${file} (${(fs.statSync(file).size / 1024).toFixed(1)} KB), ` +
    `loaded in ${loadMs.toFixed(1)} ms (~${mb(Math.max(0, heapLoaded))} heap)`,
);
