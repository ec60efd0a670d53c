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
    // Latin terms: whole words, optional plural; CJK terms: plain substrings.
    const pattern = latin
      ? new RegExp(`(?<![a-z0-9])${escapeRegExp(term)}(?:s|es)?(?![a-z0-9])`, 'g')
      : new RegExp(escapeRegExp(term), 'g');
    entries.push({ term, expansions, latin, acronym: /^[A-Z][A-Z0-9&]{1,7}$/.test((rawTerm ?? '').trim()), pattern });
  }
  // Longest first, so "science park" wins over "park" and overlapping shorter terms are skipped.
  return entries.sort((a, b) => b.term.length - a.term.length);
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
    if (!normalized.includes(e.term)) continue;
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
