import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { AnswerGate, GATE_FEATURES, type GateModel, RESCUE_FEATURES, gateModelSchema } from '../answer/answer-gate.js';
import { type GateRow, actionTable, crossValidate, fitLogistic } from '../answer/gate-training.js';
import { createServices, exemplarBank, indexOptions } from '../compose.js';
import { loadEnv, resolvePath } from '../config/env.js';
import { isGoldPassage, readDataset } from '../eval/dataset.js';
import { loadIndex } from '../index/load-index.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * `npm run train:gate [-- --out FILE]`: trains the answer gate and the rescue on the labelled question
 * sets (EXEMPLARS_DIR). Every set's questions are answered with the set's own exemplars held out — as a
 * new question meets the bank — by a service whose gate reads every answer but never acts. Each answer
 * the checks let through is a gate row (label: the sheet answers the question); each question the checks
 * declined for which the best sentences exist is a rescue row (label: a correct citation is among them).
 * Prints the cross-validated tables (folds of whole sets) and writes the models fitted on all rows.
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, l2: { type: 'string', default: '1' } } });
const base = loadEnv();
const out = resolvePath(values.out ?? base.ANSWER_GATE_FILE);
if (path.basename(out) === 'none') throw new Error('ANSWER_GATE_FILE is none: pass --out FILE');
const l2 = Number(values.l2);
const env = { ...base, ANSWER_GATE_FILE: 'none' };

const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
const { answers } = createServices(env, index, null, pino({ level: 'warn' }));
const bank = exemplarBank(env, index);

/** A logistic model weighing nothing, and a gate with it that never acts: the service reads, the rows are kept. */
const neutral = (n: number) => ({ mean: new Array(n).fill(0), scale: new Array(n).fill(1), weights: new Array(n).fill(0), bias: 0 });
const section = (features: readonly string[]) => ({ ...neutral(features.length), features: [...features], rows: { all: 0, positive: 0 }, crossValidation: [], folds: [] });
const reading = new AnswerGate(
  { format: 2, trainedAt: '', trainedOn: { sets: 0, exemplars: 1 }, gate: section(GATE_FEATURES), rescue: section(RESCUE_FEATURES) },
  0,
  2,
);

const dir = resolvePath(env.EXEMPLARS_DIR);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const gateRows: GateRow[] = [];
const rescueRows: GateRow[] = [];
let questions = 0;
for (const file of files) {
  const set = file.replace(/\.jsonl$/, '');
  answers.useExemplars(bank.without(set));
  answers.useGate(reading.without(set));
  for (const item of readDataset(path.join(dir, file))) {
    questions++;
    const { trace } = await answers.answer(item.question, item.history);
    if (trace.gate) gateRows.push({ set, features: trace.gate.features, positive: item.answerable });
    if (trace.rescue) {
      const quoted = trace.rescue.passageIds.map((id) => index.byId.get(id)!.text);
      rescueRows.push({ set, features: trace.rescue.features, positive: item.answerable && quoted.some((text) => isGoldPassage(item, text)) });
    }
  }
}
await index.close();

const THRESHOLDS = [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9];
function train(name: string, rows: GateRow[], features: readonly string[], acts: 'below' | 'from', action: string) {
  const positive = rows.filter((r) => r.positive).length;
  console.log(`\n${name}: ${rows.length} rows, ${positive} positive`);
  const { probabilities, models } = crossValidate(rows, 5, { l2 });
  const table = actionTable(rows, probabilities, THRESHOLDS, acts);
  console.log(`  cross-validated (5 folds of whole sets): what it would ${action}`);
  console.log('  threshold  acted  rightly  wrongly  net');
  for (const t of table) {
    console.log(`  ${t.threshold.toFixed(2).padStart(9)}  ${String(t.acted).padStart(5)}  ${String(t.rightly).padStart(7)}  ${String(t.wrongly).padStart(7)}  ${String(t.rightly - t.wrongly).padStart(4)}`);
  }
  const fit = fitLogistic(rows, { l2 });
  const named = features.map((f, i) => [f, fit.weights[i]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.log(`  largest weights: ${named.slice(0, 8).map(([f, w]) => `${f} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`).join(', ')}`);
  return { ...fit, features: [...features], rows: { all: rows.length, positive }, crossValidation: table, folds: models };
}

console.log(`${questions} questions in ${files.length} sets`);
const model: GateModel = gateModelSchema.parse({
  format: 2,
  trainedAt: new Date().toISOString(),
  trainedOn: { sets: files.length, exemplars: bank.size },
  gate: train('gate (answers the checks gave; positive: the sheet answers the question)', gateRows, GATE_FEATURES, 'below', 'decline'),
  rescue: train('rescue (questions the checks declined; positive: the best sentences cite the answer)', rescueRows, RESCUE_FEATURES, 'from', 'answer'),
});
writeFileAtomic(out, `${JSON.stringify(model)}\n`);
console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
