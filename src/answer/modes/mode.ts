import type { AnswerModeName, ChatAnswer, Language, Turn } from '../../contract/chat.js';
import type { RetrievalResult } from '../../retrieve/retriever.js';
import type { Ask } from '../../retrieve/question/asks.js';
import type { Passage } from '../../ingest/types.js';
import type { SelectedSentence } from '../select-sentences.js';

export interface AnswerRequest {
  /** The question to answer: the user's message, or its standalone rewrite. */
  question: string;
  language: Language;
  /** The passages found for the covered parts of the question, best first. */
  retrieval: RetrievalResult;
  /** The sentences that answer the covered parts, in reading order. */
  sentences: SelectedSentence[];
  /** Other passages stating an answering sentence again (cited as related, also in a partial answer). */
  restated?: Passage[];
  /** Parts of the question the documents do not cover (a partial answer says so). */
  uncovered: string[];
  /** The kinds of fact the question asks for (checked against a generated answer). */
  asks: Ask[];
  signal?: AbortSignal;
}

export type ModeOutcome =
  | { kind: 'answer'; answer: ChatAnswer }
  /** The mode found the passages do not answer the question. */
  | { kind: 'decline' }
  /** The mode could not give a trustworthy answer; the service answers extractively and logs why. */
  | { kind: 'fallback'; reason: string };

/**
 * One way of turning retrieved passages into an answer (extractive, LLM). The AnswerService
 * orchestrates scope rules, follow-ups, retrieval and answerability around it.
 */
export interface AnswerMode {
  readonly name: AnswerModeName;
  /** A deadline shared by every call this mode makes for one request (ms), if it calls out. */
  readonly timeoutMs?: number;
  /**
   * The mode reads the passages itself and its answer is checked afterwards (LLM): the service passes
   * questions at a lower retrieval gate and leaves the asked-for kinds of fact to the answer check.
   */
  readonly readsPassages?: boolean;
  /** Rewrites a follow-up into a standalone question; modes without it use deterministic follow-up handling. */
  condense?(message: string, history: Turn[], signal?: AbortSignal): Promise<string>;
  answer(request: AnswerRequest): Promise<ModeOutcome>;
}
