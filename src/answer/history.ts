import type { Turn } from '../contract/chat.js';
import { KEY_TERMS_LABEL, withoutSourceIntro } from './messages.js';

/** Turns an answer ever reads: the follow-up rules use the last exchange, condensing the last few. */
export const HISTORY_WINDOW_TURNS = 6;
/** Characters of each turn an answer reads: a question is at most 1,000; an answer names its subject first. */
export const HISTORY_TURN_CHARS = 1000;

/**
 * The part of the history an answer needs, so its cost does not grow with what the client sends
 * (20 turns of 8,000 characters cost 40–105 ms to analyse; only the newest exchange matters). A reply
 * is read without the opening naming its source (「根據《創新及科技》…：」), boilerplate and no subject.
 */
export function recentHistory(history: Turn[]): Turn[] {
  return history.slice(-HISTORY_WINDOW_TURNS).map((t) => {
    const content = t.role === 'assistant' ? withoutSourceIntro(withoutKeyTerms(t.content)) : t.content;
    return content.length > HISTORY_TURN_CHARS ? { ...t, content: content.slice(0, HISTORY_TURN_CHARS) } : content === t.content ? t : { ...t, content };
  });
}

/**
 * A reply without its key-terms line: the glosses restate the quote's words in English, and as a
 * follow-up's context those English words would count as what the conversation is about.
 */
function withoutKeyTerms(reply: string): string {
  const at = reply.indexOf(`\n${KEY_TERMS_LABEL} `);
  if (at < 0) return reply;
  const end = reply.indexOf('\n', at + 1);
  return reply.slice(0, at) + (end < 0 ? '' : reply.slice(end));
}
