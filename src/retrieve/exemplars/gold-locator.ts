import type { Passage } from '../../ingest/types.js';
import { type Steps, drain } from '../../util/cooperative.js';

/** Where a gold string is: a passage and offsets in its text. */
export interface GoldSpan {
  passage: Passage;
  start: number;
  end: number;
}

/** Gold strings are looked up by their first characters; shorter ones are too unspecific to place. */
const KEY_LENGTH = 4;
/** Places kept per gold string: the sheet states a sentence once, copies of it (editions, decoys) add nothing. */
const MAX_PLACES = 3;

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * Finds many gold strings (whitespace ignored) in the passages in one pass over their text: each
 * position's first characters are looked up among the golds', so the cost grows with the corpus once,
 * not once per gold string (thousands of exemplars × a large corpus).
 */
export function locateGolds(golds: Iterable<string>, passages: Iterable<Passage>): Map<string, GoldSpan[]> {
  return drain(locatingGolds(golds, passages));
}

/** `locateGolds` as steps: one per passage. */
export function* locatingGolds(golds: Iterable<string>, passages: Iterable<Passage>): Steps<Map<string, GoldSpan[]>> {
  const byKey = new Map<string, string[]>();
  const found = new Map<string, GoldSpan[]>();
  for (const g of new Set([...golds].map(compact))) {
    if (g.length < KEY_LENGTH) continue;
    const key = g.slice(0, KEY_LENGTH);
    byKey.set(key, [...(byKey.get(key) ?? []), g]);
  }
  if (byKey.size === 0) return found;
  for (const passage of passages) {
    yield;
    let text = '';
    const offsets: number[] = [];
    for (let i = 0; i < passage.text.length; i++) {
      if (/\s/.test(passage.text[i]!)) continue;
      text += passage.text[i];
      offsets.push(i);
    }
    for (let at = 0; at + KEY_LENGTH <= text.length; at++) {
      const candidates = byKey.get(text.slice(at, at + KEY_LENGTH));
      if (!candidates) continue;
      for (const g of candidates) {
        if (!text.startsWith(g, at)) continue;
        const places = found.get(g) ?? [];
        if (places.length >= MAX_PLACES || places.some((p) => p.passage.id === passage.id)) continue;
        places.push({ passage, start: offsets[at]!, end: offsets[at + g.length - 1]! + 1 });
        found.set(g, places);
      }
    }
  }
  return found;
}

/** The places of one gold string, as `locateGolds` keyed them. */
export function placesOf(found: ReadonlyMap<string, GoldSpan[]>, gold: string): GoldSpan[] {
  return found.get(compact(gold)) ?? [];
}
