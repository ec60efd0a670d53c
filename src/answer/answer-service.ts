import type { Logger } from 'pino';
import type { ChatAnswer, Language, Turn } from '../contract/chat.js';
import type { DocumentMeta } from '../ingest/types.js';
import { type FollowUp, resolveFollowUp } from '../retrieve/follow-up.js';
import { splitQuestion } from '../retrieve/question/parts.js';
import type { RetrievalResult, Retriever } from '../retrieve/retriever.js';
import { detectLanguage } from '../text/language.js';
import { type PartVerdict, judgePart } from './answerability.js';
import { ASK_LABELS } from './evidence.js';
import { declineMessage, factMissingMessage, premiseMessage } from './messages.js';
import type { ExtractiveMode } from './modes/extractive.js';
import { errorLine } from './modes/llm.js';
import type { AnswerMode, AnswerRequest } from './modes/mode.js';
import { type DeclineReason, outOfScopeReason } from './scope.js';

export interface AnswerServiceOptions {
  documents: ReadonlyMap<string, { meta: DocumentMeta }>;
  retriever: Retriever;
  /** Retrieval confidence below which the service declines (calibrated with `npm run eval`). */
  threshold: number;
  topK: number;
  /** The configured answer mode. */
  mode: AnswerMode;
  /** What answers when the mode cannot (and the mode itself when it is extractive). */
  fallback: ExtractiveMode;
  logger: Logger;
}

export interface AnswerTrace {
  confidence: number;
  passageIds: string[];
  declineReason?: DeclineReason | 'fact_missing' | 'premise';
  /** Why the mode's answer was replaced by the extractive one. */
  fallbackReason?: string;
  followUp?: FollowUp['kind'];
  /** Question parts answered / found uncovered. */
  parts?: number;
  uncovered?: number;
}

/**
 * A later part is read with the first as context: with a pronoun (「當中有多少間…」, "how many of them")
 * it is about the first part's subject; otherwise its own words lead (an elliptic follow-up).
 */
const POINTS_BACK = /(當中|其中|佢|它|其|該|這些|那些|嗰啲|\b(it|its|they|them|their|of them|that|those)\b)/i;

interface JudgedPart {
  part: string;
  retrieval: RetrievalResult;
  verdict: PartVerdict;
}

/**
 * Orchestrates one answer: scope rules → follow-up → question parts → retrieval and answerability
 * per part → the answer mode (with the parts the documents do not cover), or a decline saying why.
 */
export class AnswerService {
  constructor(private readonly opts: AnswerServiceOptions) {}

  get mode(): AnswerMode {
    return this.opts.mode;
  }

  /** Metadata of the first document: what the service says it covers when it declines. */
  private primaryDoc(): DocumentMeta {
    return [...this.opts.documents.values()][0]!.meta;
  }

  private decline(reason: DeclineReason, language: Language, because?: string): ChatAnswer {
    return {
      answer: declineMessage(reason, language, this.primaryDoc(), because),
      answerable: false,
      citations: [],
      uncovered: [],
      mode: this.mode.name,
      language,
    };
  }

  private async judgeOne(part: string, followUp: FollowUp | null, laterPart = false): Promise<JudgedPart> {
    const coverage = this.opts.retriever.coverageOf.bind(this.opts.retriever);
    const retrieval = await this.opts.retriever.retrieve(part, { k: this.opts.topK, followUp });
    const verdict = judgePart(part, retrieval, {
      coverage,
      threshold: this.opts.threshold,
      followUpKind: followUp?.kind,
      ownWordsRequired: laterPart,
    });
    return { part, retrieval, verdict };
  }

  /** Each part of the question judged on its own; the whole question when no part is answered alone. */
  private async judge(question: string, followUp: FollowUp | null): Promise<JudgedPart[]> {
    const parts = splitQuestion(question);
    const judged = await Promise.all(
      parts.map((part, i) =>
        i === 0
          ? this.judgeOne(part, followUp)
          : this.judgeOne(part, { context: parts[0]!, kind: POINTS_BACK.test(part) ? 'reference' : 'ellipsis' }, true),
      ),
    );
    if (parts.length > 1 && !judged.some((j) => j.verdict.status === 'answered')) {
      const whole = await this.judgeOne(question, followUp);
      if (whole.verdict.status === 'answered') return [whole];
    }
    return judged;
  }

  async answer(message: string, history: Turn[], signal?: AbortSignal): Promise<{ result: ChatAnswer; trace: AnswerTrace }> {
    const language = detectLanguage(message);
    const mode = this.opts.mode;
    const scope = outOfScopeReason(message);
    if (scope) return { result: this.decline(scope, language), trace: { confidence: 0, passageIds: [], declineReason: scope } };

    let question = message;
    let followUp = resolveFollowUp(message, history);
    let fallbackReason: string | undefined;
    // One deadline for every call the mode makes for this request (condense + answer), not one per call.
    const modeSignal = mode.timeoutMs
      ? AbortSignal.any([AbortSignal.timeout(mode.timeoutMs), ...(signal ? [signal] : [])])
      : signal;
    if (followUp && mode.condense) {
      try {
        question = await mode.condense(message, history, modeSignal);
        followUp = null;
      } catch (err) {
        fallbackReason = `condense failed: ${errorLine(err)}`;
      }
    }
    const judged = await this.judge(question, followUp);
    const first = judged[0]!.retrieval;
    const trace: AnswerTrace = {
      confidence: first.confidence,
      passageIds: first.hits.map((h) => h.passage.id),
      followUp: followUp?.kind,
      fallbackReason,
      parts: judged.length,
    };

    const answered = judged.filter((j) => j.verdict.status === 'answered');
    if (answered.length === 0) {
      const premise = judged.find((j) => j.verdict.status === 'premise')?.verdict;
      const factMissing = judged.find((j) => j.verdict.status === 'fact_missing')?.verdict;
      if (premise?.status === 'premise') {
        const because = premiseMessage(premise.askedYears, premise.givenYears, language);
        return { result: this.decline('not_covered', language, because), trace: { ...trace, declineReason: 'premise' } };
      }
      if (factMissing?.status === 'fact_missing') {
        const because = factMissingMessage(factMissing.missing.map((a) => ASK_LABELS[a.kind][language]), language);
        return { result: this.decline('not_covered', language, because), trace: { ...trace, declineReason: 'fact_missing' } };
      }
      return { result: this.decline('not_covered', language), trace: { ...trace, declineReason: 'not_covered' } };
    }

    const uncovered = judged.flatMap((j) => {
      if (j.verdict.status !== 'answered') return [j.part.trim()];
      return j.verdict.missing.map((a) => ASK_LABELS[a.kind][language]);
    });
    trace.uncovered = uncovered.length;
    const request: AnswerRequest = {
      question,
      language,
      retrieval: mergeRetrievals(answered.map((j) => j.retrieval)),
      sentences: dedupeSentences(answered.flatMap((j) => (j.verdict.status === 'answered' ? j.verdict.sentences : []))),
      uncovered,
      signal: modeSignal,
    };
    const outcome = await mode.answer(request);
    if (outcome.kind === 'answer') return { result: outcome.answer, trace };
    if (outcome.kind === 'decline') return { result: this.decline('not_covered', language), trace: { ...trace, declineReason: 'not_covered' } };
    trace.fallbackReason = outcome.reason;
    this.opts.logger.warn({ reason: trace.fallbackReason }, 'answer mode fell back to the extractive answer');
    return { result: this.opts.fallback.compose(request), trace };
  }
}

/** The parts' passages in one list (first part's first), each passage once. */
function mergeRetrievals(results: RetrievalResult[]): RetrievalResult {
  const seen = new Set<string>();
  const hits = results.flatMap((r) => r.hits).filter((h) => !seen.has(h.passage.id) && seen.add(h.passage.id));
  return { ...results[0]!, hits };
}

function dedupeSentences<T extends { passage: { id: string }; start: number }>(sentences: T[]): T[] {
  const seen = new Set<string>();
  return sentences.filter((s) => {
    const key = `${s.passage.id}:${s.start}`;
    return !seen.has(key) && seen.add(key);
  });
}
