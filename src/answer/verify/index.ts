/**
 * Verification of LLM-mode answers against the passages the model was given. In order:
 *   sanitize     — HTML, script/data URLs and links to other hosts are removed (never a rejection);
 *   prompt-echo  — the answer must not quote the prompts;
 *   markers      — at least one [n], every n a given passage;
 *   citation     — every sentence carries its own marker;
 *   numbers      — every figure a sentence states is, by value, in a passage that sentence cites;
 *   entities / claims / overlap — the sentence is supported by the passages it cites (support.ts).
 * The first failure is returned with the check's name; otherwise the sanitised answer.
 */
import { distinctMarkers, markersIn } from '../../contract/markers.js';
import { unsupportedNumber } from './numbers.js';
import { findPromptEcho } from './prompt-echo.js';
import { sanitizeAnswer } from './sanitize.js';
import { hasContent, splitSentences } from './sentences.js';
import { checkSupport } from './support.js';

export interface VerifyOptions {
  /** Prompt texts the model was given (system, answer and condense templates). */
  prompts: string[];
  /** Hosts (and their subdomains) links may point to; all other links are removed. */
  allowedLinkHosts: string[];
}

export type VerifyCheck = 'prompt-echo' | 'markers' | 'citation' | 'numbers' | 'entities' | 'claims' | 'overlap';

export type LlmVerdict =
  | { ok: true; /** the sanitised answer */ answer: string; markers: number[] }
  | { ok: false; reason: string; check: VerifyCheck | string };

function fail(check: VerifyCheck, reason: string): LlmVerdict {
  return { ok: false, check, reason };
}

export function verifyLlmAnswer(answer: string, passages: string[], opts: VerifyOptions): LlmVerdict {
  const clean = sanitizeAnswer(answer, opts.allowedLinkHosts).text;

  const echo = findPromptEcho(clean, opts.prompts);
  if (echo) return fail('prompt-echo', `the answer quotes the prompt ("${echo.run.slice(0, 60)}")`);

  const markers = markersIn(clean);
  if (markers.length === 0) return fail('markers', 'the answer cites no passage');
  const bad = [...new Set(markers.filter((n) => n < 1 || n > passages.length))];
  if (bad.length) return fail('markers', `the answer cites passage(s) [${bad.join('], [')}] that were not given`);

  for (const sentence of splitSentences(clean)) {
    if (!hasContent(sentence)) continue;
    if (sentence.markers.length === 0) return fail('citation', `the sentence "${sentence.body.slice(0, 60)}" cites no passage`);
    const cited = sentence.markers.map((n) => passages[n - 1]!);
    const number = unsupportedNumber(sentence.body, cited);
    if (number) return fail('numbers', `the number ${number.text} is not in the passage(s) [${sentence.markers.join('], [')}] the sentence cites`);
    const support = checkSupport(sentence.body, cited);
    if (!support.ok) return fail(support.check, `"${sentence.body.slice(0, 60)}": ${support.reason}`);
  }
  return { ok: true, answer: clean, markers: distinctMarkers(clean) };
}
