import { sentenceSpans } from '../text/sentences.js';
import type { Concept } from '../text/analyze.js';
import type { FollowUpKind } from '../retrieve/follow-up.js';
import type { RetrievalResult } from '../retrieve/retriever.js';
import type { Passage } from '../ingest/types.js';

export interface SelectedSentence {
  passage: Passage;
  /** Rank of the passage in the retrieval result (0 = best). */
  rank: number;
  /** Sentence offsets within the passage text. */
  start: number;
  end: number;
  text: string;
  score: number;
}

type Coverage = (concepts: Concept[], text: string) => number;

const QUANTITY = /(多少|幾多|幾個|幾間|幾家|幾項|幾宗|幾所|幾隻|幾枚|幾條|幾成|金額|資金|how many|how much|number of|amount)/i;
const TIME = /(何時|幾時|甚麼時候|什麼時候|哪一年|哪年|邊年|幾時|when|what year|which year|what date|since when)/i;
const NUMBER = /[0-9０-９一二三四五六七八九十百千萬億兩]/;
const DATE = /\d{4}\s*年|\d{1,2}\s*月|\d{4}\/\d{2}/;

/** A pronoun follow-up (「它…」) is about the earlier subject: its sentence must match the context most. */
const SENTENCE_WEIGHTS = {
  standalone: { question: 1, context: 0 },
  ellipsis: { question: 1, context: 0.2 },
  reference: { question: 0.5, context: 0.7 },
} as const;

/** Passages whose sentences are candidates for the answer. */
const SOURCE_PASSAGES = 3;
const MAX_SENTENCES = 3;
/** A further sentence must score this share of the best one to be worth reading. */
const KEEP_RATIO = 0.7;

/**
 * Picks the 1–3 sentences of the top passages that best answer the question: coverage of the
 * question's concepts in the sentence (and its passage), the passage's rank, and whether the
 * sentence has the kind of thing asked for (a number for 多少, a date for 何時).
 */
export function selectSentences(
  question: string,
  result: RetrievalResult,
  coverage: Coverage,
  kind: FollowUpKind | 'standalone' = 'standalone',
): SelectedSentence[] {
  const concepts = result.query.concepts;
  const contextConcepts = result.context?.concepts ?? [];
  const w = SENTENCE_WEIGHTS[kind];
  const wantsNumber = QUANTITY.test(question);
  const wantsDate = TIME.test(question);
  const candidates: SelectedSentence[] = [];
  result.hits.slice(0, SOURCE_PASSAGES).forEach((hit, rank) => {
    const passageCov = coverage(concepts, hit.passage.text);
    for (const [s, e] of sentenceSpans(hit.passage.text)) {
      const raw = hit.passage.text.slice(s, e);
      const text = raw.trim();
      if (text.length < 4) continue;
      const start = s + (raw.length - raw.trimStart().length);
      let score = w.question * coverage(concepts, text) + 0.3 * passageCov + 0.3 / (rank + 1);
      if (contextConcepts.length) score += w.context * coverage(contextConcepts, text);
      if (wantsNumber && NUMBER.test(text)) score += 0.15;
      if (wantsDate && DATE.test(text)) score += 0.15;
      candidates.push({ passage: hit.passage, rank, start, end: start + text.length, text, score });
    }
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!.score;
  const chosen = candidates.filter((c) => c.score >= best * KEEP_RATIO).slice(0, MAX_SENTENCES);
  // Reading order: by passage rank, then by position inside the passage.
  return chosen.sort((a, b) => a.rank - b.rank || a.start - b.start);
}
