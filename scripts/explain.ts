/**
 * `npx tsx scripts/explain.ts "question" ["previous question" "previous answer"]` or
 * `npx tsx scripts/explain.ts @tests/eval/set.jsonl:id`: shows how the
 * service reads a question — its parts, what each asks for, the passages found, the sentences
 * chosen and the verdict — against the built index. For developers tuning answerability.
 */
import fs from 'node:fs';
import { pino } from 'pino';
import type { Turn } from '../src/contract/chat.js';
import { createServices, indexOptions } from '../src/compose.js';
import { loadEnv } from '../src/config/env.js';
import { loadIndex } from '../src/index/load-index.js';
import { askedFor } from '../src/retrieve/question/asks.js';
import { splitQuestion } from '../src/retrieve/question/parts.js';
import { resolveQuestion } from '../src/retrieve/follow-up.js';
import { judgePart } from '../src/answer/answerability.js';
import { normalizeForMatch } from '../src/text/normalize.js';

/** `@file.jsonl:id` reads a question (and its history) from a question set. */
function fromSet(arg: string): { question: string; history: Turn[] } {
  const [file, id] = arg.slice(1).split(/:(?=[^:]+$)/);
  const item = fs.readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((o) => o.id === id);
  if (!item) throw new Error(`no question ${id} in ${file}`);
  return { question: item.question, history: item.history ?? [] };
}

const [first, prevQ, prevA] = process.argv.slice(2);
if (!first) throw new Error('usage: explain.ts "question" ["previous question" "previous answer"] | explain.ts @set.jsonl:id');
const env = loadEnv();
const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
const { retriever, answers } = createServices(env, index, null, pino({ level: 'silent' }));
const { question, history } = first.startsWith('@')
  ? fromSet(first)
  : { question: first, history: prevQ ? [{ role: 'user' as const, content: prevQ }, { role: 'assistant' as const, content: prevA ?? '' }] : [] };
if (history.length) console.log(history.map((t) => `${t.role}: ${t.content.slice(0, 100)}`).join('\n'));
console.log(`question: ${question}`);
const { question: resolved, followUp } = resolveQuestion(question, history);
console.log(`follow-up: ${followUp ? `${followUp.kind} ← ${followUp.context.slice(0, 60)}` : 'none'}`);
for (const part of splitQuestion(resolved)) {
  const r = await retriever.retrieve(part, { k: env.RETRIEVAL_TOP_K, followUp });
  console.log(`\npart: ${part}\n  asks: ${JSON.stringify(askedFor(normalizeForMatch(part)))}\n  concepts: ${r.query.concepts.map((c) => `${c.label}[${c.alternatives.slice(0, 3).join('|')}]`).join(' ')}`);
  console.log(`  confidence ${r.confidence.toFixed(3)}`);
  for (const h of r.hits) console.log(`  ${h.score.toFixed(3)} cov ${h.coverage.toFixed(2)}  ${h.passage.text.slice(0, 70)}`);
  const v = judgePart(part, r, { coverage: retriever.coverageOf.bind(retriever), passagesMentioning: retriever.passagesMentioning.bind(retriever), threshold: env.ANSWERABLE_THRESHOLD, followUpKind: followUp?.kind, given: followUp?.given, askedBefore: followUp?.asked });
  console.log(`  verdict: ${v.status}${'missing' in v ? ` missing ${JSON.stringify(v.missing)}` : ''}${v.status === 'premise' ? ` ${v.kind} ${v.asked.join(',')}` : ''}`);
  if (v.status === 'answered') for (const s of v.sentences) console.log(`    ✓ ${s.score.toFixed(2)} [${s.carried.map((a) => a.kind).join(',')}] ${s.text.slice(0, 70)}`);
}
const { result, trace } = await answers.answer(question, history);
console.log(`\nanswer (${JSON.stringify(trace)}):\n${result.answer}`);
