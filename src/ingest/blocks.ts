/** A structural unit recovered from a source document, before it is cut into passages. */
export interface Block {
  kind: 'heading' | 'bullet' | 'paragraph';
  text: string;
}

const SENTENCE_END = /[。！？!?]$/;
const CLAUSE_PUNCT = /[。，、；：！？,;:!?]/;

/** Heading heuristic shared by both parsers: short, unpunctuated, not a continuation. */
export function looksLikeHeading(line: string): boolean {
  return line.length > 0 && line.length <= 24 && !CLAUSE_PUNCT.test(line) && !/^[\d\s（(]/.test(line);
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Joins two fragments of one sentence: CJK needs no space, two Latin words/numbers need one. */
export function joinFragments(a: string, b: string): string {
  if (!a) return b;
  return /[A-Za-z0-9.,%]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Collapses runs of spaces the PDF extraction left inside a line; keeps one. */
export function tidyLine(line: string): string {
  return line.replace(/[ \t\u00a0]+/g, ' ').trim();
}
