import { parseArgs } from 'node:util';
import { loadEnv, resolvePath } from '../config/env.js';
import { generateDecoys } from '../bench/decoys.js';

/**
 * `npx tsx src/cli/decoys.ts --copies 100 --out /tmp/corpus-x100 [--seed 1]`: a temporary corpus of the
 * real documents plus near-topic decoys (src/bench/decoys.ts), for scale measurements. Never corpus/.
 */
const { values } = parseArgs({
  options: { copies: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
if (!values.out) throw new Error('--out FOLDER is required (a temporary folder, never corpus/)');
const env = loadEnv();
const corpusDir = resolvePath(env.CORPUS_DIR);
if (resolvePath(values.out) === corpusDir) throw new Error('--out must not be the corpus folder');
const t0 = performance.now();
const n = generateDecoys({ corpusDir, outDir: resolvePath(values.out), copies: Number(values.copies), seed: Number(values.seed), log: console.log });
console.log(`${n} decoys written to ${values.out} in ${Math.round(performance.now() - t0)} ms`);
