/**
 * Named entities a sentence mentions, and whether the passage(s) it cites mention them too:
 * titles in 《》「」『』, proper nouns (jieba's person/place/organisation/other-name tags), Latin
 * words in Chinese text, organisation names by suffix (…大學, …集團); in English text, Chinese
 * runs kept as names and capitalised names, which must map through lexicon/synonyms.tsv or
 * lexicon/verify-names-en.tsv to text of the cited passage (or appear in it themselves).
 */
import fs from 'node:fs';
import { lexiconLines } from '../../text/lexicon.js';
import { loadSegmenter, tagWords } from '../../text/segment.js';
import { type SynonymEntry, findSynonyms, loadSynonyms, parseSynonyms } from '../../text/synonyms.js';
import { type CitedText, citedContains, citedHasLatin, HAN, matchForm } from './match-text.js';

/** English names of the fact sheet's bodies and schemes, for checking English answers. */
export const NAMES_FILE = 'verify-names-en.tsv';

export type EntityKind = 'title' | 'proper-noun' | 'organisation' | 'partner' | 'latin' | 'han-name' | 'english-name';

export interface Entity {
  kind: EntityKind;
  /** In matching form. */
  text: string;
}

let lexicon: SynonymEntry[] | null = null;
/** synonyms.tsv and verify-names-en.tsv together, longest term first. */
export function nameLexicon(): SynonymEntry[] {
  if (!lexicon) {
    const own = parseSynonyms(lexiconLines(NAMES_FILE));
    lexicon = [...own, ...loadSynonyms()].sort((a, b) => b.term.length - a.term.length);
  }
  return lexicon;
}

/** Words every answer may use without the passage naming them: the fact sheet is about Hong Kong. */
const HOME_NAMES = new Set(['香港', '本港', '香港特區', '特區', '特區政府', '香港特區政府', '香港政府', '政府', '香港特別行政區', '特別行政區']);
const PROPER_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz']);
const ORG_SUFFIX = /(?:集團|銀行|大學|學院|研究院|研究所|醫院|協會|學會|交易所|基金會|聯盟|組織)$/;
/** Characters that start a clause or phrase, not a name. */
const GRAMMAR_FIRST = /^[並及與和在於將為由向而亦則且已會被把從就使讓令給]/;

/** Heads of organisation names: a listed noun phrase ending in one names a body. */
const ORG_HEAD = /(?:學院|大學|公司|集團|銀行|基金|機構|中心|協會|學會|組織|研究院|研究所|實驗室|委員會|交易所|醫院)$/;

let common: Set<string> | null = null;
/** Words jieba's dictionary counts 500 times or more: everyday words, not names. */
function commonWords(): Set<string> {
  if (!common) {
    const set = new Set<string>();
    for (const line of fs.readFileSync(loadSegmenter().dict, 'utf8').split('\n')) {
      const [w, f] = line.split(' ');
      if (w && Number(f) >= 500) set.add(w);
    }
    common = set;
  }
  return common;
}

/** Words of a listed noun phrase that look like names: tagged or unknown names, rare nouns. */
function nameLike(run: Array<{ word: string; tag: string }>): string[] {
  return run
    .filter((t) => !HOME_NAMES.has(t.word) && !commonWords().has(t.word) && (PROPER_TAGS.has(t.tag) || NOUN_TAGS.has(t.tag)))
    .map((t) => t.word);
}

/** Words before a listed or partner noun, and words after a partner (X與Y合作). */
const COORDINATORS = new Set(['與', '和', '及', '同', '跟', '、', '夥拍', '聯同', '連同', '聯合', '包括', '例如', '如', '以及', '伙拍']);
const NOUN_TAGS = new Set(['n', 'nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x', 'nl', 'ng']);
const TITLE = /[《「『“]([^《》「」『』“”]{1,60})[》」』”]/g;

/** Chinese sentence: titles, proper nouns, organisation names and Latin words, in matching form. */
export function chineseEntities(sentence: string): Entity[] {
  const text = matchForm(sentence);
  const out: Entity[] = [];
  for (const m of text.matchAll(TITLE)) {
    const inner = m[1]!.trim();
    if (HAN.test(inner) || /[a-z]/.test(inner)) out.push({ kind: 'title', text: inner });
  }
  const tagged = tagWords(text).map(({ word, tag }) => ({ word: word.trim(), tag }));
  tagged.forEach(({ word: w, tag }, k) => {
    if (!HAN.test(w) || [...w].length < 2 || HOME_NAMES.has(w)) return;
    if (PROPER_TAGS.has(tag)) {
      // A segmentation slip glues a grammar character to the next word (「並聯同」 → 並聯/ns 同):
      // check the word it cut instead.
      if (GRAMMAR_FIRST.test(w)) {
        const rest = w.slice(1);
        out.push({ kind: 'proper-noun', text: [...rest].length < 2 ? rest + (tagged[k + 1]?.word ?? '') : rest });
      } else out.push({ kind: 'proper-noun', text: w });
    }
    else if ([...w].length >= 4 && ORG_SUFFIX.test(w)) out.push({ kind: 'organisation', text: w });
  });
  // Noun phrases listed or named as partners (「與軟銀合作」「包括騰訊」「、香港工程科學院及」) are
  // names jieba may not tag: the phrase on each side of a coordinator, as its words.
  const isNoun = (i: number) => {
    const t = tagged[i];
    return t !== undefined && HAN.test(t.word) && [...t.word].length >= 2 && (NOUN_TAGS.has(t.tag) || HOME_NAMES.has(t.word));
  };
  tagged.forEach(({ word }, k) => {
    if (!COORDINATORS.has(word)) return;
    for (const dir of [1, -1]) {
      const run: Array<{ word: string; tag: string }> = [];
      for (let i = k + dir; isNoun(i) && run.length < 4; i += dir) run.push(tagged[i]!);
      if (dir < 0) run.reverse();
      if (run.length === 0) continue;
      // Runs whose names are already checked as proper nouns add nothing.
      const names = nameLike(run).filter((w) => !out.some((e) => e.text === w));
      if (names.length || (ORG_HEAD.test(run[run.length - 1]!.word) && run.length > 1)) {
        out.push({ kind: 'partner', text: run.map((t) => t.word).join(' ') });
      }
    }
  });
  for (const m of text.matchAll(/[a-z][a-z0-9&@.+'-]*[a-z0-9+]|[a-z]/g)) {
    out.push({ kind: 'latin', text: m[0] });
  }
  return dedupe(out);
}

/** Words that start English sentences or are capitalised without naming anything. */
const COMMON_CAPITALISED = new Set(
  `a an the this that these those there here it its in on at by for from of to with within without as about above after
  before during under over between among through throughout into onto since until upon via per plus both each every all
  some many most more much several few other another such no not yes and or but so yet also however moreover furthermore
  additionally meanwhile besides overall currently presently today now recently according based following regarding
  concerning including including together altogether alongside around nearly almost approximately roughly about over
  more than less some up down out while when where which who whom whose what why how if whether because although though
  once then thus therefore hence accordingly instead first second third finally lastly last next new its their they
  he she we you i our your his her them us one two three four five six seven eight nine ten eleven twelve twenty
  thirty forty fifty hundred thousand million billion january february march april may june july august september
  october november december monday tuesday wednesday thursday friday saturday sunday mid early late end beginning
  start to-date note please see yes answer source sources passage passages fact sheet according`.split(/\s+/),
);
/** Capitalised words that need no mapping: the home place and government, currencies. */
const HOME_WORDS = new Set(['hong', 'kong', 'hk', 'hksar', 'sar', 'government', 'govt', 'hk$', 'us$', 'rmb', 'hkd', 'usd', 'special', 'administrative', 'region', "kong's"]);
/** Head nouns of names: covered by the rest of the name ("Stanford University" stands or falls with "Stanford"). */
const GENERIC_HEADS = new Set(
  `park parks scheme schemes programme programmes program programs fund funds centre centres center centers index lab labs
  laboratory laboratories platform platforms committee council office project projects initiative initiatives plan blueprint
  policy statement network networks system systems limited ltd company companies corporation institute institutes university
  universities school schools college academy authority commission bureau department ministry agency hub zone area district
  city region service services award awards challenge week ranking rankings report survey budget strategy framework pilot
  foundation association group bank trust`.split(/\s+/),
);
const JOINERS = new Set(['of', 'and', '&', 'for', 'the', 'in', 'on', 'de', 'to']);
/** English morphology that marks a common word, not a name, at the start of a sentence. */
const COMMON_SUFFIX = /(?:ly|ing|ed|tion|sion|ment|ness|ity|ies|ers|ance|ence|ive|ous|ful|able|ible|al)$/;

interface Word {
  raw: string;
  lower: string;
  start: number;
}

function isCapitalised(w: string): boolean {
  return /^[A-Z]/.test(w) || /[a-z][A-Z]/.test(w) || /^[a-z]+[A-Z]/.test(w);
}

/** English sentence: Chinese runs (names kept in Chinese), capitalised name phrases, Latin names. */
export function englishEntities(sentence: string): Entity[] {
  const out: Entity[] = [];
  const norm = matchForm(sentence);
  for (const m of norm.matchAll(TITLE)) {
    const inner = m[1]!.trim();
    if (HAN.test(inner)) out.push({ kind: 'title', text: inner });
  }
  for (const m of norm.matchAll(/\p{Script=Han}+/gu)) out.push({ kind: 'han-name', text: m[0] });

  const nfkc = sentence.normalize('NFKC');
  const words: Word[] = [...nfkc.matchAll(/[A-Za-z0-9][A-Za-z0-9&@.'’+-]*[A-Za-z0-9+]|[A-Za-z]|&/g)]
    .filter((m) => /[A-Za-z&]/.test(m[0]) && !/^\d+(?:st|nd|rd|th|s)$/i.test(m[0]) && nfkc[m.index! + m[0].length] !== '$')
    .map((m) => {
      const raw = nameWord(m[0].replace(/[.'’]+$/, ''));
      return { raw, lower: raw.toLowerCase().replace(/’/g, "'"), start: m.index! };
    });
  let phrase: Word[] = [];
  const flush = () => {
    while (phrase.length && JOINERS.has(phrase[phrase.length - 1]!.lower)) phrase.pop();
    if (phrase.length) out.push({ kind: 'english-name', text: phrase.map((w) => w.lower).join(' ') });
    phrase = [];
  };
  words.forEach((w, i) => {
    const prev = words[i - 1];
    const gap = prev ? nfkc.slice(prev.start + prev.raw.length, w.start) : '';
    if (/[^\s&'’-]/.test(gap)) flush(); // a comma or bracket ends a name
    const atStart = i === 0 || /[.!?:;。！？]\s*$/.test(gap);
    const next = words[i + 1];
    const nextCap = next !== undefined && isCapitalised(next.raw) && !/[^\s&'’-]/.test(nfkc.slice(w.start + w.raw.length, next.start));
    const strongName = /[a-z][A-Z]|^[A-Z0-9&]{2,}$|\d/.test(w.raw); // InnoHK, iAM, MIT, 5G
    let name = false;
    if (strongName) name = !HOME_WORDS.has(w.lower);
    else if (COMMON_CAPITALISED.has(w.lower)) name = false;
    else if (isCapitalised(w.raw)) name = !atStart || nextCap || !COMMON_SUFFIX.test(w.lower);
    if (name) phrase.push(w);
    // Inside a name, joiners and capitalised common words continue it ("Knowing More About IT").
    else if (phrase.length && nextCap && (JOINERS.has(w.lower) || isCapitalised(w.raw))) phrase.push(w);
    else flush();
  });
  flush();
  return dedupe(out);
}

/**
 * The name part of a hyphenated word: "IT-related" → "IT", "AI-powered" → "AI"; a word the
 * lexicon knows whole stays whole ("Start-ups", "Re-industrialisation").
 */
function nameWord(raw: string): string {
  if (!raw.includes('-')) return raw;
  const parts = raw.split('-');
  if (!/^[A-Z0-9]/.test(parts[0]!)) return raw;
  let keep = parts.length;
  while (keep > 1 && /^[a-z]/.test(parts[keep - 1]!)) keep--;
  if (keep === parts.length) return raw;
  const lower = raw.toLowerCase();
  if (findSynonyms(lower, nameLexicon()).some((h) => h.start === 0 && h.end >= lower.length - 1)) return raw;
  return parts.slice(0, keep).join('-');
}

function dedupe(list: Entity[]): Entity[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = e.text;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Every lexicon term found in `text`, overlaps included: "Hong Kong Young Academy of Sciences"
 * holds both "young academy" and "academy of sciences" (findSynonyms keeps only one of them).
 */
function lexiconHits(text: string): Array<{ start: number; end: number; expansions: string[] }> {
  const out: Array<{ start: number; end: number; expansions: string[] }> = [];
  for (const e of nameLexicon()) {
    if (!e.latin) continue;
    for (const m of text.matchAll(e.pattern)) out.push({ start: m.index!, end: m.index! + m[0].length, expansions: e.expansions });
  }
  return out;
}

/** True when one of the lexicon expansions of `text` (a term found inside it) is in the cited text. */
function mapsToCited(text: string, cited: CitedText): boolean {
  return findSynonyms(text, nameLexicon()).some((h) => h.expansions.some((e) => citedContains(cited, e) || citedHasLatin(cited, e)));
}

/**
 * Does the cited text mention the entity? Chinese names by substring (also without a leading
 * 香港 and through the synonym lexicon); Latin words as whole words; an English name phrase when
 * it appears itself, or when each of its words is a home word, appears in the passage, or lies in
 * a lexicon term whose Chinese (or Latin) rendering the passage contains.
 */
export function entitySupported(entity: Entity, cited: CitedText): boolean {
  const t = entity.text;
  switch (entity.kind) {
    case 'partner': {
      // The listed phrase, or each of its words (home words aside), is in the passage.
      if (citedContains(cited, t)) return true;
      return t
        .split(' ')
        .filter((w) => !HOME_NAMES.has(w) && [...w].length >= 2)
        // A segmentation slip (「並聯同」 → 並聯/同) leaves a word whose characters are all there
        // (but for a grammar character in front).
        .every((w) => citedContains(cited, w) || mapsToCited(w, cited) || [...w.replace(GRAMMAR_FIRST, '')].every((c) => cited.compact.includes(c)));
    }
    case 'title':
    case 'proper-noun':
    case 'organisation':
    case 'han-name': {
      if (citedContains(cited, t)) return true;
      const bare = t.replace(/^(?:香港特區|香港|中國|國家)/, '');
      if (bare.length >= 2 && bare !== t && citedContains(cited, bare)) return true;
      if (entity.kind === 'title') return false; // titles are quoted exactly
      return mapsToCited(t, cited);
    }
    case 'latin':
      return citedHasLatin(cited, t) || citedContains(cited, t) || mapsToCited(t, cited);
    case 'english-name': {
      if (citedHasLatin(cited, t)) return true;
      const words = [...t.matchAll(/[^\s]+/g)].map((m) => ({ w: m[0], start: m.index!, end: m.index! + m[0].length }));
      const hits = lexiconHits(t).filter((h) => h.expansions.some((e) => citedContains(cited, e) || citedHasLatin(cited, e)));
      const covered = (w: string, start: number, end: number) =>
        citedHasLatin(cited, w) ||
        hits.some((h) => h.start <= start && h.end >= end) ||
        hits.some((h) => h.start <= start && h.end >= start + w.replace(/(?:'s|s)$/, '').length) ||
        // singular of a plural term ("enterprise" for "enterprises")
        lexiconHits(`${w}s`).some((h) => h.start === 0 && h.end === w.length + 1 && h.expansions.some((e) => citedContains(cited, e)));
      const substantive = words.filter(({ w }) => !JOINERS.has(w) && !HOME_WORDS.has(w) && !GENERIC_HEADS.has(w.replace(/'s$/, '')));
      // "the Park", "the Scheme": a generic head alone refers back; "Hong Kong University" names something.
      if (substantive.length === 0) {
        const home = words.some(({ w }) => HOME_WORDS.has(w));
        const head = words.some(({ w }) => GENERIC_HEADS.has(w.replace(/'s$/, '')));
        return !(home && head) || covered(t, 0, t.length);
      }
      return substantive.every(({ w, start, end }) => covered(w, start, end));
    }
  }
}
