import type { ChatAnswer } from '../contract/chat.js';

export const OUTCOMES = ['answered', 'declined', 'partial'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Parts of the question an answer says it did not cover (an answer from an older producer may lack the field). */
export function uncoveredOf(answer: ChatAnswer): string[] {
  return answer.uncovered ?? [];
}

/** answered, declined, or partial: answerable but with parts of the question not covered. */
export function outcomeOf(answer: ChatAnswer): Outcome {
  if (!answer.answerable) return 'declined';
  return uncoveredOf(answer).length > 0 ? 'partial' : 'answered';
}
