/** Highlighting, in a cited passage, the sentences the answer relies on. */
import { stripMarkers } from '../src/contract/markers.js';
import { h } from './dom.js';

/** Compare text ignoring whitespace, punctuation and case (PDF line breaks, full/half width spacing). */
function squash(s: string): string {
  return String(s || '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Split into sentences, keeping every character (so the pieces re-join into the original text). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // Sentence ends: 。！？!?；; then closing 」』）)"” and ’ (written as escapes: the bundle is ASCII only).
  const re = /[^\u3002\uFF01\uFF1F!?\uFF1B;\n]*(?:[\u3002\uFF01\uFF1F!?\uFF1B;]+[\u300D\u300F\uFF09)"\u201D\u2019]*|\n+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      if (re.lastIndex >= text.length) break;
      re.lastIndex++;
      continue;
    }
    out.push(m[0]);
  }
  // English full stops: split "… word. Next" as well.
  const fine: string[] = [];
  for (const s of out) fine.push(...s.split(/(?<=[a-z0-9)][.])(?=\s+[A-Z\u201C"(])/));
  return fine;
}

function bigrams(s: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) set.add(s.substr(i, 2));
  return set;
}

export interface Highlight {
  sentences: string[];
  flags: boolean[];
  any: boolean;
}

/**
 * Which sentences of `passage` appear in `answer`? One flag per sentence of splitSentences(passage).
 * Exact (normalised) containment first; otherwise sentences whose character bigrams are mostly present
 * in the answer; `any: false` means "highlight the whole passage".
 */
export function sentencesInAnswer(passage: string, answer: string): Highlight {
  const sents = splitSentences(passage);
  const ans = squash(stripMarkers(String(answer || '')));
  let flags = sents.map((s) => {
    const q = squash(s);
    return q.length >= 4 && ans.indexOf(q) !== -1;
  });
  if (flags.some(Boolean)) return { sentences: sents, flags, any: true };
  const abg = bigrams(ans);
  flags = sents.map((s) => {
    const q = squash(s);
    if (q.length < 6) return false;
    const b = bigrams(q);
    let hit = 0;
    for (const k of b) if (abg.has(k)) hit++;
    return b.size > 0 && hit / b.size >= 0.6;
  });
  return { sentences: sents, flags, any: flags.some(Boolean) };
}

/**
 * Fills `container` with `text`, the sentences found in `answer` wrapped in <mark> (the whole text when
 * none is found). Returns whether particular sentences were marked.
 */
export function renderHighlighted(container: HTMLElement, text: string, answer: string): boolean {
  const res = sentencesInAnswer(text, answer || '');
  container.textContent = '';
  if (!res.any) {
    container.appendChild(h('mark', { text }));
    return false;
  }
  const frag = document.createDocumentFragment();
  res.sentences.forEach((s, i) => {
    if (res.flags[i]) {
      // keep leading whitespace/newlines outside the highlight
      const lead = /^\s*/.exec(s)![0];
      if (lead) frag.appendChild(document.createTextNode(lead));
      frag.appendChild(h('mark', { text: s.slice(lead.length) }));
    } else frag.appendChild(document.createTextNode(s));
  });
  container.appendChild(frag);
  return true;
}
