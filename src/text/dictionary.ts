import fs from 'node:fs';
import path from 'node:path';
import * as jieba from 'nodejs-jieba';
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { PROJECT_ROOT } from '../config/env.js';

export const LEXICON_DIR = path.join(PROJECT_ROOT, 'lexicon');
export const GENERATED_DIR = path.join(LEXICON_DIR, 'generated');
export const HK_USER_DICT = path.join(LEXICON_DIR, 'hk-user-dict.txt');

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

function writeIfChanged(file: string, content: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/**
 * Builds jieba's dictionaries for Hong Kong Traditional Chinese: jieba ships only a mainland
 * Simplified dictionary, so convert it (and its stop words) with OpenCC, and strip comments from the
 * HK user dictionary kept in the repo. Cached under lexicon/generated/, rebuilt when inputs change.
 */
export function ensureDictionary(): DictionaryFiles {
  const srcDir = jiebaDictDir();
  const srcDict = path.join(srcDir, 'jieba.dict.utf8');
  const srcStop = path.join(srcDir, 'stop_words.utf8');
  for (const f of [srcDict, srcStop, HK_USER_DICT]) {
    if (!fs.existsSync(f)) throw new Error(`Segmentation dictionary source missing: ${f}`);
  }
  const userSrc = fs.readFileSync(HK_USER_DICT, 'utf8');
  const srcStat = fs.statSync(srcDict);
  const fingerprint = createHash('sha256')
    .update(`${srcStat.size}:${srcStat.mtimeMs}\n${userSrc}`)
    .digest('hex')
    .slice(0, 16);
  const files: DictionaryFiles = {
    dict: path.join(GENERATED_DIR, 'jieba.zh-hk.dict.utf8'),
    userDict: path.join(GENERATED_DIR, 'hk-user.dict.utf8'),
    stopWords: path.join(GENERATED_DIR, 'stop_words.zh-hk.utf8'),
    fingerprint,
  };
  const stamp = path.join(GENERATED_DIR, 'fingerprint');
  const fresh =
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === fingerprint &&
    [files.dict, files.userDict, files.stopWords].every((f) => fs.existsSync(f));
  if (!fresh) {
    const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    writeIfChanged(files.dict, toHk(fs.readFileSync(srcDict, 'utf8')));
    writeIfChanged(files.stopWords, toHk(fs.readFileSync(srcStop, 'utf8')));
    const userLines = userSrc
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    writeIfChanged(files.userDict, `${userLines.join('\n')}\n`);
    writeIfChanged(stamp, fingerprint);
  }
  return files;
}
