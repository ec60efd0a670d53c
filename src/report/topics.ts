/**
 * Groups the questions the fact sheet did not answer by their words, so the content owners see topics
 * ("天氣 — 12 questions") rather than a list. Words come from the project's own analysis (jieba with
 * the HK dictionary, stop words, normalisation to HK Traditional, so 天气 and 天氣 are one word).
 */
import { normalizeForMatch } from '../text/normalize.js';
import { segmentPrecise } from '../text/segment.js';
import { stopWords } from '../text/stopwords.js';

export interface Topic {
  /** The word the questions share. */
  word: string;
  count: number;
  /** Other words common in the group. */
  related: string[];
  /** Up to three of the questions, most recent first. */
  examples: string[];
}

const OTHER = '—';

/** Content words of a question: no stop words, no single Latin letters or bare numbers. */
export function contentWords(text: string): string[] {
  const stops = stopWords();
  // The corpus says 香港; English questions say Hong Kong: one word for both.
  const norm = normalizeForMatch(text.replace(/hong\s*kong/gi, '香港'));
  // A name the dictionary does not know comes out one character at a time (一/區/兩/園): rejoin runs of three or more.
  const tokens: string[] = [];
  let run: string[] = [];
  const flush = () => {
    tokens.push(...(run.length >= 3 ? [run.join('')] : run));
    run = [];
  };
  for (const t of segmentPrecise(norm).map((w) => w.trim())) {
    if (/^\p{Script=Han}$/u.test(t) && !stops.has(t)) run.push(t);
    else {
      flush();
      tokens.push(t);
    }
  }
  flush();
  const words = tokens.filter((w) => /\p{L}/u.test(w) && !stops.has(w) && (/\p{Script=Han}/u.test(w) || w.length >= 3));
  // A lone Han character is usually grammar; keep it only when nothing longer is there.
  const long = words.filter((w) => !/^\p{Script=Han}$/u.test(w));
  return [...new Set(long.length ? long : words)];
}

/**
 * Each question joins the topic of its most shared word, preferring words that are not everywhere in
 * the corpus (香港 names a topic only when a question has nothing else); topics are ordered by size.
 * @param questions most recent first
 * @param generic words frequent in the corpus
 */
export function groupTopics(questions: string[], generic: ReadonlySet<string>, limit = 15): Topic[] {
  const words = questions.map(contentWords);
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const specific = (w: string) => (generic.has(w) ? 0 : 1);
  const shared = (w: string) => df.get(w) ?? 0;
  const groups = new Map<string, number[]>();
  words.forEach((ws, i) => {
    // Ties go to the longer word, then the later one: Chinese and English noun phrases end in their head (特區護照, minimum wage).
    const best =
      ws.map((w, at) => ({ w, at })).sort((a, b) => specific(b.w) - specific(a.w) || shared(b.w) - shared(a.w) || b.w.length - a.w.length || b.at - a.at)[0]?.w ??
      OTHER;
    groups.set(best, [...(groups.get(best) ?? []), i]);
  });
  return [...groups]
    .map(([word, idx]) => {
      const co = new Map<string, number>();
      for (const i of idx) for (const w of words[i]!) if (w !== word) co.set(w, (co.get(w) ?? 0) + 1);
      return {
        word,
        count: idx.length,
        related: [...co].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).filter(([, n]) => n > 1 || idx.length === 1).slice(0, 3).map(([w]) => w),
        examples: idx.slice(0, 3).map((i) => questions[i]!),
      };
    })
    .sort((a, b) => b.count - a.count || (a.word === OTHER ? 1 : b.word === OTHER ? -1 : a.word.localeCompare(b.word)))
    .slice(0, limit);
}

/** Words in at least `share` of the passages: present everywhere, so no sign of a gap. */
export function genericWords(passages: readonly string[], share = 0.1): Set<string> {
  const df = new Map<string, number>();
  for (const p of passages) for (const w of contentWords(p)) df.set(w, (df.get(w) ?? 0) + 1);
  return new Set([...df].filter(([, n]) => n >= passages.length * share).map(([w]) => w));
}
