/**
 * `npx tsx scripts/explain.ts "question" ["previous question" "previous answer"]` or
 * `npx tsx scripts/explain.ts @tests/eval/set.jsonl:id`: shows how the service reads a question — its
 * parts, what each asks for, the passages found, the sentences chosen and the verdict — against the
 * built index, through the answer service's own reading (AnswerService.inspect). For developers tuning
 * answerability.
 */
import fs from 'node:fs';
import { pino } from 'pino';
import type { Turn } from '../src/contract/chat.js';
import { createServices, indexOptions } from '../src/compose.js';
import { loadEnv } from '../src/config/env.js';
import { loadIndex } from '../src/index/load-index.js';
import type { PartVerdict } from '../src/answer/answerability.js';

/** `@file.jsonl:id` reads a question (and its history) from a question set. */
function fromSet(arg: string): { question: string; history: Turn[] } {
  const [file, id] = arg.slice(1).split(/:(?=[^:]+$)/);
  const item = fs
    .readFileSync(file!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((o) => o.id === id);
  if (!item) throw new Error(`no question ${id} in ${file}`);
  return { question: item.question, history: item.history ?? [] };
}

function describe(v: PartVerdict): string {
  switch (v.status) {
    case 'answered':
      return `answered; asks ${JSON.stringify(v.asks)}; missing ${JSON.stringify(v.missing)}${v.unmatched.length ? `; other side ${v.unmatched.join(', ')}` : ''}`;
    case 'fact_missing':
      return `fact missing ${JSON.stringify(v.missing)}`;
    case 'premise':
      return `premise (${v.kind}) ${v.asked.join(', ')}${v.given.length ? `; the sheet has ${v.given.join(', ')}` : ''}`;
    case 'not_covered':
      return `not covered${v.check ? ` (${v.check})` : ''}`;
  }
}

const [first, prevQ, prevA] = process.argv.slice(2);
if (!first) throw new Error('usage: explain.ts "question" ["previous question" "previous answer"] | explain.ts @set.jsonl:id');
const { question, history } = first.startsWith('@')
  ? fromSet(first)
  : { question: first, history: prevQ ? [{ role: 'user' as const, content: prevQ }, { role: 'assistant' as const, content: prevA ?? '' }] : [] };

const env = loadEnv();
const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
const { answers } = createServices(env, index, null, pino({ level: 'silent' }));

if (history.length) console.log(history.map((t) => `${t.role}: ${t.content.slice(0, 100)}`).join('\n'));
const read = await answers.inspect(question, history);
console.log(`question: ${read.question}`);
console.log(`follow-up: ${read.followUp ? `${read.followUp.kind} ← ${read.followUp.context.slice(0, 60)}` : 'none'}`);
const ex = read.exemplar;
console.log(`exemplar: ${ex ? `${ex.exemplar.id} (${ex.exemplar.expect}, similarity ${ex.similarity.toFixed(3)}): ${ex.exemplar.question}` : 'none'}`);
for (const j of read.parts) {
  const r = j.retrieval;
  console.log(`\npart: ${j.part}\n  concepts: ${r.query.concepts.map((c) => `${c.label}[${c.alternatives.slice(0, 3).join('|')}]`).join(' ')}`);
  console.log(`  confidence ${r.confidence.toFixed(3)}`);
  for (const h of r.hits) console.log(`  ${h.score.toFixed(3)} cov ${h.coverage.toFixed(2)}  ${h.passage.text.slice(0, 70)}`);
  console.log(`  verdict: ${describe(j.strict)}`);
  if (j.strict.status === 'answered') for (const s of j.strict.sentences) console.log(`    ✓ ${s.score.toFixed(2)} [${s.carried.map((a) => a.kind).join(',')}] ${s.text.slice(0, 70)}`);
}
const { result, trace } = await answers.answer(question, history);
console.log(`\nanswer (${JSON.stringify(trace)}):\n${result.answer}`);
