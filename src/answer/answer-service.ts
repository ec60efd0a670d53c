import type { Logger } from 'pino';
import type { ChatAnswer, Language, Turn } from '../contract/chat.js';
import type { DocumentMeta } from '../ingest/types.js';
import { type FollowUp, resolveFollowUp } from '../retrieve/follow-up.js';
import type { Retriever } from '../retrieve/retriever.js';
import { detectLanguage } from '../text/language.js';
import { recentHistory } from './history.js';
import { type ServiceIdentity, declineMessage } from './messages.js';
import type { ExtractiveMode } from './modes/extractive.js';
import { errorLine } from './modes/llm.js';
import type { AnswerMode } from './modes/mode.js';
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
  /** What the service says it covers when it declines (configuration, not a corpus file). */
  identity: ServiceIdentity;
}

export interface AnswerTrace {
  confidence: number;
  passageIds: string[];
  declineReason?: DeclineReason;
  /** Why the mode's answer was replaced by the extractive one. */
  fallbackReason?: string;
  followUp?: FollowUp['kind'];
}

/** Orchestrates one answer: scope rules → follow-up → retrieval → decline threshold → the answer mode. */
export class AnswerService {
  constructor(private readonly opts: AnswerServiceOptions) {}

  get mode(): AnswerMode {
    return this.opts.mode;
  }

  private decline(reason: DeclineReason, language: Language): ChatAnswer {
    return { answer: declineMessage(reason, language, this.opts.identity), answerable: false, citations: [], mode: this.mode.name, language };
  }

  async answer(message: string, fullHistory: Turn[], signal?: AbortSignal): Promise<{ result: ChatAnswer; trace: AnswerTrace }> {
    const history = recentHistory(fullHistory);
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
      // The rewrite is new text: the scope rules apply to it as they did to the message.
      const condensedScope = question === message ? null : outOfScopeReason(question);
      if (condensedScope) {
        return { result: this.decline(condensedScope, language), trace: { confidence: 0, passageIds: [], declineReason: condensedScope } };
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
      return { result: this.decline('not_covered', language), trace: { ...trace, declineReason: 'not_covered' } };
    }

    const request = { question, language, retrieval, followUpKind: followUp?.kind, signal: modeSignal };
    const outcome = await mode.answer(request);
    if (outcome.kind === 'answer') return { result: outcome.answer, trace };
    if (outcome.kind === 'decline') return { result: this.decline('not_covered', language), trace: { ...trace, declineReason: 'not_covered' } };
    trace.fallbackReason = outcome.reason;
    this.opts.logger.warn({ reason: trace.fallbackReason }, 'answer mode fell back to the extractive answer');
    return { result: this.opts.fallback.compose(request), trace };
  }
}
