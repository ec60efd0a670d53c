/**
 * Detects an answer that quotes the prompts (system, answer or condense template): any run of
 * MIN_CHARS characters of a prompt's text found in the answer, compared after normalisation
 * (normalizeForMatch, markers and markdown/punctuation dropped, whitespace collapsed).
 *
 * Runs of Latin text must also span MIN_LATIN_WORDS words: a faithful English answer may share a
 * 20-character phrase such as "innovation and technology" or "the government fact sheet" with
 * the system prompt without echoing it.
 */
import { stripMarkers } from '../../contract/markers.js';
import { matchForm } from './match-text.js';

export const MIN_CHARS = 20;
export const MIN_LATIN_WORDS = 5;

/** Echo form: matching form, only letters, digits and single spaces. */
export function echoForm(text: string): string {
  return matchForm(stripMarkers(text))
    .replace(/\{\w+\}/g, ' ') // template placeholders are not prompt text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    .trim();
}

export interface PromptEcho {
  /** The shared run, in echo form. */
  run: string;
  /** Index of the prompt in the list given. */
  prompt: number;
}

function countsAsEcho(run: string): boolean {
  const latinWords = run.match(/[a-z]+/g) ?? [];
  const han = run.match(/\p{Script=Han}/gu) ?? [];
  // Mostly Chinese runs count by length alone; Latin runs also need enough words.
  return han.length * 2 >= run.replace(/\s/g, '').length || latinWords.length >= MIN_LATIN_WORDS;
}

/**
 * The longest run the answer shares with a prompt (at least MIN_CHARS characters that count as
 * an echo), or null. Windows of MIN_CHARS characters are indexed per prompt, then extended.
 */
export function findPromptEcho(answer: string, prompts: string[]): PromptEcho | null {
  const a = echoForm(answer);
  if (a.length < MIN_CHARS) return null;
  let best: PromptEcho | null = null;
  prompts.forEach((prompt, pi) => {
    const p = echoForm(prompt);
    if (p.length < MIN_CHARS) return;
    const windows = new Map<string, number[]>();
    for (let i = 0; i + MIN_CHARS <= p.length; i++) {
      const w = p.slice(i, i + MIN_CHARS);
      const list = windows.get(w);
      if (list) list.push(i);
      else windows.set(w, [i]);
    }
    for (let i = 0; i + MIN_CHARS <= a.length; i++) {
      const starts = windows.get(a.slice(i, i + MIN_CHARS));
      if (!starts) continue;
      for (const j of starts) {
        let len = MIN_CHARS;
        while (i + len < a.length && j + len < p.length && a[i + len] === p[j + len]) len++;
        const run = a.slice(i, i + len).trim();
        if (run.length >= MIN_CHARS && countsAsEcho(run) && (!best || run.length > best.run.length)) best = { run, prompt: pi };
      }
    }
  });
  return best;
}
