import type { AnswerModeName, ChatAnswer, Language, Turn } from '../../contract/chat.js';
import type { FollowUpKind } from '../../retrieve/follow-up.js';
import type { RetrievalResult } from '../../retrieve/retriever.js';

export interface AnswerRequest {
  /** The question to answer: the user's message, or its standalone rewrite. */
  question: string;
  language: Language;
  retrieval: RetrievalResult;
  /** How the question leans on the conversation (deterministic follow-up handling). */
  followUpKind?: FollowUpKind;
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
 * orchestrates scope rules, follow-ups, retrieval and the decline threshold around it.
 */
export interface AnswerMode {
  readonly name: AnswerModeName;
  /** A deadline shared by every call this mode makes for one request (ms), if it calls out. */
  readonly timeoutMs?: number;
  /** Rewrites a follow-up into a standalone question; modes without it use deterministic follow-up handling. */
  condense?(message: string, history: Turn[], signal?: AbortSignal): Promise<string>;
  answer(request: AnswerRequest): Promise<ModeOutcome>;
}
