import { lexiconLines } from './lexicon.js';
import { normalizeForMatch } from './normalize.js';
import { escapeRegExp } from '../util/regexp.js';

export interface SynonymEntry {
  term: string;
  expansions: string[];
  latin: boolean;
  /** Written in capitals in the lexicon (IT, MOST): an acronym, not the word "it" or "most". */
  acronym: boolean;
  pattern: RegExp;
  /** What every form contains ("subsid" of "subsidies"). */
  stem: string;
}

export interface SynonymHit {
  term: string;
  expansions: string[];
  /** Where the term matched in the normalised query, so its words are not counted twice. */
  start: number;
  end: number;
  acronym: boolean;
}

/** Entries of lexicon/synonyms.tsv lines: `term<TAB>expansion|expansion…`. */
export function parseSynonyms(lines: string[]): SynonymEntry[] {
  const entries: SynonymEntry[] = [];
  for (const line of lines) {
    const [rawTerm, rawExp] = line.split('\t');
    const term = normalizeForMatch((rawTerm ?? '').trim());
    const expansions = (rawExp ?? '')
      .split('|')
      .map((e) => normalizeForMatch(e.trim()))
      .filter(Boolean);
    if (!term || expansions.length === 0) continue;
    const latin = /^[\x20-\x7e]+$/.test(term);
    const acronym = /^[A-Z][A-Z0-9&]{1,7}$/.test((rawTerm ?? '').trim());
    // Latin terms: whole words, optional plural; CJK terms: plain substrings.
    const pattern = latin ? new RegExp(`(?<![a-z0-9])${acronym ? `${escapeRegExp(term)}s?` : inflected(term)}(?![a-z0-9])`, 'g') : new RegExp(escapeRegExp(term), 'g');
    entries.push({ term, expansions, latin, acronym, pattern, stem: latin && !acronym ? stemOf(term) : term });
  }
  // Longest first, so "science park" wins over "park" and overlapping shorter terms are skipped.
  return entries.sort((a, b) => b.term.length - a.term.length);
}

/** The term without a final y after a consonant, which its plural drops ("subsidy" → "subsidies"). */
function stemOf(term: string): string {
  return /[^aeiou]y$/.test(term) ? term.slice(0, -1) : term;
}

/**
 * A Latin term's pattern with its plural: "licences", "subsidies" (a consonant and y make -ies).
 * Not past or -ing forms: the glossary lists nouns and verbs alike, and "funded" is no 基金 (fund).
 */
function inflected(term: string): string {
  const stem = stemOf(term);
  return stem === term ? `${escapeRegExp(term)}(?:s|es)?` : `(?:${escapeRegExp(term)}s?|${escapeRegExp(stem)}ies)`;
}

let cache: SynonymEntry[] | null = null;
export function loadSynonyms(): SynonymEntry[] {
  cache ??= parseSynonyms(lexiconLines('synonyms.tsv'));
  return cache;
}

/** Finds synonym terms in an already-normalised query; Latin matches may not overlap each other. */
export function findSynonyms(normalized: string, entries = loadSynonyms()): SynonymHit[] {
  const hits: SynonymHit[] = [];
  const taken = new Uint8Array(normalized.length);
  for (const e of entries) {
    // A plain substring test first: most of the glossary is absent from any one text, and a regex
    // scan per entry made a long follow-up context cost ~1 ms.
    if (!normalized.includes(e.stem)) continue;
    for (const m of normalized.matchAll(e.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (e.latin && taken.subarray(start, end).some((x) => x === 1)) continue;
      if (e.latin) taken.fill(1, start, end);
      hits.push({ term: e.term, expansions: e.expansions, start, end, acronym: e.acronym });
    }
  }
  return hits;
}
