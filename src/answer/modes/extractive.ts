import type { ChatAnswer } from '../../contract/chat.js';
import { escapeSourceBrackets, marker } from '../../contract/markers.js';
import type { DocumentMeta, Passage } from '../../ingest/types.js';
import { toCitations } from '../citations.js';
import type { KeyTerms } from '../key-terms.js';
import { keyTermsLine, relatedLabel, sourceIntro, uncoveredMessage } from '../messages.js';
import type { AnswerMode, AnswerRequest, ModeOutcome } from './mode.js';

/** Related passages must be at least this share as relevant (coverage) as the best one. */
const RELATED_RATIO = 0.75;
const MAX_CITATIONS = 5;

export interface ExtractiveModeOptions {
  documents: ReadonlyMap<string, { meta: DocumentMeta }>;
  /** Glosses the quoted Chinese for English readers (figures in digits, names and nouns in English). */
  keyTerms?: KeyTerms;
}

/**
 * Quotes the sentences that answer, verbatim, each cited, then says which parts of the question
 * the documents do not cover (a partial answer), then a line of related passages.
 */
export class ExtractiveMode implements AnswerMode {
  readonly name = 'extractive' as const;
  constructor(private readonly opts: ExtractiveModeOptions) {}

  async answer(req: AnswerRequest): Promise<ModeOutcome> {
    return { kind: 'answer', answer: this.compose(req) };
  }

  compose({ language, retrieval, sentences, uncovered, restated = [], asks = [] }: AnswerRequest): ChatAnswer {
    const cited: Passage[] = [];
    const markerOf = (p: Passage) => {
      let i = cited.findIndex((c) => c.id === p.id);
      if (i < 0) i = cited.push(p) - 1;
      return marker(i + 1);
    };
    const lines = sentences.map((s) => `${escapeSourceBrackets(s.text)} ${markerOf(s.passage)}`);
    const bestCoverage = retrieval.hits[0]?.coverage ?? 0;
    // A partial answer lists no related passages: they would look like answers to the uncovered part.
    // (A passage restating a quoted sentence is related to what was answered, even in a partial answer.)
    const candidates = [
      ...restated,
      ...(uncovered.length ? [] : retrieval.hits.filter((h) => h.coverage >= bestCoverage * RELATED_RATIO).map((h) => h.passage)),
    ];
    const related = [...new Map(candidates.filter((p) => !cited.some((c) => c.id === p.id)).map((p) => [p.id, p])).values()]
      .slice(0, Math.max(0, MAX_CITATIONS - cited.length))
      .map((p) => markerOf(p));
    // Framed by every document it cites (quoted sentences and related passages alike).
    const docs = [...new Set(cited.map((p) => p.docId))].map((id) => this.opts.documents.get(id)!.meta);
    const parts = [sourceIntro(docs, language), ...lines];
    if (language === 'en' && this.opts.keyTerms) {
      const terms = this.opts.keyTerms.of(
        sentences.map((s) => s.text),
        new Set(retrieval.query.concepts.flatMap((c) => c.alternatives)),
        asks.map((a) => a.kind),
      );
      if (terms.length) parts.push(keyTermsLine(terms));
    }
    if (uncovered.length) parts.push(uncoveredMessage(uncovered, language));
    if (related.length) parts.push(`${relatedLabel(language)}${related.join(' ')}`);
    return {
      answer: parts.join('\n'),
      answerable: true,
      citations: toCitations(cited, retrieval),
      uncovered,
      mode: this.name,
      language,
    };
  }
}
