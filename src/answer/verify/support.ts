/**
 * Is a sentence supported by the passage(s) it cites? Three tests, in order:
 *  1. entities — every title, proper noun, organisation and Latin name (English: every
 *     capitalised name and Chinese run) is in the cited passage (entities.ts);
 *  2. claims — negation, closure, decline, exclusivity/superlative and relative-date words are in
 *     the cited passage too (claims.ts);
 *  3. overlap — Chinese: enough of the sentence's content words (the project's jieba segmentation
 *     of the HK-Traditional matching form, stop words and answer framing left out) occur in the
 *     cited passage, directly, through lexicon/synonyms.tsv, or by all their character bigrams.
 *     English (light): of the terms the synonym lexicon maps to Chinese, enough map into the
 *     cited passage. Each clause is judged as well, so an invented clause added to a faithful
 *     sentence does not hide in the sentence's overall overlap.
 * Numbers are checked separately (numbers.ts).
 */
import { findSynonyms } from '../../text/synonyms.js';
import { detectLanguage } from '../../text/language.js';
import { segmentPrecise } from '../../text/segment.js';
import { stopWords } from '../../text/stopwords.js';
import { unsupportedClaims } from './claims.js';
import { chineseEntities, englishEntities, entitySupported, nameLexicon } from './entities.js';
import { type CitedText, citedContains, citedHasLatin, citedText, HAN, matchForm } from './match-text.js';

/** Share of a Chinese sentence's content words the cited passage must contain. */
export const MIN_ZH_OVERLAP = 0.6;
/** Share of an English sentence's lexicon terms that must map into the cited passage. */
export const MIN_EN_OVERLAP = 0.25;

export type SupportVerdict = { ok: true } | { ok: false; check: 'entities' | 'claims' | 'overlap'; reason: string };

/** Clause boundaries inside a Chinese sentence (in matching form: no thousands separators left). */
const CLAUSE_BREAK = /[，,；;：:]/;
/** Clause boundaries inside an English sentence. */
const EN_CLAUSE_BREAK = /[,;:]\s|\s(?:and|but|while|whereas|which|where)\s/;
/** A clause is judged alone when it has this many content words… */
export const MIN_CLAUSE_WORDS = 2;
/** …and must then have this share of them in the cited passage. */
export const MIN_CLAUSE_OVERLAP = 0.6;

/** English terms any answer about the fact sheet may use: Hong Kong and its government. */
const HOME_TERMS = new Set(['hong kong', 'hk', 'hksar', 'government']);

/** Answer framing and connectives: no claim of their own, and passages need not contain them. */
const FRAMING = new Set(
  `根據 資料 資料顯示 據 表示 提到 指出 顯示 目前 現時 現在 已經 總共 合共 包括 超過 大約 多於 至少 方面 香港 本港 政府 特區
  特區政府 香港特區政府 有關 相關 此外 另外 同時 以及 並且 亦 分別 其中 當中 這項 該項 這些 該 此 數目 數量 總數 達到 左右 以上
  以下 情況 例如 等等 可以 能夠 一共 共有 方面 事實 來源 文件 概況 單張 資料單張 這份 份 上述 所述 提及 載 列出 列明 說明 指 即
  了 着 過 為 成為 是 有 在 於 由 向 從 把 被 讓 令 使 作 作為 進行 一個 一所 一項 一間 一家 其 他們 它們 佢哋 呢 嘅 咗 噉 啦 喎 㗎
  年 月 日 年度 期間 時 之後 之前 起 至 截至 為止 左右 多 逾 近 約 共 約有 合計 分別為 分別是 則 而 及 與 和 或 並 亦會 也 還 仍 都
  並為 已向 並獲 並於 並在 並會 已於 已在 將於 將會 會為 為了 從而 以便 並將 亦為 亦在 它們 其他 另 更 再 均 皆 各 所 可 能 會 將 已
  詳見 詳情 參閱 請參閱 參考 瀏覽 網站 網頁 官網 連結 這裏 此處`.split(/\s+/),
);
/** A token made only of numerals, units and measure words (1900家, 一萬, 2022年): numbers.ts judges it. */
const NUMERIC_TOKEN = /^[\d.,%零〇一二兩三四五六七八九十百千萬億第多餘約逾近]+[家間個所項宗名座枚條隊年月日號億萬元倍成人支條次屆期輪]*$/;

export interface OverlapResult {
  total: number;
  found: number;
  missing: string[];
}

function tokenFound(token: string, cited: CitedText): boolean {
  if (citedContains(cited, token)) return true;
  if (findSynonyms(token, nameLexicon()).some((h) => h.expansions.some((e) => citedContains(cited, e)))) return true;
  const chars = [...token];
  if (chars.length >= 3) {
    let all = true;
    for (let i = 0; i + 1 < chars.length && all; i++) all = citedContains(cited, chars[i]! + chars[i + 1]!);
    if (all) return true;
  }
  return false;
}

/** Content-word overlap of a Chinese sentence with the cited text. */
export function chineseOverlap(sentence: string, cited: CitedText): OverlapResult {
  const stops = stopWords();
  const seen = new Set<string>();
  const missing: string[] = [];
  let total = 0;
  let found = 0;
  for (const raw of segmentPrecise(matchForm(sentence))) {
    const t = raw.trim();
    if (!HAN.test(t) || [...t].length < 2 || /[a-z]/.test(t)) continue; // Latin: entities.ts
    if (stops.has(t) || FRAMING.has(t) || NUMERIC_TOKEN.test(t) || seen.has(t)) continue;
    seen.add(t);
    total++;
    if (tokenFound(t, cited)) found++;
    else missing.push(t);
  }
  return { total, found, missing };
}

/** Terms of an English sentence the synonym lexicon knows, and how many map into the cited text. */
export function englishOverlap(sentence: string, cited: CitedText): OverlapResult {
  const stops = stopWords();
  const missing: string[] = [];
  let total = 0;
  let found = 0;
  // A term may have entries in both lexicons: its expansions together.
  const terms = new Map<string, Set<string>>();
  for (const h of findSynonyms(matchForm(sentence), nameLexicon())) {
    if (stops.has(h.term) || HOME_TERMS.has(h.term)) continue;
    const set = terms.get(h.term) ?? new Set<string>();
    for (const e of h.expansions) if (!stops.has(e)) set.add(e);
    terms.set(h.term, set);
  }
  for (const [term, exps] of terms) {
    if (exps.size === 0) continue;
    total++;
    if ([...exps].some((e) => citedContains(cited, e) || citedHasLatin(cited, e))) found++;
    else missing.push(term);
  }
  return { total, found, missing };
}

/** Is `sentence` (markers already removed) supported by the passages it cites? */
export function checkSupport(sentence: string, passages: string[]): SupportVerdict {
  const cited = citedText(passages);
  const english = detectLanguage(sentence) === 'en';

  const entities = english ? englishEntities(sentence) : chineseEntities(sentence);
  const absent = entities.filter((e) => !entitySupported(e, cited));
  if (absent.length) {
    return { ok: false, check: 'entities', reason: `the cited passage does not mention ${absent.map((e) => `"${e.text}"`).join(', ')}` };
  }

  const claims = unsupportedClaims(sentence, cited, english);
  if (claims.length) {
    return { ok: false, check: 'claims', reason: `the cited passage does not say ${claims.map((c) => `"${c.word}"`).join(', ')}` };
  }

  const overlap = english ? englishOverlap(sentence, cited) : chineseOverlap(sentence, cited);
  const min = english ? MIN_EN_OVERLAP : MIN_ZH_OVERLAP;
  const enough = english ? overlap.total < 2 || overlap.found / overlap.total >= min : overlap.total === 0 || overlap.found / overlap.total >= min;
  if (!enough) {
    return {
      ok: false,
      check: 'overlap',
      reason: `too little of the sentence is in the cited passage (${overlap.found}/${overlap.total}; missing ${overlap.missing.map((m) => `"${m}"`).join(', ')})`,
    };
  }
  if (english) {
    // The same for English: a clause of mapped terms most of which are not in the passage ("most of
    // which are fintech firms": 公司 for "firms" is in nearly every passage, 金融科技 not in this one).
    for (const clause of matchForm(sentence).split(EN_CLAUSE_BREAK)) {
      const c = englishOverlap(clause, cited);
      if (c.total >= MIN_CLAUSE_WORDS && c.found / c.total < MIN_CLAUSE_OVERLAP) {
        return {
          ok: false,
          check: 'overlap',
          reason: `the clause "${clause.trim().slice(0, 40)}" is not in the cited passage (missing ${c.missing.map((m) => `"${m}"`).join(', ')})`,
        };
      }
    }
  } else {
    // An invented clause tacked onto a faithful one (「…科技公司，並為它們提供住宿」) hides in the
    // sentence's overall overlap: each clause with content words must also hold its own.
    for (const clause of matchForm(sentence).split(CLAUSE_BREAK)) {
      const c = chineseOverlap(clause, cited);
      if (c.total >= MIN_CLAUSE_WORDS && c.found / c.total < MIN_CLAUSE_OVERLAP) {
        return {
          ok: false,
          check: 'overlap',
          reason: `the clause "${clause.trim().slice(0, 40)}" is not in the cited passage (${c.found}/${c.total}; missing ${c.missing.map((m) => `"${m}"`).join(', ')})`,
        };
      }
    }
  }
  return { ok: true };
}
