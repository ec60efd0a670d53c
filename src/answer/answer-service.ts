import type { Logger } from 'pino';
import type { LoadedIndex } from '../index/load-index.js';
import { type FollowUp, type Turn, resolveFollowUp } from '../retrieve/follow-up.js';
import type { RetrievalResult, Retriever } from '../retrieve/retriever.js';
import { type Language, detectLanguage } from '../text/language.js';
import type { DocumentMeta, Passage } from '../types.js';
import { selectSentences } from './extractive.js';
import { type LlmClient, NOT_IN_SOURCES } from './llm.js';
import { declineMessage, relatedLabel, sourceIntro } from './messages.js';
import { type DeclineReason, outOfScopeReason } from './scope.js';
import type { ChatAnswer, Citation } from './types.js';
import { verifyAnswer } from './verify.js';

export interface AnswerServiceOptions {
  index: LoadedIndex;
  retriever: Retriever;
  /** Retrieval confidence below which the service declines (calibrated with `npm run eval`). */
  threshold: number;
  topK: number;
  llm?: LlmClient | null;
  logger: Logger;
}

export interface AnswerTrace {
  confidence: number;
  passageIds: string[];
  declineReason?: DeclineReason;
  /** Why an LLM answer was replaced by the extractive one. */
  fallbackReason?: string;
  followUp?: FollowUp['kind'];
}

/** Related passages must be at least this share as relevant (coverage) as the best one. */
const RELATED_RATIO = 0.75;
const MAX_CITATIONS = 5;

export class AnswerService {
  constructor(private readonly opts: AnswerServiceOptions) {}

  get mode(): 'extractive' | 'llm' {
    return this.opts.llm ? 'llm' : 'extractive';
  }

  /** Metadata of the first document: what the service says it covers when it declines. */
  private primaryDoc(): DocumentMeta {
    return [...this.opts.index.documents.values()][0]!.meta;
  }

  private decline(reason: DeclineReason, language: Language, mode: ChatAnswer['mode']): ChatAnswer {
    return { answer: declineMessage(reason, language, this.primaryDoc()), answerable: false, citations: [], mode, language };
  }

  async answer(message: string, history: Turn[], signal?: AbortSignal): Promise<{ result: ChatAnswer; trace: AnswerTrace }> {
    const language = detectLanguage(message);
    const mode = this.mode;
    const scope = outOfScopeReason(message);
    if (scope) return { result: this.decline(scope, language, mode), trace: { confidence: 0, passageIds: [], declineReason: scope } };

    let question = message;
    let followUp = resolveFollowUp(message, history);
    let fallbackReason: string | undefined;
    // One deadline for every LLM call of this request (condense + answer), not one per call.
    const llmSignal = this.opts.llm
      ? AbortSignal.any([AbortSignal.timeout(this.opts.llm.config.timeoutMs), ...(signal ? [signal] : [])])
      : undefined;
    if (followUp && this.opts.llm) {
      try {
        question = await this.opts.llm.condense(message, history, llmSignal);
        followUp = null;
      } catch (err) {
        fallbackReason = `condense failed: ${errorLine(err)}`;
      }
    }
    const retrieval = await this.opts.retriever.retrieve(question, { k: this.opts.topK, followUp });
    const trace: AnswerTrace = {
      confidence: retrieval.confidence,
      passageIds: retrieval.hits.map((h) => h.passage.id),
      followUp: followUp?.kind,
      fallbackReason,
    };
    if (retrieval.confidence < this.opts.threshold || retrieval.hits.length === 0) {
      return { result: this.decline('not_covered', language, mode), trace: { ...trace, declineReason: 'not_covered' } };
    }

    if (this.opts.llm) {
      try {
        const llm = await this.llmAnswer(question, language, retrieval, llmSignal);
        if (llm === 'declined') {
          return { result: this.decline('not_covered', language, 'llm'), trace: { ...trace, declineReason: 'not_covered' } };
        }
        if (llm.ok) return { result: llm.answer, trace };
        trace.fallbackReason = llm.reason;
      } catch (err) {
        trace.fallbackReason = `LLM error: ${errorLine(err)}`;
      }
      this.opts.logger.warn({ reason: trace.fallbackReason }, 'LLM answer rejected; using the extractive answer');
    }
    return { result: this.extractive(question, language, retrieval, followUp?.kind), trace };
  }

  private extractive(question: string, language: Language, retrieval: RetrievalResult, kind?: FollowUp['kind']): ChatAnswer {
    const sentences = selectSentences(question, retrieval, (c, t) => this.opts.retriever.coverageOf(c, t), kind);
    const cited: Passage[] = [];
    const markerOf = (p: Passage) => {
      let i = cited.findIndex((c) => c.id === p.id);
      if (i < 0) i = cited.push(p) - 1;
      return i + 1;
    };
    const lines = sentences.map((s) => `${s.text} [${markerOf(s.passage)}]`);
    const bestCoverage = retrieval.hits[0]?.coverage ?? 0;
    const related = retrieval.hits
      .filter((h) => !cited.some((c) => c.id === h.passage.id) && h.coverage >= bestCoverage * RELATED_RATIO)
      .slice(0, Math.max(0, MAX_CITATIONS - cited.length))
      .map((h) => `[${markerOf(h.passage)}]`);
    const doc = this.opts.index.documents.get(cited[0]!.docId)!.meta;
    const parts = [sourceIntro(doc, language), ...lines];
    if (related.length) parts.push(`${relatedLabel(language)}${related.join(' ')}`);
    return {
      answer: parts.join('\n'),
      answerable: true,
      citations: this.citations(cited, retrieval),
      mode: 'extractive',
      language,
    };
  }

  private async llmAnswer(
    question: string,
    language: Language,
    retrieval: RetrievalResult,
    signal?: AbortSignal,
  ): Promise<'declined' | { ok: true; answer: ChatAnswer } | { ok: false; reason: string }> {
    const passages = retrieval.hits.map((h) => h.passage);
    const doc = this.opts.index.documents.get(passages[0]!.docId)!.meta;
    const raw = await this.opts.llm!.answer(
      {
        question,
        language: language === 'en' ? 'English' : language === 'zh-Hans' ? 'Simplified Chinese' : 'Traditional Chinese',
        passages: passages.map((p) => p.text),
        title: doc.title,
        updated: doc.updated ?? 'unknown',
      },
      signal,
    );
    if (raw.includes(NOT_IN_SOURCES)) return 'declined';
    const verdict = verifyAnswer(raw, passages.map((p) => p.text));
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    // Renumber markers 1..n in order of first use, so citations are contiguous and all cited.
    const order = verdict.markers;
    const answer = raw.replace(/\[(\d+)\]/g, (_, n: string) => `[${order.indexOf(Number(n)) + 1}]`);
    const cited = order.map((n) => passages[n - 1]!);
    return { ok: true, answer: { answer, answerable: true, citations: this.citations(cited, retrieval), mode: 'llm', language } };
  }

  private citations(cited: Passage[], retrieval: RetrievalResult): Citation[] {
    return cited.map((p, i) => ({
      marker: i + 1,
      id: p.id,
      document: p.docId,
      section: p.section,
      text: p.text,
      start: p.start,
      end: p.end,
      score: Number((retrieval.hits.find((h) => h.passage.id === p.id)?.score ?? 0).toFixed(4)),
    }));
  }
}

function errorLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
