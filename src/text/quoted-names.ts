import { hasName, knownWord, segmentPrecise } from './segment.js';

/**
 * Names a question quotes — 「策略性創科基金」, 《香港創新科技發展藍圖》, “一區兩園” — must be named by
 * the passage that answers it: a passage about another fund is not an answer about this one.
 */
export const QUOTED_NAME = /[「『《“"]([^」』》”"]{2,30})[」』》”"]/gu;

/** Each quoted phrase of a question (matching form) without its whitespace, and whether it is a 《title》. */
function quoted(normalizedQuestion: string): Array<{ name: string; title: boolean }> {
  return [...normalizedQuestion.matchAll(QUOTED_NAME)].map((m) => ({ name: m[1]!.replace(/\s+/g, ''), title: m[0].startsWith('《') }));
}

/** Quoted names in a question (matching form), without surrounding whitespace. */
export function quotedNames(normalizedQuestion: string): string[] {
  return [...new Set(quoted(normalizedQuestion).map((q) => q.name))];
}

/** What a name of a scheme, body, place, event or document ends with: 「優才計劃」 is a name, 「需求清單」 is not. */
const NAME_ENDING = /(計劃|計畫|基金|指數|排名|平台|中心|園|局|署|處|辦|會|公司|學院|大學|院|網|通|券|獎|展|賽|節|週|周|峰會|論壇|系統|項目|藍圖|綱要|宣言|政策|條例|法|牌照|銀行|實驗室|所|城|區|港|行動|方案|模式)$/u;

/**
 * The quoted phrases that are the reader's own words rather than names: mainland writers put quotes
 * around what they paraphrase (“需求清单”, for the sheet's 服務願望). Words jieba's dictionary lists, two
 * characters or more each, none of them a name and not ending as names do; a coinage (“高才通”, “醫健通”)
 * or a title (《…》) is a name the answering passage must give.
 */
export function quotedOwnWords(normalizedQuestion: string): Set<string> {
  return new Set(quoted(normalizedQuestion).flatMap((q) => (!q.title && ownWords(q.name) ? [q.name] : [])));
}

function ownWords(name: string): boolean {
  if (!/^\p{Script=Han}{4,12}$/u.test(name) || NAME_ENDING.test(name) || hasName(name)) return false;
  const words = segmentPrecise(name);
  return words.length >= 2 && words.every((w) => [...w].length >= 2 && knownWord(w) && !hasName(w));
}

/** Words names are written with interchangeably: mainland 數字 for Hong Kong's 數碼, 創科 for 科技 or 創新科技. */
const INTERCHANGEABLE: ReadonlyArray<readonly string[]> = [
  ['數字', '數碼'],
  ['創科', '科技', '創新科技'],
];
const HAN_DIGITS = '零一二三四五六七八九';

/**
 * The ways a reader may quote a name the documents write otherwise: 「从0到1」 for 「從零到一」, “数字港元” for
 * 「數碼港元」, “创科人才入境计划” for 「科技人才入境計劃」 (matching form, no spaces; the name itself first).
 */
export function quotedNameVariants(name: string): string[] {
  const out = new Set(numberedVariants(name));
  for (const words of INTERCHANGEABLE) {
    for (const from of words) {
      if (!name.includes(from)) continue;
      for (const to of words) if (to !== from) out.add(name.split(from).join(to));
    }
  }
  return [...out];
}

/** A quoted name with its digits written as numerals too: 「从0到1」 is 「從零到一」 (the name itself first). */
export function numberedVariants(name: string): string[] {
  return /\d/.test(name) ? [name, name.replace(/\d/g, (d) => HAN_DIGITS[Number(d)]!)] : [name];
}
