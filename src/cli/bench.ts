/**
 * `npm run bench [-- --sizes 1,100,1000 --pg-sizes 1,100 --baseline-sizes 1,100 --duration 10 --connections 4 --requests 300]`
 *
 * For each corpus size (×1 = the fact sheet alone, ×n = it plus n − 1 near-topic decoys from
 * src/bench/decoys.ts, written to a temporary folder, never corpus/): `npm run ingest` (wall time, peak
 * RSS), index size on disk, `npm run serve` start → /readyz 200, /api/chat latency over the own
 * question set (one client), throughput with autocannon, and whether the right passage is in the top 5.
 * Then the same over PostgreSQL (PGlite on loopback) and in-process baselines. Lexical mode, logs at
 * warn, loopback only, bounded in time. Prints Markdown tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runBaselines, type BaselineRow, measure } from '../bench/baselines.js';
import { generateDecoys } from '../bench/decoys.js';
import { diskUsage, runIngest, startPostgresProcess, startServerProcess } from '../bench/processes.js';
import { PROJECT_ROOT } from '../config/paths.js';
import { type EvalItem, isGoldPassage, readDataset } from '../eval/dataset.js';
import { percentile } from '../eval/metrics.js';
import { type LoadedIndex, loadIndex } from '../index/load-index.js';
import { resolveFollowUp } from '../retrieve/follow-up.js';
import { Retriever } from '../retrieve/retriever.js';
import { configureLexicon } from '../text/lexicon.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000' },
    'pg-sizes': { type: 'string', default: '1,100' },
    'baseline-sizes': { type: 'string', default: '1,100' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    requests: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const list = (s: string) => s.split(',').filter(Boolean).map(Number);
const sizes = list(values.sizes!);
const pgSizes = new Set(list(values['pg-sizes']!));
const baselineSizes = new Set(list(values['baseline-sizes']!));
const corpusDir = path.join(PROJECT_ROOT, 'corpus');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-bench-'));
configureLexicon({});

const own = readDataset(path.join(PROJECT_ROOT, 'tests/eval/own.jsonl'));
const allSets = [path.resolve(PROJECT_ROOT, '../shared/eval/dev.jsonl'), path.join(PROJECT_ROOT, 'tests/eval/own.jsonl'), path.join(PROJECT_ROOT, 'tests/eval/holdout.jsonl')]
  .filter((f) => fs.existsSync(f))
  .flatMap((f) => readDataset(f));
const answerable = (items: EvalItem[]) => items.filter((i) => i.answerable && i.gold.length > 0);
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(b < 10 * 2 ** 20 ? 1 : 0)} MB`;

interface Row {
  label: string;
  passages: number;
  ingest: string;
  peak: string;
  disk: string;
  ready: string;
  p50: number;
  p95: number;
  rps: number;
  top5: string;
}

async function chatLatency(url: string, n: number): Promise<{ p50: number; p95: number }> {
  const ask = (message: string, history: EvalItem['history']) =>
    fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, history }) }).then((r) => r.text());
  for (let i = 0; i < 20; i++) await ask(own[i % own.length]!.question, own[i % own.length]!.history);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = own[i % own.length]!;
    const t = performance.now();
    await ask(item.question, item.history);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function throughput(url: string): Promise<number> {
  const r = await autocannon({
    url: `${url}/api/chat`,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: own.map((i) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: i.question, history: i.history }) })),
  });
  if (r.non2xx || r.errors) log(`autocannon: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

/** Share of answerable questions whose gold passage is in the retriever's top 5, and the top 5s. */
async function top5(index: LoadedIndex, items: EvalItem[]): Promise<{ recall: number; lists: string[][] }> {
  const r = new Retriever(index);
  let hit = 0;
  const lists: string[][] = [];
  for (const item of items) {
    const res = await r.retrieve(item.question, { k: 5, followUp: resolveFollowUp(item.question, item.history) });
    lists.push(res.hits.map((h) => h.passage.id));
    if (item.answerable && res.hits.some((h) => isGoldPassage(item, h.passage.text))) hit++;
  }
  return { recall: hit / answerable(items).length, lists };
}

const rows: Row[] = [];
const pgRows: Array<Row & { same: string }> = [];
const baselines: Array<{ size: number; rows: BaselineRow[] }> = [];
const embedding = { model: 'none', modelsDir: work, allowRemote: false, store: 'hnsw' };

try {
  for (const size of sizes) {
    const label = size === 1 ? '×1' : `×${size}`;
    const corpus = path.join(work, `corpus-x${size}`);
    log(`${label}: writing the corpus`);
    if (size === 1) fs.cpSync(corpusDir, corpus, { recursive: true });
    else generateDecoys({ corpusDir, outDir: corpus, copies: size - 1, seed: Number(values.seed) });
    const indexDir = path.join(work, `index-x${size}`);
    log(`${label}: npm run ingest`);
    let last = 0;
    const ingest = await runIngest({ CORPUS_DIR: corpus, INDEX_DIR: indexDir }, (line) => {
      if (performance.now() - last > 5000) {
        last = performance.now();
        log(`  ${line}`);
      }
    });
    const disk = diskUsage(indexDir);
    log(`${label}: npm run serve`);
    const server = await startServerProcess({ CORPUS_DIR: corpus, INDEX_DIR: indexDir });
    const passages = (await (await fetch(`${server.url}/readyz`)).json()).passages as number;
    const lat = await chatLatency(server.url, Number(values.requests));
    const rps = await throughput(server.url);
    await server.stop();
    log(`${label}: retrieval in process`);
    const index = await loadIndex({ corpusDir: corpus, indexDir, embedding });
    const ownTop = await top5(index, answerable(own));
    const allTop = await top5(index, allSets);
    rows.push({
      label,
      passages,
      ingest: `${fmtMs(ingest.ms)}${ingest.cpuS ? ` (${ingest.cpuS.toFixed(0)} s CPU)` : ''}`,
      peak: ingest.peakMb ? `${ingest.peakMb} MB` : '?',
      disk: `${mb(disk.total - disk.segments)} (+${mb(disk.segments)} segments)`,
      ready: fmtMs(server.readyMs),
      p50: lat.p50,
      p95: lat.p95,
      rps,
      top5: `${ownTop.recall.toFixed(3)} (all sets ${allTop.recall.toFixed(3)})`,
    });

    if (pgSizes.has(size)) {
      log(`${label}: PostgreSQL (PGlite on loopback)`);
      const pg = await startPostgresProcess();
      try {
        const publish = await runIngest({ CORPUS_DIR: corpus, INDEX_DIR: indexDir, DATABASE_URL: pg.url });
        const pgServer = await startServerProcess({ DATABASE_URL: pg.url, INDEX_DIR: path.join(work, 'replica-has-no-index') });
        const pgLat = await chatLatency(pgServer.url, Math.min(Number(values.requests), 100));
        const pgRps = await throughput(pgServer.url);
        await pgServer.stop();
        const replica = await loadIndex({ corpusDir: corpus, indexDir: path.join(work, 'replica-has-no-index'), embedding, databaseUrl: pg.url });
        const pgTop = await top5(replica, allSets);
        await replica.close();
        const same = pgTop.lists.filter((l, i) => l.join() === allTop.lists[i]!.join()).length;
        pgRows.push({
          label: `${label} PostgreSQL`,
          passages,
          ingest: `${fmtMs(publish.ms)} (publish)`,
          peak: publish.peakMb ? `${publish.peakMb} MB` : '?',
          disk: '—',
          ready: fmtMs(pgServer.readyMs),
          p50: pgLat.p50,
          p95: pgLat.p95,
          rps: pgRps,
          top5: pgTop.recall.toFixed(3),
          same: `${same}/${allSets.length}`,
        });
      } finally {
        await pg.stop();
      }
    }

    if (baselineSizes.has(size)) {
      log(`${label}: in-process baselines`);
      const ps = index.passages;
      const docs = [...index.documents.values()].map((d) => ({ id: d.meta.id, text: d.text }));
      const items = answerable(allSets);
      const r = new Retriever(index);
      const ours = await measure('this project (Retriever, lexical)', 0, items, async (q) => (await r.retrieve(q, { k: 5 })).hits.map((h) => h.passage.text));
      baselines.push({ size, rows: [ours, ...(await runBaselines(ps, docs, items))] });
    }
    await index.close();
    if (!values.keep) fs.rmSync(corpus, { recursive: true, force: true });
  }
} finally {
  if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

const base = rows[0]?.p50 ?? NaN;
console.log(
  `\n## npm run bench (lexical mode, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ` +
    `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')})\n`,
);
console.log('| passages | ingest | ingest peak RSS | index on disk | start → ready | `/api/chat` p50 / p95 | req/s at 4 conns | right passage in top 5 (own set) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r === rows[0] ? '' : ` (p50 ${(r.p50 / base).toFixed(1)}× ×1)`;
  console.log(`| ${r.passages.toLocaleString('en')} (${r.label}) | ${r.ingest} | ${r.peak} | ${r.disk} | ${r.ready} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms${ratio} | ${Math.round(r.rps)} | ${r.top5} |`);
}
if (pgRows.length) {
  console.log('\nPostgreSQL backend (PGlite 0.5 in WebAssembly on loopback, pg client; lexical full-text search):\n');
  console.log('| passages | publish | peak RSS | start → ready | `/api/chat` p50 / p95 | req/s at 4 conns | right passage in top 5 (all sets) | same top 5 as local |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of pgRows) console.log(`| ${r.passages.toLocaleString('en')} (${r.label}) | ${r.ingest} | ${r.peak} | ${r.ready} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms | ${Math.round(r.rps)} | ${r.top5} | ${r.same} |`);
}
for (const b of baselines) {
  console.log(`\nIn-process baselines at ×${b.size} (answerable questions of all sets; recall@5 = gold text in a top-5 result; latency per question):\n`);
  console.log('| retriever | build | recall@5 | p50 / p95 |');
  console.log('|---|---|---|---|');
  for (const r of b.rows) console.log(`| ${r.name} | ${r.buildMs ? fmtMs(r.buildMs) : '(index above)'} | ${r.recallAt5.toFixed(3)} | ${r.p50.toFixed(2)} / ${r.p95.toFixed(2)} ms |`);
}
