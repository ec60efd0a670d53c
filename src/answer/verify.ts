import { distinctMarkers, markersIn, replaceMarkers } from '../contract/markers.js';
import { normalizeForMatch } from '../text/normalize.js';

export type Verdict = { ok: true; markers: number[] } | { ok: false; reason: string };

// Numbers as written with digits (47,000 / 4.4 / 2022/23); Chinese-numeral figures are not checked.
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Checks an LLM answer against the passages it was given: it cites at least one passage, every
 * [n] refers to a passage that exists, and every number it states appears in a passage it cites.
 */
export function verifyAnswer(answer: string, passages: string[]): Verdict {
  const markers = markersIn(answer);
  if (markers.length === 0) return { ok: false, reason: 'the answer cites no passage' };
  const bad = markers.filter((n) => n < 1 || n > passages.length);
  if (bad.length) return { ok: false, reason: `the answer cites passage(s) [${[...new Set(bad)].join('], [')}] that were not given` };
  const cited = [...new Set(markers)].map((n) => normalizeForMatch(passages[n - 1]!).replace(/\s+/g, ''));
  const body = normalizeForMatch(replaceMarkers(answer, () => ' '));
  for (const [num] of body.matchAll(NUMBER)) {
    const digits = num.replace(/,/g, '');
    if (!cited.some((p) => p.includes(digits))) {
      return { ok: false, reason: `the number ${num} does not appear in any cited passage` };
    }
  }
  return { ok: true, markers: distinctMarkers(answer) };
}
