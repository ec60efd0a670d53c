import type { GoldSpan } from '../retrieve/exemplars/exemplar-bank.js';
import type { RetrievalResult, ScoredPassage } from '../retrieve/retriever.js';
import { trimmedSentences } from '../text/sentences.js';
import type { SelectedSentence } from './select-sentences.js';

/**
 * The sentences holding an exemplar's gold strings, and the retrieval's passages with theirs first
 * (the answer cites them; the rest stay as context for a mode that reads passages). A gold string
 * found in several passages is read where the question's retrieval found it, else where first found.
 */
export function exemplarSentences(places: readonly GoldSpan[][], retrieval: RetrievalResult): { sentences: SelectedSentence[]; hits: ScoredPassage[] } {
  const retrieved = (span: GoldSpan) => retrieval.hits.some((h) => h.passage.id === span.passage.id);
  const spans = places.map((p) => p.find(retrieved) ?? p[0]!);
  const goldPassages = [...new Map(spans.map((s) => [s.passage.id, s.passage])).values()];
  const hits: ScoredPassage[] = [
    ...goldPassages.map((passage) => retrieval.hits.find((h) => h.passage.id === passage.id) ?? { passage, score: 0, coverage: 0 }),
    ...retrieval.hits.filter((h) => !goldPassages.some((p) => p.id === h.passage.id)),
  ];
  const sentences: SelectedSentence[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    for (const { start, end, text } of trimmedSentences(span.passage.text)) {
      if (end <= span.start || start >= span.end) continue;
      const key = `${span.passage.id}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rank = goldPassages.findIndex((p) => p.id === span.passage.id);
      sentences.push({ passage: span.passage, rank, start, end, text, score: 1, carried: [] });
    }
  }
  // Reading order: by passage rank, then position.
  sentences.sort((a, b) => a.rank - b.rank || a.start - b.start);
  return { sentences, hits };
}
