/**
 * Citation markers: every `[n]` in an answer refers to the citation with that `marker`. This module
 * is the one place that writes, finds, renumbers and strips them (server, evaluation and widget).
 */

const MARKER = /\[(\d{1,3})\]/g;
const MARKER_WITH_SPACE = /\s*\[\d{1,3}\]/g;

/** Bracketed numbers in source text (footnotes such as `[9]`), which would read as markers. */
const SOURCE_BRACKETS = /\[(\d{1,3})\]/g;

/**
 * Source text quoted in an answer (or shown to the LLM beside numbered passages) with its own
 * bracketed numbers written with full-width brackets (`[9]` → `［9］`), so only citation markers
 * use ASCII brackets: a footnote can never be read as, or collide with, a citation. Citation
 * `text` stays verbatim; only answer text is escaped.
 */
export function escapeSourceBrackets(text: string): string {
  return text.replace(SOURCE_BRACKETS, '\uFF3B$1\uFF3D');
}

/** The marker text for citation n (1-based). */
export function marker(n: number): string {
  return `[${n}]`;
}

/** Marker numbers in order of appearance, repeats included. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(MARKER)].map((m) => Number(m[1]));
}

/** Distinct marker numbers in order of first use. */
export function distinctMarkers(text: string): number[] {
  return [...new Set(markersIn(text))];
}

/** The text without markers (and the space before each), e.g. to quote an earlier answer. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER_WITH_SPACE, '');
}

/** Replaces every marker n with `by(n)`. */
export function replaceMarkers(text: string, by: (n: number) => string): string {
  return text.replace(MARKER, (_, n: string) => by(Number(n)));
}

/** Rewrites every marker n as marker `to(n)`. */
export function renumberMarkers(text: string, to: (n: number) => number): string {
  return replaceMarkers(text, (n) => marker(to(n)));
}

/** Splits text into plain runs and markers, for renderers that turn markers into links or buttons. */
export function splitMarkers(text: string): Array<{ text: string } | { marker: number }> {
  const out: Array<{ text: string } | { marker: number }> = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    out.push({ marker: Number(m[1]) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
