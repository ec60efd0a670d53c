import { createHash } from 'node:crypto';
import type { Passage } from './types.js';
import { sentenceSpans } from '../text/sentences.js';
import type { CleanDocument } from './clean-document.js';

// Long enough that no bullet of the shipped fact sheet is cut (its longest is 237 characters).
export const DEFAULT_MAX_PASSAGE_CHARS = 240;

/** Greedily packs sentences into chunks of at most `max` characters (a longer sentence stays whole). */
function pack(spans: Array<[number, number]>, max: number): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = chunks[chunks.length - 1];
    if (last && e - last[0] <= max) last[1] = e;
    else chunks.push([s, e]);
  }
  return chunks;
}

function passageId(docId: string, text: string, occurrence: number): string {
  const h = createHash('sha256').update(`${docId}\u0000${text}\u0000${occurrence}`).digest('hex');
  return `p-${h.slice(0, 12)}`;
}

/** Cuts a cleaned document into citable passages: one per bullet/paragraph, long ones split by sentence. */
export function toPassages(doc: CleanDocument, maxChars = DEFAULT_MAX_PASSAGE_CHARS): Passage[] {
  const out: Passage[] = [];
  const seen = new Map<string, number>();
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue;
    const spans = block.text.length > maxChars ? pack(sentenceSpans(block.text), maxChars) : [[0, block.text.length] as [number, number]];
    for (const [s, e] of spans) {
      // Offsets exclude surrounding whitespace so `text` is exactly doc.text.slice(start, end).
      const raw = block.text.slice(s, e);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (!text) continue;
      const start = block.start + s + lead;
      const occurrence = seen.get(text) ?? 0;
      seen.set(text, occurrence + 1);
      out.push({
        id: passageId(doc.meta.id, text, occurrence),
        docId: doc.meta.id,
        section: block.section,
        text,
        start,
        end: start + text.length,
        ordinal: out.length,
      });
    }
  }
  return out;
}
