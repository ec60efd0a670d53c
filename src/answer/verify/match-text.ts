/**
 * Text forms the verification modules compare: the project's matching normalisation
 * (normalizeForMatch: NFKC, Simplified → HK Traditional, no thousands separators, lower case)
 * plus dash and apostrophe folding.
 */
import { normalizeForMatch } from '../../text/normalize.js';
import { escapeRegExp } from '../../util/regexp.js';

/** Dashes and apostrophes folded so quoted names match whatever the model typed. */
const PUNCTUATION: Record<string, string> = { '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2500': '-', '\u2019': "'" };
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'gu');

/** Matching form: normalizeForMatch plus punctuation folding; whitespace runs become one space. */
export function matchForm(text: string): string {
  return normalizeForMatch(text)
    .replace(PUNCTUATION_RE, (c) => PUNCTUATION[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matching form without any whitespace, for substring tests on Chinese text. */
export function compactForm(text: string): string {
  return matchForm(text).replace(/\s+/g, '');
}

/** Cited passages prepared once per sentence: spaced and compact matching forms. */
export interface CitedText {
  spaced: string;
  compact: string;
}

export function citedText(passages: string[]): CitedText {
  const spaced = passages.map(matchForm).join('\n');
  return { spaced, compact: spaced.replace(/\s+/g, '') };
}

/** True when `needle` (already in matching form) occurs in the cited text, ignoring whitespace. */
export function citedContains(cited: CitedText, needle: string): boolean {
  const n = needle.replace(/\s+/g, '');
  return n.length > 0 && cited.compact.includes(n);
}

/** True when a Latin word or phrase (matching form) occurs in the cited text as whole words. */
export function citedHasLatin(cited: CitedText, phrase: string): boolean {
  const p = phrase.trim();
  if (!p) return false;
  const esc = escapeRegExp(p).replace(/\s+/g, '\\s*');
  return new RegExp(`(?<![a-z0-9])${esc}(?![a-z0-9])`).test(cited.spaced);
}

export const HAN = /\p{Script=Han}/u;
