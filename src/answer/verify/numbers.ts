/**
 * Numbers by value. Reads every figure a text states — Arabic digits (1,900 / 4.4), Chinese
 * numerals and mixed forms (五百, 一萬, 4.4萬, 2 萬 1 千, 二千萬), percentages (52%, 百分之五十二,
 * 九成), years and financial years (2022年, 2022/23), money (港元/元/人民幣/美元, HK$/US$/RMB/$,
 * 萬/億/million/billion), English number words (five hundred, twenty-eight, 1.2 million) and
 * ordinals (第 9, 9th, ninth) — and compares them by value: 4.4萬 = 44,000, 190 ≠ 1,900.
 */
import { stripMarkers } from '../../contract/markers.js';
import { ZH_DIGIT_VALUES } from '../../text/normalize.js';
import { matchForm } from './match-text.js';
import { ENGLISH_MONTHS } from '../../text/months.js';

export type NumberKind = 'count' | 'percent' | 'money' | 'fiscal-year' | 'ordinal';
export type Currency = 'HKD' | 'USD' | 'RMB';

export interface NumberMention {
  /** The figure as found in the matching form of the text. */
  text: string;
  value: number;
  kind: NumberKind;
  currency?: Currency;
  /** Last year of a financial year (2022/23 → value 2022, end 2023). */
  end?: number;
}

export interface ExtractOptions {
  /**
   * Passage side: also read the figures inside fixed expressions (十四五 → 14, 5; 一國兩制 → 2) so
   * a translation that spells them out ("14th Five-Year Plan") is still found. The answer side
   * ignores these expressions, as it ignores a lone 一 / "one" (一站式, one-stop, one of …).
   */
  loose?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 萬: 1e4, 億: 1e8 };
const NUMERAL_WORD = /^(百姓|百貨|百科|百般|十分|十足|萬一|萬眾|千禧|千萬(?=[別不要勿]))/;
const ZH_NUM_CHARS = '零〇一二兩三四五六七八九十百千萬億';

/**
 * Words and fixed expressions whose numeral characters state no figure (一站式, 十分 "very",
 * 零售 "retail", 九龍, 萬事達卡 Mastercard) or that a translation renders in its own way (十四五).
 */
const FIXED_EXPRESSIONS = [
  '十四五', '一國兩制', '一區兩園', '一站式', '一對一', '一比一', '一網通辦', '從零到一', '從一到',
  '萬事達卡', '萬一', '九龍', '零售', '十分', '一半', '一些', '一直', '一起', '一定', '一般', '一切',
  '一同', '一致', '一系列', '一帶', '一併', '一律', '一再', '一向', '一旦', '一體', '進一步', '之一',
  '唯一', '統一', '單一', '同一', '第一時間', '一方面', '兩者', '千萬不', '數以千計', '以千計', '三軌道',
];

// ---------------------------------------------------------------------------------------------
// English number words

const EN_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

// ---------------------------------------------------------------------------------------------
// Currency and scale words around a figure

const CURRENCY_AFTER: Array<[RegExp, Currency | undefined]> = [
  [/^\s*(?:港元|港幣|hkd\b|hong kong dollars?\b)/, 'HKD'],
  [/^\s*(?:美元|美金|usd\b|us dollars?\b)/, 'USD'],
  [/^\s*(?:元人民幣|人民幣|rmb\b|cny\b|yuan\b|renminbi\b)/, 'RMB'],
  [/^\s*(?:元(?!朗)|dollars?\b)/, undefined],
];
const CURRENCY_BEFORE: Array<[RegExp, Currency | undefined]> = [
  [/(?:hk\$|hkd|港幣)\s*$/, 'HKD'],
  [/(?:us\$|usd|美元)\s*$/, 'USD'],
  [/(?:rmb|cny|人民幣)\s*$/, 'RMB'],
  [/\$\s*$/, undefined],
];
const SCALE_AFTER = /^\s*(thousand|million|billion|trillion)\b/;
const SHORT_SCALES: Record<string, number> = { bn: 1e9, b: 1e9, mn: 1e6, m: 1e6, k: 1e3 };

interface Found extends NumberMention {
  start: number;
  end_: number;
}

/** Replaces [start, end) with spaces so later passes do not read the same figure again. */
function mask(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

/** A run of Chinese/Arabic numeral tokens → its value (一千九百 → 1900, 2萬1千 → 21000). */
export function parseChineseNumber(run: string): number | null {
  const tokens: Array<number | string> = [];
  for (const m of run.matchAll(/\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百千萬億]/g)) {
    tokens.push(/\d/.test(m[0]) ? Number(m[0]) : m[0]);
  }
  if (tokens.length === 0) return null;
  // 二零二二 → 2022: Chinese digits read one by one.
  if (tokens.length > 1 && tokens.every((t) => typeof t === 'string' && t in ZH_DIGIT_VALUES)) {
    return Number(tokens.map((t) => ZH_DIGIT_VALUES[t as string]).join(''));
  }
  let total = 0;
  let section = 0;
  let num: number | null = null;
  let lastUnit = 0;
  let prevWasUnit = false;
  for (const t of tokens) {
    const digit = typeof t === 'number' ? t : ZH_DIGIT_VALUES[t];
    if (digit !== undefined) {
      if (num !== null) return null; // two numbers side by side: not one figure
      num = digit;
      prevWasUnit = false;
      continue;
    }
    const unit = ZH_UNITS[t as string]!;
    if (unit < 1e4) {
      section += (num ?? 1) * unit;
    } else if (unit === 1e4) {
      const s = section + (num ?? 0);
      total += (s === 0 ? 1 : s) * 1e4;
      section = 0;
    } else {
      const s = total + section + (num ?? 0);
      total = (s === 0 ? 1 : s) * 1e8;
      section = 0;
    }
    num = null;
    lastUnit = unit;
    prevWasUnit = true;
  }
  // 一萬五 = 15,000, 三千五 = 3,500: a trailing digit right after a unit counts in the next unit down.
  if (num !== null && !prevWasUnit && lastUnit >= 100 && Number.isInteger(num) && num < 10 && /[十百千萬億][一二兩三四五六七八九]$/.test(run)) {
    return total + section + num * (lastUnit / 10);
  }
  return total + section + (num ?? 0);
}

/** A run of English number words → its value ("twenty-eight" → 28, "five hundred" → 500). */
export function parseEnglishNumber(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of words) {
    if (w === 'and') continue;
    if (w in EN_ONES) current += EN_ONES[w]!;
    else if (w in EN_TENS) current += EN_TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w]!;
      current = 0;
    } else return null;
    any = true;
  }
  return any ? total + current : null;
}

function currencyAfter(rest: string): { currency?: Currency; money: boolean } {
  for (const [re, cur] of CURRENCY_AFTER) if (re.test(rest)) return { currency: cur, money: true };
  return { money: false };
}

function currencyBefore(before: string): { currency?: Currency; money: boolean } {
  for (const [re, cur] of CURRENCY_BEFORE) if (re.test(before)) return { currency: cur, money: true };
  return { money: false };
}

/** Numbers stated in `text` (markers are ignored), each with its value and kind. */
export function extractNumbers(text: string, opts: ExtractOptions = {}): NumberMention[] {
  let s = matchForm(stripMarkers(text));
  const out: Found[] = [];
  const add = (f: Found) => {
    out.push(f);
    s = mask(s, f.start, f.end_);
  };

  // Fixed expressions: never figures on the answer side; their parts are readable on the passage side.
  for (const expr of FIXED_EXPRESSIONS) {
    let i = s.indexOf(expr);
    while (i >= 0) {
      if (opts.loose) {
        const chars = [...expr].filter((c) => ZH_NUM_CHARS.includes(c));
        for (const c of chars) {
          const v = ZH_DIGIT_VALUES[c] ?? ZH_UNITS[c]!;
          out.push({ text: c, value: v, kind: 'count', start: i, end_: i + expr.length });
        }
        for (const [m] of expr.matchAll(/[零〇一二兩三四五六七八九十百千萬億]{2,}/g)) {
          for (let a = 0; a < m.length; a++) {
            for (let b = a + 2; b <= m.length; b++) {
              const v = parseChineseNumber(m.slice(a, b));
              if (v !== null) out.push({ text: m.slice(a, b), value: v, kind: 'count', start: i, end_: i + expr.length });
            }
          }
        }
      }
      s = mask(s, i, i + expr.length);
      i = s.indexOf(expr, i + expr.length);
    }
  }

  // Financial years: 2022/23, 2022-23, 2022/2023.
  for (const m of s.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*[/／\-~～]\s*((?:19|20)?\d{2})(?!\d|\.\d)/g)) {
    const start = Number(m[1]);
    const endRaw = Number(m[2]);
    const end = m[2]!.length === 2 ? Math.floor(start / 100) * 100 + endRaw : endRaw;
    if (end !== start + 1) continue;
    add({ text: m[0], value: start, end, kind: 'fiscal-year', start: m.index!, end_: m.index! + m[0].length });
  }
  // …and as readers shorten them before the word for one (「23/24年度」, 「22-23財政年度」, "FY23/24"): 2023/24.
  for (const m of s.matchAll(/(?<![\d.])(?:fy\s*)?(\d{2})\s*[/／\-]\s*(\d{2})(?=\s*(?:財政)?年度|\s*財年)|(?<![a-z0-9])fy\s*(\d{2})\s*[/／\-]\s*(\d{2})(?![\d.])/g)) {
    const start = 2000 + Number(m[1] ?? m[3]);
    if (Number(m[2] ?? m[4]) !== (start + 1) % 100) continue;
    add({ text: m[0], value: start, end: start + 1, kind: 'fiscal-year', start: m.index!, end_: m.index! + m[0].length });
  }

  // Names with digits (5g, covid-19, h1n1, b2b) are names, checked as names, not figures;
  // ordinals (9th) and money with a short scale (hk$4.4bn) are figures.
  for (const m of s.matchAll(/(?<![a-z0-9.])(\d+)(st|nd|rd|th)(?![a-z0-9])/g)) {
    add({ text: m[0], value: Number(m[1]), kind: 'ordinal', start: m.index!, end_: m.index! + m[0].length });
  }
  for (const m of s.matchAll(/(hk\$|us\$|\$|rmb|hkd|usd|cny)?\s*(?<![\d.])(\d+(?:\.\d+)?)\s*(bn|b|mn|m|k)(?![a-z0-9])/g)) {
    // Without a currency only bn/mn are scales (100m could be metres).
    if (!m[1] && !['bn', 'mn'].includes(m[3]!)) continue;
    const cur = m[1] ? currencyBefore(m[1]).currency : undefined;
    const value = Number(m[2]) * SHORT_SCALES[m[3]!]!;
    add({ text: m[0], value, kind: m[1] ? 'money' : 'count', currency: cur, start: m.index!, end_: m.index! + m[0].length });
  }
  for (const m of s.matchAll(/(?<![a-z0-9$])(?!(?:rmb|hkd|usd|cny|hk|us)\d)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_]?\d[a-z0-9]*|(?<![a-z0-9.])\d+[a-z][a-z0-9]*/g)) {
    s = mask(s, m.index!, m.index! + m[0].length);
  }

  // Percentages written in words: 百分之五十二, 九成.
  for (const m of s.matchAll(/百分之([零〇一二兩三四五六七八九十百\d.]+)/g)) {
    const v = parseChineseNumber(m[1]!);
    if (v !== null) add({ text: m[0], value: v, kind: 'percent', start: m.index!, end_: m.index! + m[0].length });
  }
  for (const m of s.matchAll(/([一二兩三四五六七八九]|\d)成(?=$|[\s,.;:!?。、，；：！？」』）)]|的|以上|左右|多)/g)) {
    const v = ZH_DIGIT_VALUES[m[1]!] ?? Number(m[1]);
    add({ text: m[0], value: v * 10, kind: 'percent', start: m.index!, end_: m.index! + m[0].length });
  }

  // Figures: Arabic and Chinese numerals, mixed (4.4萬, 2 萬 1 千), with scale, currency, % after.
  const RUN = /(?:\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百千萬億])(?:(?:\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百千萬億])|\s(?=[十百千萬億])|(?<=[十百千萬億])\s(?=\d))*/g;
  for (const m of s.matchAll(RUN)) {
    const raw = m[0].trimEnd();
    const start = m.index!;
    // A decimal point or digit glued to the run's left (e.g. masked name remains) — skip oddities.
    if (/\d/.test(s[start - 1] ?? '')) continue;
    let value = parseChineseNumber(raw);
    if (value === null) {
      // Several figures side by side (rare): read each Arabic number alone.
      for (const d of raw.matchAll(/\d+(?:\.\d+)?/g)) {
        out.push({ text: d[0], value: Number(d[0]), kind: 'count', start: start + d.index!, end_: start + d.index! + d[0].length });
      }
      continue;
    }
    let end = start + raw.length;
    let rest = s.slice(end);
    const scale = SCALE_AFTER.exec(rest);
    if (scale) {
      value *= EN_SCALES[scale[1]!]!;
      end += scale[0].length;
      rest = s.slice(end);
    }
    const arabic = /\d/.test(raw);
    const hanOnly = !arabic;
    // 老百姓, 百貨, 十分, 萬一: words that start with a numeral, not figures.
    if (hanOnly && NUMERAL_WORD.test(s.slice(start))) continue;
    // 「多少億」, 「幾多萬」: the scale of a figure asked for, not a figure (「幾百宗」, "a few hundred", is one).
    if (hanOnly && /^[十百千萬億]+$/.test(raw) && /(多少|幾多)\s*$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    // A lone 一 (or 一 + measure word) is an article, not a figure.
    if (hanOnly && value === 1 && !/[十百千萬億]/.test(raw) && !opts.loose) continue;
    if (/^\s*(?:%|％|percent\b|per cent\b)/.test(rest)) {
      const pm = /^\s*(?:%|％|percent\b|per cent\b)/.exec(rest)!;
      add({ text: raw + pm[0], value, kind: 'percent', start, end_: end + pm[0].length });
      continue;
    }
    const after = currencyAfter(rest);
    const before = currencyBefore(s.slice(Math.max(0, start - 8), start));
    const ordinal = /第\s*$/.test(s.slice(Math.max(0, start - 3), start));
    const money = after.money || before.money;
    add({
      text: s.slice(start, end).trim(),
      value,
      kind: money ? 'money' : ordinal ? 'ordinal' : 'count',
      currency: after.currency ?? before.currency,
      start,
      end_: end,
    });
  }

  // English number words: "five hundred", "twenty-eight", "1.2 million" is handled above.
  const words = [...s.matchAll(/[a-z]+/g)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0];
    if (!(w in EN_ONES || w in EN_TENS || w === 'hundred' || w in EN_SCALES)) {
      if (w in EN_ORDINALS) {
        const mm = words[i]!;
        add({ text: w, value: EN_ORDINALS[w]!, kind: 'ordinal', start: mm.index!, end_: mm.index! + w.length });
      }
      continue;
    }
    // A bare scale word ("hundred", "a million") states no figure of its own.
    if (!(w in EN_ONES || w in EN_TENS)) continue;
    let j = i;
    const seq: string[] = [];
    while (j < words.length) {
      const wj = words[j]![0];
      const gap = j === i ? '' : s.slice(words[j - 1]!.index! + words[j - 1]![0].length, words[j]!.index!);
      if (j > i && !/^[\s-]*$/.test(gap)) break;
      if (wj in EN_ONES || wj in EN_TENS || wj === 'hundred' || wj in EN_SCALES) seq.push(wj);
      else if (wj === 'and' && j + 1 < words.length && seq.length > 0 && (words[j + 1]![0] in EN_ONES || words[j + 1]![0] in EN_TENS)) seq.push(wj);
      else break;
      j++;
    }
    const value = parseEnglishNumber(seq);
    const first = words[i]!;
    const last = words[j - 1]!;
    i = j - 1;
    if (value === null) continue;
    if (value === 1 && seq.length === 1 && !opts.loose) continue; // "one of", "one-stop"
    const start = first.index!;
    const end = last.index! + last[0].length;
    const rest = s.slice(end);
    if (/^\s*(?:%|percent\b|per cent\b)/.test(rest)) {
      add({ text: s.slice(start, end), value, kind: 'percent', start, end_: end });
      continue;
    }
    const after = currencyAfter(rest);
    add({ text: s.slice(start, end), value, kind: after.money ? 'money' : 'count', currency: after.currency, start, end_: end });
  }

  // Month names next to a year or a day: "April 2019", "30 June".
  for (const m of matchForm(stripMarkers(text)).matchAll(/\b([a-z]+)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b|\b\d{1,2}\s+([a-z]+)\b/g)) {
    const name = m[1] ?? m[2]!;
    const month = ENGLISH_MONTHS[name];
    if (month) out.push({ text: name, value: month, kind: 'count', start: m.index!, end_: m.index! + m[0].length });
  }

  out.sort((a, b) => a.start - b.start);
  return out.map(({ start: _s, end_: _e, ...rest }) => rest);
}

const EPS = 1e-9;

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Does the passage figure `p` state the answer figure `a`? Equal value; a percentage only matches
 * a percentage; a financial year matches the same financial year; currencies must agree when both
 * are known. A bare year in the answer may match either year of a passage's financial year.
 */
export function sameNumber(a: NumberMention, p: NumberMention): boolean {
  if (a.currency && p.currency && a.currency !== p.currency) return false;
  if (a.kind === 'percent' && p.kind !== 'percent') return false;
  if (a.kind === 'fiscal-year') return p.kind === 'fiscal-year' && p.value === a.value && p.end === a.end;
  if (p.kind === 'fiscal-year') return sameValue(a.value, p.value) || sameValue(a.value, p.end ?? NaN);
  return sameValue(a.value, p.value);
}

/** Passage figures, read loosely; in a passage a bare 元 is Hong Kong dollars. */
export function passageNumbers(passages: string[]): NumberMention[] {
  return passages.flatMap((p) =>
    extractNumbers(p, { loose: true }).map((n) => (n.kind === 'money' && !n.currency ? { ...n, currency: 'HKD' as const } : n)),
  );
}

/** True when the passage figures state `n` (a financial year also by both of its years). */
export function isStated(n: NumberMention, known: NumberMention[]): boolean {
  if (known.some((p) => sameNumber(n, p))) return true;
  if (n.kind === 'fiscal-year') {
    const years = known.filter((p) => p.kind !== 'percent' && p.kind !== 'money');
    return years.some((p) => sameValue(p.value, n.value)) && years.some((p) => sameValue(p.value, n.end ?? NaN));
  }
  return false;
}

/** The first figure in `sentence` that none of `passages` states, or null when all are stated. */
export function unsupportedNumber(sentence: string, passages: string[]): NumberMention | null {
  const known = passageNumbers(passages);
  for (const n of extractNumbers(sentence)) {
    if (!isStated(n, known)) return n;
  }
  return null;
}
