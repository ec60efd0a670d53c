import * as OpenCC from 'opencc-js';

// Simplified → Hong Kong Traditional, then Taiwan → Hong Kong variants (裡→裏, 著→着), so every
// reader's script lands on the fact sheet's own character forms.
const cnToHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const twToHk = OpenCC.Converter({ from: 'tw', to: 'hk' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Simplified (or Taiwan-style Traditional) → Hong Kong Traditional. Text already in Traditional skips
 * the Simplified conversion, whose phrase tables rewrite valid Traditional text by context
 * (「金融科技周一般」 → 週一, Monday).
 */
export function toTraditional(text: string): string {
  return twToHk(hasSimplified(text) ? cnToHk(text) : text);
}

/** Whether any character is written differently in Traditional (书, 银); 周 or 台 alone are both. */
function hasSimplified(text: string): boolean {
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x3400) continue;
    let simplified = SIMPLIFIED.get(ch);
    if (simplified === undefined) SIMPLIFIED.set(ch, (simplified = cnToHk(ch) !== ch));
    if (simplified) return true;
  }
  return false;
}
/** Per-character answers of hasSimplified: converting one character at a time is slow, and the characters are few. */
const SIMPLIFIED = new Map<string, boolean>();

export function toSimplified(text: string): string {
  return hkToCn(text);
}

/**
 * Normalisation for matching (never for display): NFKC folds full-width digits, letters and commas
 * (２萬１千 → 2萬1千), thousands separators go (47,000 → 47000), the script becomes HK Traditional,
 * and Latin letters are lower-cased. Applied identically to passages and queries.
 */
/** Variant characters → the form the fact sheet uses (汇集 → 彙集 by OpenCC, 匯集 in the text). */
const VARIANTS: Record<string, string> = { 彙: '匯', 賬: '帳', 巿: '市', 裡: '裏', 衛: '衞', 綫: '線', 麪: '麵', 啓: '啟', 峯: '峰', 佈: '布' };
const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/** Chinese digits and their values (兩 is 2 in a count). */
export const ZH_DIGIT_VALUES: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Answers already given: the same passages are normalised again by every check of every request (a
 * third of a follow-up's time went to it). Bounded; emptied when full.
 */
const MATCH_FORMS = new Map<string, string>();
const MATCH_FORMS_MAX = 8192;
const MATCH_FORM_MAX_CHARS = 4000;

/** A Chinese numeral below ten thousand as digits (一百 → 100, 五十 → 50, 十二 → 12, 兩千零五 → 2005). */
function chineseNumber(numeral: string): string {
  let total = 0;
  let digit = 0;
  for (const ch of numeral) {
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = ZH_DIGIT_VALUES[ch] ?? 0;
  }
  return String(total + digit);
}

export function normalizeForMatch(text: string): string {
  const known = MATCH_FORMS.get(text);
  if (known !== undefined) return known;
  const form = matchFormOf(text);
  if (text.length <= MATCH_FORM_MAX_CHARS) {
    if (MATCH_FORMS.size >= MATCH_FORMS_MAX) MATCH_FORMS.clear();
    MATCH_FORMS.set(text, form);
  }
  return form;
}

function matchFormOf(text: string): string {
  return (
    toTraditional(text.normalize('NFKC'))
      .replace(VARIANT, (c) => VARIANTS[c] ?? c)
      // Simplified 里 is also 裏 ("inside"), which the conversion leaves where its phrases miss (「指数里」).
      // Questions and passages are folded alike, so a document's own 里 still matches; 阿里巴巴 stays as
      // jieba's dictionary writes it.
      .replace(/(?<!阿)里/gu, '裏')
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      // Years written digit by digit in Chinese numerals (「二零一九年」) are the sheet's 2019.
      .replace(/(?:一九|二[零〇])[零〇一二三四五六七八九]{2}/gu, (y) => [...y].map((c) => ZH_DIGIT_VALUES[c]).join(''))
      // Sums and counts written in Chinese numerals before 萬 or 億 (「一百億」, 「兩萬」) are the sheet's figures (100億, 2萬).
      .replace(/(?<![\d零〇一二兩三四五六七八九十百千幾])[一二兩三四五六七八九十][零〇一二兩三四五六七八九十百千]*(?=[萬億])/gu, chineseNumber)
      .replace(/(?<=\d[萬億])[一二兩三四五六七八九](?=千)/gu, (d) => String(ZH_DIGIT_VALUES[d]))
      // Buildings are counted by 座 in the sheet, by 棟 or 幢 in questions (「頭三棟樓」).
      .replace(/(?<=[\d零〇一二兩三四五六七八九十幾多首頭])[棟幢]/gu, '座')
      // PDF layout spaces between Chinese and figures or Latin names: 「產學研 1+計劃」, 「2023 年」, 「從一到 N」,
      // 「InnoHK 創新香港研發平台」 read as written without them (a reader's 「从一到N」 is the same name).
      .replace(/(?<=[\p{Script=Han}])[ \t]+(?=[\d+A-Za-z])|(?<=[\d+%A-Za-z])[ \t]+(?=[\p{Script=Han}])/gu, '')
      .toLowerCase()
  );
}
