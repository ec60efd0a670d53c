/**
 * Clients send earlier replies back as history (the OpenAI protocol always does; bots usually do).
 * A reply rendered by ./reply.ts carries a Sources footer and, in markdown, escapes: as context for
 * a follow-up they are noise (the footer quotes other passages), so they are taken off again here.
 */
import type { Turn } from '../../contract/chat.js';
import { SOURCES_LABELS } from './reply.js';

const labels = Object.values(SOURCES_LABELS).join('|');
/** The footer heading as each dialect writes it: plain, **CommonMark**, *Telegram*. */
const FOOTER = new RegExp(`\\n\\n(\\*{0,2})(${labels})\\1\\n[\\s\\S]*$`);

/** The answer text of a rendered reply (unchanged when it was not rendered). */
export function unrenderReply(content: string): string {
  const m = FOOTER.exec(content);
  if (!m) return content;
  const body = content.slice(0, m.index);
  // A bold heading means markdown: undo the backslash escapes (and CommonMark's paragraph breaks).
  return m[1] ? body.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\n\n/g, '\n') : body;
}

export function unrenderHistory(history: Turn[]): Turn[] {
  return history.map((t) => (t.role === 'assistant' ? { ...t, content: unrenderReply(t.content) } : t));
}
