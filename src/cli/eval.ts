import 'dotenv/config';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices, exemplarBank, indexOptions } from '../compose.js';
import { loadEnv, resolvePath } from '../config/env.js';
import { type EvalItem, isGoldPassage, readDataset } from '../eval/dataset.js';
import { auc, bestThreshold, firstRelevantRank, rankStats } from '../eval/metrics.js';
import { loadIndex } from '../index/load-index.js';
import { resolveQuestion } from '../retrieve/follow-up.js';
import type { Retriever } from '../retrieve/retriever.js';
import { runChatEval } from '../eval/chat-eval.js';
import { startServer } from '../serve/server.js';
import { pino } from 'pino';
import { scratchDataDir } from './scratch-data.js';

/**
 * `npm run eval -- --dataset FILE [--dataset FILE…] [--chat] [--verbose]`
 * Retrieval: recall@1/5 and MRR per language for lexical, dense and hybrid (where the index has
 * vectors), and how well the "nothing here" signal separates unanswerable questions.
 * --chat: the same questions through the real HTTP endpoint (citations, facts, refusals, latency).
 */
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', multiple: true },
    chat: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const env = loadEnv();
const datasets = values.dataset?.length
  ? values.dataset
  : [path.resolve(resolvePath('..'), 'shared/eval/dev.jsonl'), resolvePath('tests/eval/own.jsonl')];

const fmt = (x: number) => (Number.isNaN(x) ? '  —  ' : x.toFixed(3));

async function retrievalReport(retriever: Retriever, items: EvalItem[], only: 'lexical' | 'dense' | undefined, label: string) {
  const rows: Array<{ item: EvalItem; rank: number | null; confidence: number }> = [];
  for (const item of items) {
    const { question, followUp } = resolveQuestion(item.question, item.history);
    const r = await retriever.retrieve(question, { k: 5, followUp, only });
    const rank = item.answerable ? firstRelevantRank(r.hits.map((h) => isGoldPassage(item, h.passage.text))) : null;
    rows.push({ item, rank, confidence: r.confidence });
    if (values.verbose && item.answerable && rank !== 1) {
      console.log(`  [${label}] ${item.id} rank=${rank ?? 'miss'} ${item.question}\n      top: ${r.hits[0]?.passage.text.slice(0, 60)}`);
    }
  }
  const answerable = rows.filter((r) => r.item.answerable);
  const langs = [...new Set(answerable.map((r) => r.item.lang))].sort();
  console.log(`  ${label.padEnd(8)} lang      n   R@1    R@5    MRR`);
  for (const lang of [...langs, 'all']) {
    const sel = answerable.filter((r) => lang === 'all' || r.item.lang === lang);
    const s = rankStats(sel.map((r) => r.rank));
    console.log(`  ${''.padEnd(8)} ${lang.padEnd(8)} ${String(s.n).padStart(3)}  ${fmt(s.recallAt1)}  ${fmt(s.recallAt5)}  ${fmt(s.mrr)}`);
  }
  const pos = answerable.map((r) => r.confidence);
  const neg = rows.filter((r) => !r.item.answerable).map((r) => r.confidence);
  if (neg.length) {
    const best = bestThreshold(pos, neg);
    console.log(
      `  ${''.padEnd(8)} "nothing here" signal: AUC ${fmt(auc(pos, neg))}, best threshold ${best.threshold.toFixed(3)} ` +
        `(balanced accuracy ${fmt(best.balancedAccuracy)}); unanswerable n=${neg.length}`,
    );
  }
}

const index = await loadIndex({ ...indexOptions(env, (l) => console.log(`[index] ${l}`)), rebuildIfStale: true });
const { retriever } = createServices(env, index, null, pino({ level: 'warn' }));
// --chat: the real HTTP server on a loopback port, with the environment's configuration.
const server = values.chat
  ? await startServer({ config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, DATA_DIR: scratchDataDir() }, logger: pino({ level: 'warn' }) })
  : null;
console.log(`retrieval mode: ${retriever.mode}; model: ${index.manifest.dense?.model ?? 'none'}${index.denseNote ? ` (${index.denseNote})` : ''}`);
// Each set is answered without its own exemplars: a set in the bank would otherwise find itself.
const answers = server ? (await server.ready, server.state.ready!.answers) : null;
const bank = exemplarBank(env, index);
const gate = answers?.gate ?? null;
console.log(`exemplars: ${bank.singleTurn.length} single-turn questions and ${bank.followUps.length} follow-ups from ${new Set(bank.exemplars.map((e) => e.source)).size} sets (${env.EXEMPLARS_DIR})`);
for (const file of datasets) {
  const items = readDataset(file);
  console.log(`\n== ${file} (${items.length} questions, ${items.filter((i) => i.answerable).length} answerable)`);
  console.log('retrieval:');
  await retrievalReport(retriever, items, 'lexical', 'lexical');
  if (index.dense) {
    await retrievalReport(retriever, items, 'dense', 'dense');
    await retrievalReport(retriever, items, undefined, 'hybrid');
  }
  if (server && answers) {
    const own = path.basename(file).replace(/\.jsonl$/, '');
    const heldOut = bank.without(own);
    if (heldOut.size < bank.size) console.log(`chat: this set's ${bank.size - heldOut.size} exemplars held out`);
    answers.useExemplars(heldOut);
    // …and the answer gate that never learned from it (a cross-validation fold's model).
    if (gate) {
      const unseen = gate.without(own);
      if (unseen !== gate) console.log(`chat: answer gate without this set (a cross-validation fold's model)`);
      answers.useGate(unseen);
    }
    await runChatEval(items, {
      url: server.url,
      verbose: values.verbose,
      documents: new Map([...index.documents].map(([id, d]) => [id, d.text])),
    });
  }
}
await server?.close();
await index.close();
