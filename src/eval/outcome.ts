import type { ChatAnswer } from '../contract/chat.js';
import { type EvalItem, factsPresent, isGoldPassage } from './dataset.js';

/** How one reply went, for the confusion tables of `npm run eval`. */
export type Outcome = 'answered right' | 'answered wrong' | 'declined rightly' | 'declined wrongly' | 'partial right' | 'partial wrong';
export const OUTCOMES: Outcome[] = ['answered right', 'answered wrong', 'declined rightly', 'declined wrongly', 'partial right', 'partial wrong'];

export function isPartial(res: ChatAnswer): boolean {
  return res.answerable && (res.uncovered?.length ?? 0) > 0;
}

/** The right citation in the top 5 and every fact group in the answer. */
export function answeredCorrectly(item: EvalItem, res: ChatAnswer): boolean {
  return res.citations.slice(0, 5).some((c) => isGoldPassage(item, c.text)) && factsPresent(item, res.answer);
}

/**
 * Scores a reply against what the item expects. A partial reply is right for a partial item when the
 * covered part is answered correctly; a reply to a question with a false premise is right when it
 * declines or says what the sheet gives instead (a partial reply).
 */
export function outcomeOf(item: EvalItem, res: ChatAnswer): Outcome {
  const partial = isPartial(res);
  if (!res.answerable) return item.expect === 'decline' || item.expect === 'correct_premise' ? 'declined rightly' : 'declined wrongly';
  switch (item.expect) {
    case 'decline':
      return partial ? 'partial wrong' : 'answered wrong';
    case 'correct_premise':
      return partial ? 'partial right' : 'answered wrong';
    case 'partial':
      return partial ? (answeredCorrectly(item, res) ? 'partial right' : 'partial wrong') : 'answered wrong';
    case 'answer':
      if (partial) return answeredCorrectly(item, res) ? 'partial right' : 'partial wrong';
      return answeredCorrectly(item, res) ? 'answered right' : 'answered wrong';
  }
}

export function isRight(o: Outcome): boolean {
  return o === 'answered right' || o === 'declined rightly' || o === 'partial right';
}
