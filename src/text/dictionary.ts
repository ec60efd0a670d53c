import fs from 'node:fs';
import path from 'node:path';
import * as jieba from 'nodejs-jieba';
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { cachePath, lexiconLines, lexiconPath } from './lexicon.js';

const HK_USER_DICT = 'hk-user-dict.txt';

export interface DictionaryFiles {
  dict: string;
  userDict: string;
  stopWords: string;
  /** Fingerprint of the segmentation setup, recorded in the index manifest. */
  fingerprint: string;
}

function jiebaDictDir(): string {
  return path.dirname(jieba.DEFAULT_DICT);
}

/** Bumped when the conversion changes, so cached dictionaries are rebuilt. */
const DICTIONARY_FORMAT = 2;

/**
 * One line per word. Converting to Traditional folds Simplified and Traditional spellings together
 * (会 92091 v and 會 9 zg both become 會), and jieba keeps the last line of a word: 會 would weigh 9 and
 * 裏面會 split 裏/面會. The spellings are one word: their frequencies add up, the commonest tag stays.
 */
export function mergeDuplicates(dict: string): string {
  const words = new Map<string, { freq: number; tag: string; top: number }>();
  for (const line of dict.split('\n')) {
    const [word, freqText, tag = ''] = line.trim().split(/\s+/);
    const freq = Number(freqText);
    if (!word || !Number.isFinite(freq)) continue;
    const seen = words.get(word);
    if (!seen) words.set(word, { freq, tag, top: freq });
    else {
      seen.freq += freq;
      if (freq > seen.top) Object.assign(seen, { tag, top: freq });
    }
  }
  return [...words].map(([word, w]) => `${word} ${w.freq} ${w.tag}`.trimEnd()).join('\n') + '\n';
}

let hkTermSet: Set<string> | null = null;
/** The words of the HK user dictionary: Hong Kong's own places, bodies and schemes (數碼港, 科技園公司), and the common and Cantonese words it weighs. */
export function hongKongTerms(): Set<string> {
  return (hkTermSet ??= new Set(lexiconLines(HK_USER_DICT).map((l) => l.trim().split(/\s+/)[0]!)));
}

/** The frequency a district is given in jieba's user dictionary: enough to keep it whole. */
const PLACE_FREQUENCY = 20000;

let hkPlaceSet: Set<string> | null = null;
/** Hong Kong's districts and areas (lexicon/hk-places.txt), which a reader may use to describe where a thing is. */
export function hongKongPlaces(): Set<string> {
  return (hkPlaceSet ??= new Set(lexiconLines('hk-places.txt').map((l) => l.trim())));
}

const writeIfChanged = (file: string, content: string) => writeFileAtomic(file, content, { ifChanged: true });

/**
 * Builds jieba's dictionaries for Hong Kong Traditional Chinese: jieba ships only a mainland
 * Simplified dictionary, so convert it (and its stop words) with OpenCC, and strip comments from the
 * HK user dictionary kept in the repo. Cached under the cache folder (.cache/jieba), rebuilt when inputs change.
 */
export function ensureDictionary(): DictionaryFiles {
  const srcDir = jiebaDictDir();
  const srcDict = path.join(srcDir, 'jieba.dict.utf8');
  const srcStop = path.join(srcDir, 'stop_words.utf8');
  for (const f of [srcDict, srcStop, lexiconPath(HK_USER_DICT)]) {
    if (!fs.existsSync(f)) throw new Error(`Segmentation dictionary source missing: ${f}`);
  }
  // (…and Hong Kong's districts, as place names: 「薄扶林」 whole, not 薄 and 扶林.)
  const termLines = lexiconLines(HK_USER_DICT).map((l) => l.trim());
  const terms = new Set(termLines.map((l) => l.split(/\s+/)[0]!));
  const userLines = [...termLines, ...[...hongKongPlaces()].filter((p) => !terms.has(p)).map((p) => `${p} ${PLACE_FREQUENCY} ns`)];
  const userSrc = userLines.join('\n');
  const srcStat = fs.statSync(srcDict);
  const fingerprint = createHash('sha256')
    .update(`${DICTIONARY_FORMAT}:${srcStat.size}:${srcStat.mtimeMs}\n${userSrc}`)
    .digest('hex')
    .slice(0, 16);
  const files: DictionaryFiles = {
    dict: cachePath('jieba', 'jieba.zh-hk.dict.utf8'),
    userDict: cachePath('jieba', 'hk-user.dict.utf8'),
    stopWords: cachePath('jieba', 'stop_words.zh-hk.utf8'),
    fingerprint,
  };
  const stamp = cachePath('jieba', 'fingerprint');
  const fresh =
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === fingerprint &&
    [files.dict, files.userDict, files.stopWords].every((f) => fs.existsSync(f));
  if (!fresh) {
    const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    writeIfChanged(files.dict, mergeDuplicates(toHk(fs.readFileSync(srcDict, 'utf8'))));
    writeIfChanged(files.stopWords, toHk(fs.readFileSync(srcStop, 'utf8')));
    writeIfChanged(files.userDict, `${userLines.join('\n')}\n`);
    writeIfChanged(stamp, fingerprint);
  }
  return files;
}
