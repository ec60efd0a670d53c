import type { Language } from '../contract/chat.js';
import { compactQuestion } from '../retrieve/exemplars/ngram-similarity.js';
import type { Exemplar, GoldSpan } from '../retrieve/exemplars/exemplar-bank.js';
import type { RetrievalResult, ScoredPassage } from '../retrieve/retriever.js';
import { detectLanguage } from '../text/language.js';
import { toSimplified, toTraditional } from '../text/normalize.js';
import { hasName, segmentPrecise } from '../text/segment.js';
import { trimmedSentences } from '../text/sentences.js';
import { stopWords } from '../text/stopwords.js';
import { restOfQuestionLabel } from './messages.js';
import type { SelectedSentence } from './select-sentences.js';

/** Share of an uncovered phrase's words the question must have for the phrase to be the question's. */
const GROUNDED_SHARE = 0.6;

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

/**
 * What a partial exemplar's label says is not covered, for a reply to `question` in `language`: its
 * phrases when they are this question's (every name in them named by it, most of their words its words —
 * "London's number of fintech companies" is not what "does Shenzhen have more fintech companies" leaves
 * open), else a plain "the rest of your question"; null when the exemplar is in another language.
 */
export function exemplarUncovered(exemplar: Exemplar, question: string, language: Language): string[] | null {
  if ((detectLanguage(exemplar.question) === 'en') !== (language === 'en')) return null;
  const script = language === 'zh-Hans' ? toSimplified : language === 'zh-Hant' ? toTraditional : (t: string) => t;
  const asked = compactQuestion(question);
  return exemplar.uncovered.every((phrase) => groundedIn(phrase, asked)) ? exemplar.uncovered.map(script) : [restOfQuestionLabel(language)];
}

/** Whether a phrase names nothing the question does not and shares most of its words (`asked`: the question's `compactQuestion`). */
function groundedIn(phrase: string, asked: string): boolean {
  const stops = stopWords();
  const latin = [...phrase.matchAll(/[A-Za-z][A-Za-z0-9@&-]*/g)].map((m) => m[0].replace(/['’]s$/, ''));
  const names = [...latin.filter((w) => /^[A-Z]|\d/.test(w)), ...segmentPrecise(compactQuestion(phrase)).filter((w) => w.length >= 2 && hasName(w))];
  if (!names.every((n) => asked.includes(compactQuestion(n)))) return false;
  // Words by their first five letters ("invested" is "investment"), Chinese by character pairs.
  const words = [
    ...latin.map((w) => compactQuestion(w)).filter((w) => w.length >= 3 && !stops.has(w)).map((w) => w.slice(0, 5)),
    ...[...compactQuestion(phrase).matchAll(/\p{Script=Han}{2,}/gu)].flatMap((m) => [...m[0]].slice(1).map((c, i) => m[0][i] + c)).filter((b) => !stops.has(b)),
  ];
  return words.length === 0 || words.filter((w) => asked.includes(w)).length / words.length >= GROUNDED_SHARE;
}
