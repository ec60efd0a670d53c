/**
 * `npx tsx scripts/decline-reasons.ts [--list] SET.jsonl [SET.jsonl…]`: what declined each question the
 * service declined — retrieval coverage (`not_covered`), the asked-for fact check (`fact_missing`, by the
 * kinds of fact it found missing), a contradicted premise, the answer gate (`unlikely`), a scope rule —
 * counted as declined rightly (the set labels it unanswerable) or wrongly, per reason and per language.
 * Each set is answered as `npm run eval` answers it: without its own exemplars and with the gate's fold
 * model that never learned from it. `--list` also prints the wrongly declined questions, for tuned sets
 * only (a blind set is read through totals).
 * For developers choosing which check to work on.
 */
import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { answerGate, createServices, exemplarBank, indexOptions } from '../src/compose.js';
import { loadEnv } from '../src/config/env.js';
import { parseQuestionSet } from '../src/contract/question-set.js';
import { loadIndex } from '../src/index/load-index.js';

const args = process.argv.slice(2);
const list = args.includes('--list');
const files = args.filter((a) => a !== '--list');
if (files.length === 0) throw new Error('usage: decline-reasons.ts [--list] SET.jsonl [SET.jsonl…]');

const env = loadEnv();
const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: false });
const { answers } = createServices(env, index, null, pino({ level: 'silent' }));
const bank = exemplarBank(env, index);
const gate = answerGate(env);

type Tally = { rightly: number; wrongly: number };
const byReason = new Map<string, Tally>();
const byLanguage = new Map<string, Map<string, number>>();
let questions = 0;
let answerable = 0;
for (const file of files) {
  const own = path.basename(file, '.jsonl');
  answers.useExemplars(bank.without(own));
  if (gate) answers.useGate(gate.without(own));
  for (const item of parseQuestionSet(fs.readFileSync(file, 'utf8'), file).items) {
    questions++;
    if (item.answerable) answerable++;
    const { result, trace } = await answers.answer(item.question, item.history);
    if (result.answerable) continue;
    // (The fact check by the kinds of fact it found missing: fact_missing/count, fact_missing/date+place.)
    const reason = trace.declineCheck ? `${trace.declineReason}/${trace.declineCheck}` : trace.declineMissing ? `${trace.declineReason}/${trace.declineMissing.join('+')}` : (trace.declineReason ?? 'other');
    const tally = byReason.get(reason) ?? { rightly: 0, wrongly: 0 };
    tally[item.answerable ? 'wrongly' : 'rightly']++;
    byReason.set(reason, tally);
    if (!item.answerable) continue;
    const lang = item.lang;
    const row = byLanguage.get(lang) ?? new Map<string, number>();
    row.set(reason, (row.get(reason) ?? 0) + 1);
    byLanguage.set(lang, row);
    if (list && !own.startsWith('blind')) console.log(`${item.id} [${lang} ${item.kind}] ${reason}: ${item.question}`);
  }
}
console.log(`\n${questions} questions (${answerable} answerable) in ${files.length} sets`);
console.log(`${'reason'.padEnd(34)} ${'wrongly'.padStart(8)} ${'rightly'.padStart(8)}`);
for (const [reason, t] of [...byReason].sort((a, b) => b[1].wrongly - a[1].wrongly)) {
  console.log(`${reason.padEnd(34)} ${String(t.wrongly).padStart(8)} ${String(t.rightly).padStart(8)}`);
}
console.log('\nwrongly declined by language and reason:');
for (const [lang, row] of [...byLanguage].sort()) {
  console.log(`  ${lang.padEnd(8)} ${[...row].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
}
await index.close();
