/**
 * Coverage of the English eval questions: for each, which words the glossary (lexicon/synonyms.tsv,
 * findSynonyms) already covers, which the CC-CEDICT dictionary adds, and which stay uncovered.
 *
 *   npx tsx scripts/english-dictionary-report.ts [questions.jsonl …]
 *
 * Reads the files only; defaults to tests/eval/own.jsonl and tests/eval/holdout.jsonl. Uses the
 * dictionary of the built index (`npm run ingest` first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, loadEnv, resolvePath } from '../src/config/env.js';
import { indexPaths } from '../src/index/index-files.js';
import { VAGUE_ENGLISH_WORDS, expandEnglish, loadEnglishDictionary } from '../src/text/english-dictionary.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { findSynonyms } from '../src/text/synonyms.js';

interface Question {
  id: string;
  lang: string;
  question: string;
  answerable?: boolean;
}

/** Words that ask nothing by themselves: counted neither as covered nor as uncovered. */
const STOP = new Set<string>(
  (
    fs
      .readFileSync(path.join(PROJECT_ROOT, 'lexicon', 'stopwords.txt'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join(' ')
      .match(/[a-z]+/g) ?? ([] as string[])
  ).concat('if and or its there us did does'.split(' ')),
);

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['own.jsonl', 'holdout.jsonl'].map((f) => path.join(PROJECT_ROOT, 'tests', 'eval', f));
const questions: Question[] = files.flatMap((f) =>
  fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question)
    .filter((q) => q.lang === 'en'),
);

const dictionary = loadEnglishDictionary(indexPaths(resolvePath(loadEnv().INDEX_DIR)).englishDictionary);
console.log(`dictionary: ${dictionary.size} keys, ${dictionary.data.source.package}\n`);

type Totals = { questions: number; words: number; glossary: number; dictionary: number; uncovered: number; vague: number; questionsHelped: number };
const zero = (): Totals => ({ questions: 0, words: 0, glossary: 0, dictionary: 0, uncovered: 0, vague: 0, questionsHelped: 0 });
const all = zero();
const answerable = zero();
const uncoveredCounts = new Map<string, number>();
for (const q of questions) {
  const normalized = normalizeForMatch(q.question);
  const synonymHits = findSynonyms(normalized).filter((h) => /[a-z]/.test(h.term));
  const englishHits = expandEnglish(normalized, dictionary, { covered: synonymHits, stopWords: STOP });
  const glossary: string[] = [];
  const added: string[] = [];
  const uncovered: string[] = [];
  const vague: string[] = [];
  for (const m of normalized.matchAll(/[a-z][a-z0-9]*(?:'[a-z]+)?/g)) {
    const word = m[0].replace(/'s$/, '');
    const start = m.index ?? 0;
    const end = start + word.length;
    if (STOP.has(word) || word.length < 2) continue;
    const inside = <T extends { start: number; end: number }>(hits: T[]) => hits.find((h) => start < h.end && h.start < end);
    const syn = inside(synonymHits);
    const eng = inside(englishHits);
    if (syn) glossary.push(`${word}→${syn.expansions.slice(0, 2).join('|')}`);
    else if (eng) added.push(`${word}→${eng.expansions.join('|')}${eng.term.includes(' ') || eng.term.includes('-') ? ` [${eng.term}]` : ''}`);
    else if (VAGUE_ENGLISH_WORDS.has(word)) vague.push(word);
    else {
      uncovered.push(word);
      uncoveredCounts.set(word, (uncoveredCounts.get(word) ?? 0) + 1);
    }
  }
  for (const totals of q.answerable === false ? [all] : [all, answerable]) {
    totals.questions++;
    totals.words += glossary.length + added.length + uncovered.length + vague.length;
    totals.vague += vague.length;
    totals.glossary += glossary.length;
    totals.dictionary += added.length;
    totals.uncovered += uncovered.length;
    if (added.length > 0) totals.questionsHelped++;
  }
  console.log(`${q.id}${q.answerable === false ? ' (unanswerable)' : ''}: ${q.question}`);
  console.log(`  glossary:   ${glossary.join(', ') || '—'}`);
  console.log(`  dictionary: ${added.join(', ') || '—'}`);
  console.log(`  uncovered:  ${[...uncovered, ...vague.map((w) => `(${w})`)].join(', ') || '—'}`);
}

function printTotals(label: string, totals: Totals): void {
  const pct = (n: number) => `${((100 * n) / Math.max(1, totals.words)).toFixed(1)}%`;
  console.log(`\n${label}: ${totals.questions} questions, ${totals.words} content words (stop words not counted)`);
  console.log(`  glossary covers      ${totals.glossary} (${pct(totals.glossary)})`);
  console.log(`  dictionary adds      ${totals.dictionary} (${pct(totals.dictionary)}), in ${totals.questionsHelped} questions`);
  console.log(`  still uncovered      ${totals.uncovered} (${pct(totals.uncovered)})`);
  console.log(`  vague, not looked up ${totals.vague} (${pct(totals.vague)}): light verbs and month names, shown in ( )`);
}

printTotals('All English questions', all);
printTotals('Answerable ones', answerable);
const top = [...uncoveredCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(`\nuncovered words: ${top.map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(' ')}`);
