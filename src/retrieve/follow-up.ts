import type { Turn } from '../contract/chat.js';
import { stripMarkers } from '../contract/markers.js';
import { detectLanguage } from '../text/language.js';

// Pronouns and elliptic openers that make a question lean on an earlier turn.
const ANAPHORA_ZH = /(它|佢|其|該|這個|那個|呢個|嗰個|這些|那些|這項|該項|此|那麼|那|咁|另外|還有|仲有|第二|第三|其他|其餘)/;
const ELLIPTIC_END_ZH = /(呢|嗎|嘅|咧)[？?！!。]?$/;
const ANAPHORA_EN = /\b(it|its|they|them|their|this|that|these|those|the same|what about|how about|and|also|else|other|second|third)\b/i;

/** A deterministic guess whether the question only makes sense with the conversation before it. */
export function isFollowUp(question: string, history: Turn[]): boolean {
  if (!history.some((t) => t.role === 'user')) return false;
  const q = question.trim();
  if (detectLanguage(q) === 'en') {
    return q.split(/\s+/).length <= 5 || ANAPHORA_EN.test(q);
  }
  const han = (q.match(/\p{Script=Han}/gu) ?? []).length;
  return han <= 8 || ANAPHORA_ZH.test(q) || ELLIPTIC_END_ZH.test(q);
}

const PRONOUN_ZH = /(它|佢|其|該|這個|那個|呢個|嗰個|這些|那些|這項|該項|此)/;
const PRONOUN_EN = /\b(it|its|they|them|their|this|that|these|those|the same)\b/i;

/**
 * 'reference': the question points back with a pronoun (「它何時啟用？」), so the earlier subject
 * matters as much as the question. 'ellipsis': it swaps in a new subject (「那數碼港呢？」), so the
 * question's own words must dominate.
 */
export type FollowUpKind = 'reference' | 'ellipsis';

export interface FollowUp {
  context: string;
  kind: FollowUpKind;
}

/**
 * Retrieval context for a follow-up: the last user question, plus the assistant's reply to it
 * (which names the entity a pronoun refers to). Null when the question stands on its own.
 */
export function resolveFollowUp(question: string, history: Turn[]): FollowUp | null {
  const context = followUpContext(question, history);
  if (!context) return null;
  return { context, kind: PRONOUN_ZH.test(question) || PRONOUN_EN.test(question) ? 'reference' : 'ellipsis' };
}

export function followUpContext(question: string, history: Turn[]): string | null {
  if (!isFollowUp(question, history)) return null;
  const lastUser = [...history].reverse().findIndex((t) => t.role === 'user');
  if (lastUser < 0) return null;
  const idx = history.length - 1 - lastUser;
  const parts = [history[idx]!.content];
  const reply = history[idx + 1];
  if (reply?.role === 'assistant') parts.push(stripMarkers(reply.content));
  return parts.join('\n');
}
