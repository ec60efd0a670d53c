/**
 * `npm run bench:hnsw [-- --sizes 10000,100000,1000000 --queries 200]`: the HNSW parameter table the
 * defaults (HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH) were chosen from. SYNTHETIC vectors, not
 * embeddings: a mixture of 1,000 Gaussian clusters on the unit sphere (embeddings of near-topic passages
 * cluster too), 384 dimensions (bge-small-zh has 512) up to 100k, 64 beyond (1M × 384 floats would
 * not fit the time budget). For each (M, efConstruction) the index is built with hnswlib-node (what
 * LangChain's HNSWLib wraps) and searched with several efSearch; recall@10 is against exact search
 * (brute force) for the same queries; latency is hnswlib's search per query, one thread.
 */
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { rng } from '../bench/decoys.js';
import { percentile } from '../eval/metrics.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const Q = Number(values.queries);
const K = 10;
const CLUSTERS = 1000;
const GRID: Array<[number, number]> = [
  [8, 100],
  [16, 50],
  [16, 100],
  [16, 200],
  [32, 100],
];
const EF_SEARCH = [16, 32, 64, 128];

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/** n unit vectors of `dim` dimensions, around CLUSTERS random centres. */
function vectors(n: number, dim: number, rand: () => number, centres: Float32Array): Float32Array {
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * CLUSTERS);
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const v = centres[c * dim + d]! + 0.35 * gaussian(rand);
      out[i * dim + d] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < dim; d++) out[i * dim + d]! /= norm;
  }
  return out;
}

/** Exact top K by cosine (dot product of unit vectors). */
function exactTopK(data: Float32Array, n: number, dim: number, q: Float32Array, qi: number): Set<number> {
  const best: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += data[i * dim + d]! * q[qi * dim + d]!;
    if (best.length < K) {
      best.push([dot, i]);
      best.sort((a, b) => a[0] - b[0]);
    } else if (dot > best[0]![0]) {
      best[0] = [dot, i];
      best.sort((a, b) => a[0] - b[0]);
    }
  }
  return new Set(best.map(([, i]) => i));
}

const rows: string[] = [];
for (const n of sizes) {
  const dim = n > 100_000 ? 64 : 384;
  const rand = rng(Number(values.seed) * 7919 + n);
  const centres = new Float32Array(CLUSTERS * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian(rand);
  process.stderr.write(`[hnsw] ${n} vectors × ${dim}: generating and computing exact answers\n`);
  const data = vectors(n, dim, rand, centres);
  const queries = vectors(Q, dim, rand, centres);
  const truth = Array.from({ length: Q }, (_, qi) => exactTopK(data, n, dim, queries, qi));
  const grid = n > 100_000 ? GRID.filter(([m, ef]) => m === 16 && ef === 100) : GRID;
  for (const [m, efC] of grid) {
    const index = new hnswlib.HierarchicalNSW('cosine', dim);
    index.initIndex(n, m, efC, 100);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) index.addPoint(Array.from(data.subarray(i * dim, (i + 1) * dim)), i);
    const buildS = (performance.now() - t0) / 1000;
    process.stderr.write(`[hnsw] ${n} M=${m} efC=${efC}: built in ${buildS.toFixed(1)} s\n`);
    for (const ef of EF_SEARCH) {
      index.setEf(ef);
      let hits = 0;
      const times: number[] = [];
      for (let qi = 0; qi < Q; qi++) {
        const q = Array.from(queries.subarray(qi * dim, (qi + 1) * dim));
        const t = performance.now();
        const r = index.searchKnn(q, K);
        times.push(performance.now() - t);
        for (const label of r.neighbors) if (truth[qi]!.has(label)) hits++;
      }
      rows.push(
        `| ${n.toLocaleString('en')} × ${dim} | ${m} | ${efC} | ${ef} | ${(hits / (Q * K)).toFixed(3)} | ${percentile(times, 50).toFixed(3)} / ${percentile(times, 95).toFixed(3)} ms | ${buildS.toFixed(1)} s |`,
      );
    }
  }
}
console.log(`\n## npm run bench:hnsw (synthetic clustered unit vectors, ${Q} queries, recall@${K} against exact search)\n`);
console.log('| vectors | M | efConstruction | efSearch | recall@10 | search p50 / p95 | build |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
