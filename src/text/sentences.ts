/** The one sentence splitter: passages are cut, answers composed and LLM answers checked by it. */

const OPENERS = '「『《（(〔【“';
const CLOSERS = '」』》）)〕】”';
const BOUNDARY = '。；;！？!?';

/**
 * Sentence spans of `text` ending at 。；！？ outside any 「」《》（） quotation, so a quote or a
 * bracketed aside is never cut. Spans cover the text exactly (no gaps), with relative offsets.
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && BOUNDARY.includes(ch)) {
      let end = i + 1;
      while (end < text.length && CLOSERS.includes(text[end]!)) end++;
      spans.push([start, end]);
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** The sentences of `text` without their surrounding whitespace (empty ones dropped), each with its offsets in `text`. */
export function trimmedSentences(text: string): Array<{ start: number; end: number; text: string }> {
  return sentenceSpans(text).flatMap(([s, e]) => {
    const raw = text.slice(s, e);
    const trimmed = raw.trim();
    if (!trimmed) return [];
    const start = s + (raw.length - raw.trimStart().length);
    return [{ start, end: start + trimmed.length, text: trimmed }];
  });
}

/** The sentences of `text`, trimmed, with empty ones dropped. */
export function sentences(text: string): string[] {
  return trimmedSentences(text).map((s) => s.text);
}
