/**
 * Key terms of quoted Chinese sentences, glossed in English for readers who asked in English.
 *
 * Extractive mode quotes the documents verbatim, in Chinese; without a translation model the most a
 * faithful reply can add is what each figure and thing in the quote is called in English. Figures
 * are rendered in digits (140億元 → HK$14 billion, 九成 → 90%, 2021年6月 → June 2021); names and
 * nouns take the hand-written glossary's English (lexicon/, Hong Kong names) or else their first
 * CC-CEDICT sense. Verbs only fill the room things leave, and adverbs and particles are left alone:
 * a word-for-word gloss of them misleads.
 */
import type { AskKind } from '../retrieve/question/asks.js';
import { englishMonth } from './messages.js';
import { matchForm } from './verify/match-text.js';
import { type NumberMention, extractNumbers, parseChineseNumber } from './verify/numbers.js';
import { NAMES_FILE } from './verify/entities.js';
import { lexiconLines } from '../text/lexicon.js';
import { parseSynonyms } from '../text/synonyms.js';
import { type EnglishDictionary, englishLemmaCandidates } from '../text/english-dictionary.js';
import { normalizeForMatch } from '../text/normalize.js';
import { hasName, isPlace, namesBody, tagWords } from '../text/segment.js';
import { escapeRegExp } from '../util/regexp.js';

export interface KeyTerm {
  /** As quoted: matching form (HK Traditional, half-width digits), Latin letters as the sentence writes them (「B 輪」). */
  chinese: string;
  english: string;
  /** Where the English comes from (CC-CEDICT is credited when it is used). */
  source: 'figure' | 'glossary' | 'cc-cedict';
}

/** Terms per reply: enough for the figures and things of a few sentences, short enough to read. */
const MAX_TERMS = 20;
/** …of which verbs and adjectives fill only what room is left below this (「提供」 "offer" says little). */
const MAX_WITH_MODIFIERS = 13;
/**
 * Nouns, names, set phrases, abbreviations, place words (海外/s), times (年底/t), attributives
 * (一站式/b), adjectives (最低/a, 安全/an), verbs and determiners that say something (本地/r "local");
 * not adverbs, pronouns or particles.
 */
const TERM_TAG = /^(?:n|nr|nrt|nrfg|ns|nt|nz|nw|vn|an|j|l|s|t|b|a|v|r)$/;
/** Used as a noun: its noun senses first. */
const NOUN_TAG = /^(?:n|nr|nrt|nrfg|ns|nt|nz|nw|vn|an|j|l|s|t)$/;
/** Verbs and adjectives: they say less of a quote than its things, so they fill what room the things leave. */
const MODIFIER_TAG = /^(?:v|a)$/;
/** Words every reply of this service carries: glossing them tells the reader nothing. */
const HOME_WORDS = new Set(['香港', '政府', '特區政府', '香港特區政府', '本港']);
/** A date the documents write in Chinese: 2021年6月(30日). */
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;
/** A share said in words (「一半」): a figure, "half". */
const HALF = /一半|半數/g;
const HAN_NUMERAL = /[零〇一二兩三四五六七八九十百千萬億成]/;
/** How long: 兩年 → "2 years", 六個月 → "6 months" (not a year: 2023年). */
const DURATION = /(?<![\d零〇一二兩三四五六七八九十])([零〇一二兩三四五六七八九十]+|\d{1,2})\s*(年|個月)(?![度代底初中內])/g;
/** A ratio: 「2（政府）：1（企業）」, 「一比一」, 「一對一」. */
const RATIO = /(\d+|[一二兩三四五六七八九十])\s*(?:[（(][^）)]{1,6}[）)])?\s*[：:比對]\s*(\d+|[一二兩三四五六七八九十])(?:\s*[（(][^）)]{1,6}[）)])?/gu;
/** A span of years or months: 五至十年 → "5 to 10 years". */
const SPAN = /([零〇一二兩三四五六七八九十\d]+)\s*[至到]\s*([零〇一二兩三四五六七八九十\d]+)\s*(年|個月)/g;

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** 1.58e9 → "1.58 billion", 21000 → "21,000". */
export function englishAmount(value: number): string {
  const scaled = (v: number, unit: string) => `${Number(v.toFixed(3))} ${unit}`;
  if (value >= 1e9) return scaled(value / 1e9, 'billion');
  if (value >= 1e6) return scaled(value / 1e6, 'million');
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** A figure as an English reader writes it, or null for one already in digits (2023, 28). */
export function figureInEnglish(m: NumberMention): string | null {
  if (!HAN_NUMERAL.test(m.text) && m.kind !== 'ordinal') return null;
  switch (m.kind) {
    case 'percent':
      return `${m.value}%`;
    case 'ordinal':
      return ordinal(m.value);
    case 'money': {
      const prefix = m.currency === 'USD' ? 'US$' : m.currency === 'RMB' ? 'RMB ' : 'HK$';
      return `${prefix}${englishAmount(m.value)}`;
    }
    case 'count':
      return englishAmount(m.value);
    default:
      return null;
  }
}

/**
 * The hand-written glossary read backwards, in file order (each file lists a thing's usual English
 * name first; the names file before the query glossary): a Chinese word → the English terms for it.
 */
function glossaryNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const entries = [...lexiconLines(NAMES_FILE), ...lexiconLines('synonyms.tsv')].flatMap((line) => parseSynonyms([line]));
  // The lexicon writes acronyms in lower case: "gba" is one, as the initials of "greater bay area", which
  // also renders 大灣區; inside a longer name it is written in capitals ("GBA Youth Employment Scheme").
  const initials = new Set(entries.filter((e) => e.latin && e.term.includes(' ')).flatMap((e) => e.expansions.map((zh) => `${zh}\t${e.term.split(/[\s-]+/).map((w) => w[0]).join('')}`)));
  const acronyms = new Set(entries.filter((e) => e.latin && /^[a-z]{2,6}$/.test(e.term) && e.expansions.some((zh) => initials.has(`${zh}\t${e.term}`))).map((e) => e.term));
  const capitalsOf = (term: string) => term.replace(/\b[a-z]{2,6}\b/g, (w) => (acronyms.has(w) ? w.toUpperCase() : w));
  for (const e of entries) {
    if (!e.latin || !/^[a-z][a-z' -]*[a-z]$/.test(e.term) || /\b(?:for|of|to|in|on|at|by|with|from)$/.test(e.term)) continue;
    const zh = e.expansions[0]!;
    // (A name holding Latin letters is one when its Chinese is more than a word: 「香港 X 科技創業平台」, not InnoHK.)
    if (zh.length < 2 || (/[a-z]/.test(zh) && (zh.match(/\p{Script=Han}/gu) ?? []).length < 4)) continue;
    out.set(zh, [...(out.get(zh) ?? []), e.acronym ? e.term.toUpperCase() : capitalsOf(e.term)]);
  }
  // A long name's English in words before its acronym, which the names file writes in lower case
  // (汽車科技研發中心: "automotive platforms and application systems", not "apas").
  for (const [zh, terms] of out) if (zh.length >= 5) out.set(zh, [...terms.filter((t) => t.includes(' ')), ...terms.filter((t) => !t.includes(' '))]);
  // (…and a name holding Latin letters by its fullest English, those letters in capitals as the sheet writes
  // them: "Hong Kong X-Tech Startup Platform", not the verifier's "hong kong x"; "Knowing More About IT".)
  for (const [zh, terms] of out) {
    const latin = zh.match(/[a-z]+/g);
    if (!latin) continue;
    const capitals = new RegExp(`\\b(?:${latin.join('|')})\\b`, 'g');
    out.set(zh, terms.map((t) => t.replace(capitals, (w) => w.toUpperCase())).sort((a, b) => b.length - a.length));
  }
  return out;
}

/** Where the fact sheet's own English for its recurring terms is written (商品化: commercialisation). */
export const GLOSSES_FILE = 'glosses-en.tsv';

/**
 * lexicon/glosses-en.tsv: a Chinese term → the English the government's publications use for it,
 * which outranks CC-CEDICT's sense (商品化 "commodification") and the query glossary's loose terms.
 */
export function preferredGlosses(): Map<string, string> {
  return parseGlosses(lexiconLines(GLOSSES_FILE));
}

/** The lines of glosses-en.tsv, checked: a malformed or repeated line is an error, not a silent skip. */
export function parseGlosses(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const [written, en, ...rest] = line.split('\t');
    // (A term may hold Latin letters as the sheet writes it: 「B 輪」.)
    if (!written || !en || rest.length || !/^[\p{Script=Han}A-Za-z0-9 ]{2,}$/u.test(written) || !/\p{Script=Han}/u.test(written) || !/^[A-Za-z][A-Za-z&' -]*[A-Za-z]$/.test(en)) {
      throw new Error(`${GLOSSES_FILE}: expected "chinese<TAB>english" (English in letters, spaces, & ' -), got "${line}"`);
    }
    const zh = normalizeForMatch(written);
    if (out.has(zh)) throw new Error(`${GLOSSES_FILE}: ${written} is listed twice`);
    out.set(zh, en);
  }
  return out;
}

/** A term with Latin letters as the sentence writes it (「B 輪」, 「香港 X 科技創業平台」), not in matching form. */
function writtenAs(term: string, sentence: string): string {
  // (Matching form drops the space between Chinese and Latin letters, which the sentence may keep.)
  const pattern = [...term.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*');
  return sentence.match(new RegExp(pattern, 'iu'))?.[0] ?? term;
}

/** Capitalises a name's words ("cyberport" → "Cyberport"), leaving acronyms and small words alone. */
function titleCase(name: string): string {
  return name.replace(/\b([a-z])([a-z]*)/g, (w, a: string, b: string) => (/^(?:and|of|the|for|in|on|to|a|an)$/.test(w) ? w : a.toUpperCase() + b));
}

/** A pronoun's or determiner's English (其中 "among", 這些 "these"): 本地 "local" and 本科 "undergraduate" are kept. */
const FUNCTION_WORD = /^(?:among|per|every|each|these|those|this|that|they|them|it|its|all|other|which|what|who|some|any|such)\b/i;

/** A sense as shown: "to educate" → "educate". */
const bare = (sense: string) => sense.replace(/^to /, '');
/** An English phrase's words, lower case. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
const stems = (sense: string) => wordsOf(bare(sense)).map((w) => w.slice(0, 5));

/**
 * A word's first sense, and its second when it is the same part of speech and says something the
 * first does not (願望 "desire, wish", 新興 "rising, emerging"): CEDICT's first sense is often not the
 * one a sheet means. Not "education, educate".
 */
function shownSenses(senses: string[]): string {
  const [first, second] = senses;
  const sameKind = second !== undefined && first!.startsWith('to ') === second.startsWith('to ');
  const seen = new Set(stems(first!));
  if (!sameKind || bare(second).split(' ').length > 2 || stems(second).some((w) => seen.has(w))) return bare(first!);
  return `${bare(first!)}, ${bare(second)}`;
}

/** A thing's name or a noun, not a verb the glossary happens to list (提供 "provide"). */
function termLike(zh: string): boolean {
  const tags = tagWords(zh);
  return tags.length !== 1 || (TERM_TAG.test(tags[0]!.tag) && !MODIFIER_TAG.test(tags[0]!.tag));
}

export class KeyTerms {
  private names: Map<string, string[]> | null = null;
  private readonly preferred = preferredGlosses();
  /** Longest Chinese glossary words first, for scanning a sentence. */
  private namesByLength: string[] = [];

  /**
   * @param mentions how many passages mention a word: the rarer a word, the more it says about this
   *   quote (創新斗室 before 科技), so the rarest terms are kept when there are too many.
   */
  constructor(
    private readonly english: EnglishDictionary,
    private readonly mentions: (word: string) => number = () => 0,
  ) {}

  private glossary(): Map<string, string[]> {
    if (!this.names) {
      // (The preferred English first, so a term only it lists, 技術轉移, is found in a quote as one word.)
      const names = glossaryNames();
      for (const [zh, en] of this.preferred) names.set(zh, [en, ...(names.get(zh) ?? [])]);
      this.names = names;
      this.namesByLength = [...this.names.keys()].sort((a, b) => b.length - a.length);
    }
    return this.names;
  }

  /**
   * A word's English: the CC-CEDICT sense the glossary lists (全球: "global"), else one it agrees with (數碼: "digital", not the first
   * sense "number"; 內地: "mainland China", not "inland"; 中小企業: "small and medium enterprise",
   * fuller than the glossary's "small and medium"), else a glossary term CEDICT renders by the word or
   * that names the same kind of thing (中學: "secondary school", CEDICT's "middle school"),
   * else CEDICT's first sense, else the glossary's (Hong Kong names CEDICT lacks: 科技券).
   */
  private gloss(zh: string, terms: string[], noun: boolean): [string, KeyTerm['source']] {
    const preferred = this.preferred.get(zh);
    if (preferred) return [preferred, 'glossary'];
    const senses = this.sensesFor(zh, noun);
    // A sense the glossary lists word for word, its usual name first (全球: "global", not "the whole world").
    // (…in any of its forms: "launched" lists 推出's "to launch".)
    const exact = terms
      .map((t) => {
        const forms = [t.toLowerCase(), ...englishLemmaCandidates(t.toLowerCase())];
        return senses.find((s) => forms.includes(bare(s).toLowerCase()));
      })
      .find(Boolean);
    const agreeing = exact ?? senses.find((s) => terms.some((t) => wordsOf(t).every((w) => wordsOf(s).includes(w))));
    if (agreeing) return [bare(agreeing), 'cc-cedict'];
    // (…or the glossary's Hong Kong name of the same thing: 中學 "secondary school", CEDICT's "middle school".)
    const head = (t: string) => wordsOf(t).at(-1);
    const first = senses.length ? bare(senses[0]!) : '';
    const sameThing = wordsOf(first).length > 1 ? terms.find((t) => wordsOf(t).length > 1 && head(t) === head(first)) : undefined;
    const named = terms.find((t) => this.english.get(t)?.includes(zh)) ?? sameThing ?? (senses.length ? undefined : terms[0]);
    // (A name of four words or more is a proper name however jieba tags it: "Office for Attracting Strategic Enterprises".)
    if (named) return [hasName(zh) || wordsOf(named).length >= 4 ? titleCase(named) : named, 'glossary'];
    return [shownSenses(senses), 'cc-cedict'];
  }

  /** A word's senses, a noun's (教育 "education", not "to educate") first when it is used as one. */
  private sensesFor(zh: string, noun: boolean): string[] {
    const senses = this.english.sensesOf(zh);
    return noun ? [...senses.filter((s) => !s.startsWith('to ')), ...senses.filter((s) => s.startsWith('to '))] : [...senses];
  }

  /**
   * The figures, names and nouns of the quoted sentences with their English, in reading order. When
   * there are too many, figures are kept first, then places or bodies when the question asks where or
   * who (`wanted`), then what the question did not already name (`asked`: its words, matching form),
   * rarest first.
   */
  of(sentences: string[], asked: ReadonlySet<string> = new Set(), wanted: ReadonlyArray<AskKind> = []): KeyTerm[] {
    // The thing asked for comes right after the figures: a place for "where", a body for "who".
    const wantsPlace = wanted.includes('place');
    const wantsBody = wanted.includes('who') || wanted.includes('person');
    const isWanted = (zh: string) => (wantsPlace && isPlace(zh)) || (wantsBody && namesBody(zh));
    const names = this.glossary();
    const found: Array<KeyTerm & { order: number; rank: number; modifier: boolean }> = [];
    const seen = new Set<string>();
    let order = 0;
    // Figures first, then what is wanted, then what the question did not name, verbs and adjectives after things, rarest first.
    // (`shown`: the term as the sentence writes it, where that differs from its matching form.)
    const add = (chinese: string, english: string, source: KeyTerm['source'], modifier = false, shown = chinese) => {
      if (seen.has(chinese)) return;
      seen.add(chinese);
      // (A term the government's English names, 數字經濟 "digital economy", is one a reader needs before other things.)
      const base = asked.has(chinese) ? 2 : this.preferred.has(chinese) ? 0.75 : 1;
      const rank = source === 'figure' ? 0 : isWanted(chinese) ? 0.5 : (base + (modifier ? 0.5 : 0)) * 1e6 + this.mentions(chinese);
      found.push({ chinese: shown, english, source, order: order++, rank, modifier });
    };
    for (const sentence of sentences) {
      let text = matchForm(sentence).replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
      for (const m of text.matchAll(DATE)) {
        const [, y, mo, d] = m;
        if (Number(mo) < 1 || Number(mo) > 12) continue;
        const month = englishMonth(Number(mo));
        add(m[0].replace(/\s+/g, ''), d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`, 'figure');
      }
      text = text.replace(DATE, ' ');
      for (const m of text.matchAll(SPAN)) {
        const [from, to] = [parseChineseNumber(m[1]!), parseChineseNumber(m[2]!)];
        if (from !== null && to !== null && from < to) add(m[0].replace(/\s+/g, ''), `${from} to ${to} ${m[3] === '年' ? 'years' : 'months'}`, 'figure');
      }
      text = text.replace(SPAN, ' ');
      for (const m of text.matchAll(DURATION)) {
        const n = parseChineseNumber(m[1]!);
        if (n !== null && n > 0) add(m[0].replace(/\s+/g, ''), `${n} ${m[2] === '年' ? 'year' : 'month'}${n === 1 ? '' : 's'}`, 'figure');
      }
      text = text.replace(DURATION, ' ');
      // A ratio is one figure (「2（政府）：1（企業）」, 「一比一」: 2:1, 1:1), not two counts.
      for (const m of text.matchAll(RATIO)) {
        const [a, b] = [parseChineseNumber(m[1]!), parseChineseNumber(m[2]!)];
        if (a !== null && b !== null) add(m[0].replace(/\s+/g, ''), `${a}:${b}`, 'figure');
      }
      text = text.replace(RATIO, ' ');
      for (const m of extractNumbers(text)) {
        const english = figureInEnglish(m);
        if (english) add(m.text.replace(/\s+/g, ''), english, 'figure');
      }
      // A share in words is a figure too (「一半資助」: half of the funding).
      for (const m of text.matchAll(HALF)) add(m[0], 'half', 'figure');
      // Glossary names as written (可行性研究 is one name even where jieba cuts it in two).
      const covered: Array<[number, number]> = [];
      const norm = normalizeForMatch(text);
      for (const zh of this.namesByLength) {
        for (let i = norm.indexOf(zh); i >= 0; i = norm.indexOf(zh, i + zh.length)) {
          if (covered.some(([a, b]) => i < b && a < i + zh.length)) continue;
          if (HOME_WORDS.has(zh)) continue;
          // A verb the glossary lists (實習 "internship", 提供 "provide") keeps the glossary's sense but
          // ranks as a verb, and does not hide the longer words around it from the word-by-word pass.
          // (The government's own English for a term, 配對 "matching", is worth a place whatever its part of speech.)
          const thing = termLike(zh) || this.preferred.has(zh);
          if (thing) covered.push([i, i + zh.length]);
          const [english, source] = this.gloss(zh, names.get(zh)!, thing);
          add(zh, english, source, !thing, /[a-z]/.test(zh) ? writtenAs(zh, sentence) : zh);
        }
      }
      let at = 0;
      for (const { word, tag } of tagWords(norm)) {
        const start = norm.indexOf(word, at);
        at = start < 0 ? at : start + word.length;
        if (start >= 0 && covered.some(([a, b]) => start < b && a < start + word.length)) continue;
        if (word.length < 2 || !TERM_TAG.test(tag) || HOME_WORDS.has(word)) continue;
        const senses = this.sensesFor(word, NOUN_TAG.test(tag));
        const gloss = senses.length && !(tag === 'r' && FUNCTION_WORD.test(senses[0]!)) ? shownSenses(senses) : undefined;
        if (gloss) add(word, gloss, 'cc-cedict', MODIFIER_TAG.test(tag));
      }
    }
    return found
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .filter((t, i) => !t.modifier || i < MAX_WITH_MODIFIERS)
      .slice(0, MAX_TERMS)
      .sort((a, b) => a.order - b.order)
      .map(({ chinese, english, source }) => ({ chinese, english, source }));
  }
}
