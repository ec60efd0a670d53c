import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { GATE_FEATURES, type GateModel, gateModelSchema } from '../answer/answer-gate.js';
import { type GateRow, crossValidatedProbabilities, declineTable, fitLogistic } from '../answer/gate-training.js';
import { createServices, exemplarBank, indexOptions } from '../compose.js';
import { loadEnv, resolvePath } from '../config/env.js';
import { readDataset } from '../eval/dataset.js';
import { loadIndex } from '../index/load-index.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * `npm run train:gate [-- --out FILE]`: trains the answer gate on the labelled question sets
 * (EXEMPLARS_DIR). Every set's questions are answered with the set's own exemplars held out — as a new
 * question meets the bank — and each answer the checks let through becomes a row: its features and
 * whether the sheet answers it. Prints the cross-validated decline table (folds of whole sets) and
 * writes the model fitted on all rows to ANSWER_GATE_FILE.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, l2: { type: 'string', default: '1' } } });
const env = { ...loadEnv(), ANSWER_GATE_FILE: 'none' };
const out = resolvePath(values.out ?? loadEnv().ANSWER_GATE_FILE);
if (out.endsWith('/none')) throw new Error('ANSWER_GATE_FILE is none: pass --out FILE');
const l2 = Number(values.l2);

const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
const { answers } = createServices(env, index, null, pino({ level: 'warn' }));
const bank = exemplarBank(env, index);
const dir = resolvePath(env.EXEMPLARS_DIR);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const rows: GateRow[] = [];
let questions = 0;
for (const file of files) {
  const set = file.replace(/\.jsonl$/, '');
  answers.useExemplars(bank.without(set));
  for (const item of readDataset(path.join(dir, file))) {
    questions++;
    const { trace } = await answers.answer(item.question, item.history);
    if (trace.gate) rows.push({ set, features: trace.gate.features, answerable: item.answerable });
  }
}
await index.close();
const unanswerable = rows.filter((r) => !r.answerable).length;
console.log(`${questions} questions in ${files.length} sets; ${rows.length} answered by the checks (${unanswerable} of them unanswerable)`);

const probabilities = crossValidatedProbabilities(rows, 5, { l2 });
const table = declineTable(rows, probabilities, [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]);
console.log('cross-validated (5 folds of whole sets): what the gate would decline of those answers');
console.log('  threshold  declined  rightly  wrongly  net');
for (const t of table) {
  console.log(`  ${t.threshold.toFixed(2).padStart(9)}  ${String(t.declined).padStart(8)}  ${String(t.rightly).padStart(7)}  ${String(t.wrongly).padStart(7)}  ${String(t.rightly - t.wrongly).padStart(4)}`);
}

const fit = fitLogistic(rows, { l2 });
const model: GateModel = gateModelSchema.parse({
  format: 1,
  features: [...GATE_FEATURES],
  ...fit,
  trainedAt: new Date().toISOString(),
  trainedOn: { sets: files.length, exemplars: bank.size, rows: rows.length, answerable: rows.length - unanswerable, unanswerable },
  crossValidation: table,
});
writeFileAtomic(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}; weights by size:`);
const named = GATE_FEATURES.map((f, i) => [f, fit.weights[i]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
console.log(named.slice(0, 12).map(([f, w]) => `  ${f} ${w >= 0 ? '+' : ''}${w.toFixed(3)}`).join('\n'));
