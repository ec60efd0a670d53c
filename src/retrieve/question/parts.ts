/**
 * Multi-part questions: 「X 幾時成立？由邊個負責？」, "Where did it rank, and what was its rank the
 * year before?". Each part is answered (or found uncovered) on its own, so one part's words do not
 * dilute the other's evidence. Works on the original text (parts are shown back to the user).
 */
import { toTraditional } from '../../text/normalize.js';

/** Question words that start a new ask (written Chinese, Cantonese, English). */
const ASK_WORD =
  /(多少|幾多|幾時|何時|甚麼|什麼|咩|乜|哪|邊個|邊度|邊間|誰|為何|為什麼|為甚麼|點解|如何|怎樣|點樣|是否|會否|會唔會|可否|能否|有否|有沒有|有冇|係咪|多大|多久|幾耐|幾[個間家所項宗條支隊座位名年]|\b(what|when|where|who|which|how|why|is|are|does|do|did|can|has|have)\b)/i;

const MIN_PART_CHARS = 4;

function hasAsk(text: string): boolean {
  // The words are written in HK Traditional: 什么时候 asks as 甚麼時候 does.
  return ASK_WORD.test(toTraditional(text));
}

/**
 * Splits a question into parts that each ask something: at question marks and semicolons, then at a
 * comma or "and" that starts a new ask. Returns the whole question when it has one part.
 */
export function splitQuestion(question: string): string[] {
  const sentences = question
    .split(/(?<=[？?；;])\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_PART_CHARS);
  const parts: string[] = [];
  for (const s of sentences) {
    // "X, and when …" / 「X，由邊個負責」: split only where both sides ask something.
    const pieces = s.split(/(?:[，,、]\s*(?:and\s+|also\s+|而且|並且|以及|同埋|另外|還有)?|\s+and\s+(?=(?:what|when|where|who|which|how|why|in what|at what)\b))/iu);
    let current = '';
    for (const piece of pieces) {
      if (!piece) continue;
      if (current && hasAsk(current) && hasAsk(piece) && piece.length >= MIN_PART_CHARS) {
        parts.push(current);
        current = piece;
      } else {
        current = current ? `${current}，${piece}` : piece;
      }
    }
    if (current) parts.push(current);
  }
  // A leading statement without an ask ("The fact sheet says X. How much …?") belongs to the next part.
  const merged: string[] = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && !hasAsk(prev)) merged[merged.length - 1] = `${prev} ${p}`;
    else merged.push(p);
  }
  return merged.length ? merged : [question];
}
