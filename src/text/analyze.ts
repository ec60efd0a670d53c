import { normalizeForMatch } from './normalize.js';
import { knownWord, segment, segmentPrecise } from './segment.js';
import { stopWords } from './stopwords.js';
import { type EnglishDictionary, VAGUE_ENGLISH_WORDS, expandEnglish } from './english-dictionary.js';
import { QUOTED_NAME, numberedVariants } from './quoted-names.js';
import { descriptionSpans, within } from './descriptions.js';
import { findSynonyms } from './synonyms.js';

/** Dictionary translations per English word: the first few are the best fits, the rest mostly noise. */
const MAX_DICTIONARY_EXPANSIONS = 3;
const TIME_WORD = /(今天|明天|昨天|今日|聽日|尋日|今年|明年|去年|今晚|星期|禮拜|週末|周末|早上|晚上|下午)/;
/** Words of relative position (旁邊 "beside"): CEDICT's senses ("side") give them another word's meaning (方面 "aspect"). */
const POSITION_WORD = /^(旁邊|隔籬|附近|對面|周邊|周圍|一帶|裏面|裡面|外面|上面|下面|前面|後面|側邊)$/;

const HAN = /\p{Script=Han}/u;
/** Modal, aspect and copula characters (and 給 "to", 每/各 "each", 又/還/仲/亦/再 "again, also"), which jieba's guesses at unknown runs glue to a neighbour. */
const FUNCTION_CHAR = /[會要可能將已被在有是就都也給每各來又還仲亦再]/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const CONTENT = /[\p{L}\p{N}]/u;
/** Prefix keeping character bigrams apart from jieba words (a bigram 科技 ≠ the word 科技). */
const BIGRAM = '~';
/** Purely grammatical characters: a bigram containing one matches across words by accident. */
const GRAMMAR_CHARS = new Set([...'的嘅了咗嗎呢吗呀啊喎啦囉嘛吧咩乜係喺冇唔佢啲嗰咁之其及與和或在有是']);

function isContentToken(t: string, stops: Set<string>): boolean {
  return CONTENT.test(t) && !stops.has(t);
}

/** Overlapping character bigrams of each Han run: unknown words still match piecewise. */
export function hanBigrams(text: string, stops: Set<string> = stopWords()): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bg = run.slice(i, i + 2);
      if (!stops.has(bg) && !GRAMMAR_CHARS.has(bg[0]!) && !GRAMMAR_CHARS.has(bg[1]!)) out.push(BIGRAM + bg);
    }
  }
  return out;
}

/** Index-time tokens of a passage (or of the synonym-expanded query): jieba words + Han bigrams. */
export function tokensForIndex(text: string): string[] {
  return tokensOfNormalized(normalizeForMatch(text));
}

/** tokensForIndex of text already passed through normalizeForMatch (ingest normalises each passage once). */
export function tokensOfNormalized(norm: string): string[] {
  const stops = stopWords();
  const words = segment(norm)
    .map((t) => t.trim())
    .filter((t) => isContentToken(t, stops));
  return [...words, ...hanBigrams(norm, stops)];
}

/**
 * One thing the question asks about. It is answered by a passage containing any of `alternatives`
 * (normalised strings). Used for the "nothing here answers this" signal and sentence scoring.
 */
export interface Concept {
  label: string;
  alternatives: string[];
  /** Where the alternatives come from: the hand-written glossary, the CC-CEDICT dictionary, or the word itself. */
  source: 'glossary' | 'dictionary' | 'word';
  /** An English word for a thing no document mentions: the Chinese word for it (CC-CEDICT), which none uses. */
  absent?: string;
  /** The question uses it to describe a thing (「位於港島南區…的那個科技園區」), not to ask about it. */
  described?: true;
}

/** Whether a text in matching form without spaces names the concept (any of its alternatives, spaces dropped). */
export function namedIn(compactText: string, c: Concept): boolean {
  return c.alternatives.some((a) => compactText.includes(a.replace(/\s+/g, '')));
}

export interface AnalyzeOptions {
  /** English → Chinese expansions for English words the glossary lacks. */
  english?: EnglishDictionary;
}

export interface AnalyzedQuery {
  normalized: string;
  /** BM25 tokens: the question's own plus its synonym expansions. */
  tokens: string[];
  concepts: Concept[];
  expansions: string[];
  /** Where `normalized` describes a thing instead of naming it (src/text/descriptions.ts). */
  descriptions: Array<[number, number]>;
}

/** Normalises, expands synonyms, segments, and lists the question's content concepts. */
export function analyzeQuery(question: string, opts: AnalyzeOptions = {}): AnalyzedQuery {
  const normalized = normalizeForMatch(question);
  const stops = stopWords();
  // "it" the pronoun is not IT the field, nor "most" the Ministry (MOST): an acronym counts only in capitals.
  const glossary = findSynonyms(normalized)
    .filter((h) => !h.acronym || new RegExp(`(?<![A-Za-z])${h.term.toUpperCase()}(?![a-z])`).test(question))
    .map((h) => ({ ...h, source: 'glossary' as const }));
  // English words the glossary does not know fall back to the general dictionary.
  const dictionary = opts.english
    ? expandEnglish(normalized, opts.english, { covered: glossary, stopWords: stops, maxExpansions: MAX_DICTIONARY_EXPANSIONS }).map((h) => ({
        ...h,
        source: 'dictionary' as const,
      }))
    : [];
  const hits = [...glossary, ...dictionary];
  const expansions = hits.flatMap((h) => h.expansions);
  const covered = new Uint8Array(normalized.length);
  const descriptions = descriptionSpans(normalized);
  const described = (start: number, end: number) => (within(descriptions, start, end) ? { described: true as const } : {});
  const concepts: Concept[] = [];
  for (const h of hits) {
    covered.fill(1, h.start, h.end);
    // Colloquial particles map to stop words: they mark the span as read but ask about nothing.
    const alts = [h.term, ...h.expansions].filter((a) => !stops.has(a));
    if (alts.length > 0) concepts.push({ label: h.term, alternatives: [...new Set(alts)], source: h.source, ...described(h.start, h.end) });
  }
  // A quoted name (「一區兩園」) is one thing asked about, however jieba cuts it (its words count too),
  // its digits read as numerals too (「从0到1」 is 「從零到一」).
  for (const m of normalized.matchAll(QUOTED_NAME)) {
    const name = m[1]!.replace(/\s+/g, '');
    if (!covered.subarray(m.index! + 1, m.index! + 1 + m[1]!.length).every((x) => x === 1)) {
      concepts.push({ label: name, alternatives: numberedVariants(name), source: 'word' });
    }
  }
  let offset = 0;
  for (const word of segmentPrecise(normalized)) {
    const start = normalized.indexOf(word, offset);
    const end = start + word.length;
    offset = start >= 0 ? end : offset;
    // 「投了」, 「批咗」: the verb asks, its aspect particle does not (jieba keeps some such pairs whole).
    const t = word.trim().replace(/^(\p{Script=Han})(了|咗)$/u, '$1');
    if (!isContentToken(t, stops)) continue;
    if (start >= 0 && covered.subarray(start, end).every((x) => x === 1)) continue;
    // Single Han characters are mostly grammar; keep only multi-character words and Latin/number tokens.
    if (HAN.test(t) && t.length < 2) continue;
    // 「園區內會設…」 → 內會, 「幾多間會受惠」 → 間會, 「兩地又簽咗」 → 又簽: jieba's guess at a run it does not
    // know, joining a modal, copula or adverb to its neighbour, is no word a passage could use.
    if (HAN.test(t) && t.length === 2 && FUNCTION_CHAR.test(t) && !knownWord(t)) continue;
    // A lone letter is the remains of an apostrophe ("what's", "Hong Kong's"), not a word.
    if (/^[a-z]$/.test(t)) continue;
    // Nor is a light verb, a vague noun or a month ("want", "things", "March 2023": the figure is read as a date).
    if (VAGUE_ENGLISH_WORDS.has(t)) continue;
    // A word the corpus never uses may still mean one it does (舉措 → 措施); not time or position words (明天, 旁邊).
    const synonyms = opts.english && !TIME_WORD.test(t) && !POSITION_WORD.test(t) ? opts.english.synonymsOf(t) : [];
    // (…and a word made a verb or adjective by 化 means what its stem does: 智能化生產線 are 智能生產線. The
    // question's own word still, 再工業化 as written.)
    const stem = /^(\p{Script=Han}{2,})化$/u.exec(t)?.[1];
    if (synonyms.length) {
      concepts.push({ label: t, alternatives: [t, ...synonyms], source: 'dictionary', ...described(start, end) });
      expansions.push(...synonyms);
    } else if (stem) {
      concepts.push({ label: t, alternatives: [t, stem], source: 'word', ...described(start, end) });
      expansions.push(stem);
    } else {
      const absent = opts.english && /^[a-z]+$/.test(t) ? opts.english.absentThing(t) : undefined;
      concepts.push({ label: t, alternatives: [t], source: 'word', ...(absent ? { absent } : {}), ...described(start, end) });
    }
  }
  const tokens = tokensForIndex([question, ...expansions].join(' '));
  return { normalized, tokens, concepts: dedupeConcepts(concepts), expansions, descriptions };
}

function dedupeConcepts(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.alternatives.join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
