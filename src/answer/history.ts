import type { Turn } from '../contract/chat.js';

/** Turns an answer ever reads: the follow-up rules use the last exchange, condensing the last few. */
export const HISTORY_WINDOW_TURNS = 6;
/** Characters of each turn an answer reads: a question is at most 1,000; an answer names its subject first. */
export const HISTORY_TURN_CHARS = 1000;

/**
 * The part of the history an answer needs, so its cost does not grow with what the client sends
 * (20 turns of 8,000 characters cost 40–105 ms to analyse; only the newest exchange matters).
 */
export function recentHistory(history: Turn[]): Turn[] {
  return history.slice(-HISTORY_WINDOW_TURNS).map((t) => (t.content.length > HISTORY_TURN_CHARS ? { ...t, content: t.content.slice(0, HISTORY_TURN_CHARS) } : t));
}
