import fs from 'node:fs';
import * as jieba from 'nodejs-jieba';
import { type DictionaryFiles, ensureDictionary } from './dictionary.js';
import { freezeLexicon } from './lexicon.js';

let loaded: DictionaryFiles | null = null;

/**
 * Loads jieba once per process with the HK Traditional dictionaries. jieba aborts the whole
 * process (uncatchably) on a missing dictionary file, so every path is checked first.
 */
export function loadSegmenter(): DictionaryFiles {
  if (loaded) return loaded;
  freezeLexicon();
  const files = ensureDictionary();
  for (const f of [files.dict, files.userDict, files.stopWords]) {
    if (!fs.existsSync(f)) throw new Error(`jieba dictionary file missing: ${f}`);
  }
  jieba.load({ dict: files.dict, userDict: files.userDict, stopWordDict: files.stopWords });
  loaded = files;
  return files;
}

/** Search-mode segmentation: long words plus their dictionary sub-words (科技園公司 → 科技/科技園/公司…). */
export function segment(text: string): string[] {
  loadSegmenter();
  return jieba.cutForSearch(text, true);
}

/** Precise-mode segmentation, for sentence-level word overlap. */
export function segmentPrecise(text: string): string[] {
  loadSegmenter();
  return jieba.cut(text, true);
}

/** Words with their part-of-speech tags (數碼港/ns, 啟動/v): the one place jieba's tagger is called. */
export function tagWords(text: string): { word: string; tag: string }[] {
  loadSegmenter();
  return jieba.tag(text);
}

export function stopWordsFile(): string {
  return loadSegmenter().stopWords;
}

/** Whether jieba reads a noun in the word (數據技術中心, 泊車位; not 啟動 or 共同): it can name a thing. */
export function hasNoun(word: string): boolean {
  return tagsOf(word).some((t) => /^n/.test(t));
}

/**
 * Whether the word may name a thing: a noun, or a word jieba's dictionary lists without a part of
 * speech (電競/x) or as a set phrase (無人機/l, 生成式/l), as new coinages are.
 */
export function mayNameThing(word: string): boolean {
  return tagsOf(word).some((t) => /^(n|x$|l$)/.test(t));
}

/** Whether jieba tags a name in the word (創新科技署/nt, 科技券/nz, 數碼港/ns), not a common noun (項目/n). */
export function hasName(word: string): boolean {
  return tagsOf(word).some((t) => /^n[rstz]$/.test(t));
}

/** Whether jieba reads the word as one place's name (深圳/ns, 新加坡/ns). */
export function isPlace(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length === 1 && tags[0] === 'ns';
}

/** Whether jieba tags the name of a body or scheme in the word (轉數快/nz, 創新科技署/nt), not of a place (深圳/ns). */
export function namesBody(word: string): boolean {
  return tagsOf(word).some((t) => /^n[tz]$/.test(t));
}

/** Part-of-speech tags are asked of the same words many times per question: remembered, within a bound (words come from users). */
const TAG_CACHE_MAX = 20_000;
const tagCache = new Map<string, string[]>();
function tagsOf(word: string): string[] {
  let tags = tagCache.get(word);
  if (tags === undefined) {
    tags = tagWords(word).map((t) => t.tag);
    if (tagCache.size >= TAG_CACHE_MAX) tagCache.clear();
    tagCache.set(word, tags);
  }
  return tags;
}

/** Whether jieba's dictionaries list the word (會設, 內會 are its guesses at unknown runs, tagged x). */
export function knownWord(word: string): boolean {
  return !tagsOf(word).every((t) => t === 'x');
}
