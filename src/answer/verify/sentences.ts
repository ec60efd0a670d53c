/**
 * Splits an answer into sentences with the citation markers each one carries. Chinese (。！？)
 * and English (. ! ? before a space or the end) punctuation and line breaks end a sentence;
 * markers right after the punctuation (「…公司。[1]」, "… companies. [1]") belong to the sentence
 * before them, and a marker covers only its own sentence, never earlier ones.
 */
import { distinctMarkers, stripMarkers } from '../../contract/markers.js';

export interface AnswerSentence {
  /** The sentence as written, markers included. */
  text: string;
  /** The sentence without markers, trimmed. */
  body: string;
  /** Distinct marker numbers in the sentence, in order of first use. */
  markers: number[];
}

const CJK_END = new Set([...'。！？!?…']);
const CLOSERS = new Set([...'」』”’"\')）]】》〕']);
/** Words before a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'no', 'co', 'ltd', 'inc', 'mr', 'ms', 'dr', 'st', 'u.s', 'u.k', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const MARKER_AT = /^\s*\[\d{1,3}\]/;

function isFullStop(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && !/\s|\[/.test(next) && !CLOSERS.has(next)) return false; // 4.4, Wi-Fi.HK
  const word = /([A-Za-z.]+)$/.exec(text.slice(0, i))?.[1]?.toLowerCase() ?? '';
  return !ABBREVIATIONS.has(word);
}

/** Sentences of `answer`, in order; text between sentences (spaces) is dropped. */
export function splitSentences(answer: string): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const text = answer.slice(start, end).trim();
    start = end;
    if (!text) return;
    out.push({ text, body: stripMarkers(text).trim(), markers: distinctMarkers(text) });
  };
  let i = 0;
  while (i < answer.length) {
    const c = answer[i]!;
    let end = -1;
    if (CJK_END.has(c) || (c === '.' && isFullStop(answer, i))) {
      end = i + 1;
      while (end < answer.length && (CJK_END.has(answer[end]!) || answer[end] === '.')) end++; // ?!, ……
    } else if (c === '\n') {
      // A line ending in a colon introduces what follows (「包括：」 + a list): not a sentence end.
      const before = answer.slice(start, i).trimEnd();
      if (!/[:：]$/.test(before)) end = i;
    }
    if (end < 0) {
      i++;
      continue;
    }
    while (end < answer.length && CLOSERS.has(answer[end]!)) end++;
    for (let m = MARKER_AT.exec(answer.slice(end)); m; m = MARKER_AT.exec(answer.slice(end))) end += m[0].length;
    push(end);
    i = Math.max(end, i + 1);
  }
  push(answer.length);
  return out;
}

/** True when the sentence states something: it has a letter or digit once markers are removed. */
export function hasContent(sentence: AnswerSentence): boolean {
  return /[\p{L}\p{N}]/u.test(sentence.body);
}
