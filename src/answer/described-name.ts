/**
 * The name of a thing a question describes instead of naming (「政府那個幫公司買科技服務的資助計劃，批准了
 * 幾多宗？」, "the scheme where the government chips in when companies pay for tech services"): the
 * sentence saying what a scheme does (「科技券資助本地企業和機構使用科技服務及方案…」) names it, and the
 * fact asked is often stated in another passage about it, which only the name finds.
 */
import type { Concept } from '../text/analyze.js';
import { normalizeForMatch } from '../text/normalize.js';
import { trimmedSentences } from '../text/sentences.js';
import { hasName, segmentPrecise } from '../text/segment.js';
import type { RetrievalResult } from '../retrieve/retriever.js';

/** The describing sentence must share this much of the question (its coverage) to say which thing is meant. */
export const DESCRIBED_COVERAGE = 0.4;
/** Passages read for the describing sentence: the best few. */
const READ = 3;
/** Names every passage could open with: the home region and its government name no one thing. */
const GENERAL = /^(香港|本港|政府|特區政府|香港特區政府|國家|內地)$/u;

/** The thing a sentence opens with: a quoted name (「科技券」計劃…), or a name jieba knows (科技券資助…, 數碼港是…). */
export function openingName(sentence: string): string | undefined {
  const text = sentence.trim();
  const quoted = text.match(/^(?:由|以)?[「《]([^」》]{2,20})[」》]/u);
  if (quoted) return quoted[1]!.replace(/\s+/g, '');
  const first = segmentPrecise(text)[0]?.trim() ?? '';
  return first.length >= 2 && /^\p{Script=Han}+$/u.test(first) && !GENERAL.test(first) && hasName(first) ? first : undefined;
}

/**
 * The name of the thing the question describes: the opening name of the retrieved sentence most about
 * the question, when that sentence shares enough of it and the question does not name it already.
 */
export function describedName(question: string, retrieval: RetrievalResult, coverage: (concepts: Concept[], text: string) => number): string | undefined {
  const compactQuestion = normalizeForMatch(question).replace(/\s+/g, '');
  let best: { score: number; name: string | undefined } = { score: 0, name: undefined };
  for (const hit of retrieval.hits.slice(0, READ)) {
    for (const s of trimmedSentences(hit.passage.text)) {
      const score = coverage(retrieval.query.concepts, s.text);
      if (score > best.score) best = { score, name: openingName(s.text) };
    }
  }
  const name = best.name;
  if (!name || best.score < DESCRIBED_COVERAGE) return undefined;
  return compactQuestion.includes(normalizeForMatch(name).replace(/\s+/g, '')) ? undefined : name;
}
