import 'dotenv/config';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { env as transformersEnv } from '@xenova/transformers';
import { ConfigError, type Env, loadEnv, resolvePath } from '../config/env.js';
import { loadEmbedder } from '../index/embeddings.js';

/**
 * `npm run models:fetch [-- --model ID] [--force]`: downloads the embedding model (EMBEDDING_MODEL) from
 * the Hugging Face hub (HF_ENDPOINT, or a mirror) into MODELS_DIR with transformers.js itself — the
 * files it will later read offline — then checks it: loads it again with downloads off and embeds a
 * probe sentence. After that, `npm run ingest` (or `npm start`) builds the hybrid index.
 */
const log = (line: string) => console.log(`[models:fetch] ${line}`);
function fail(line: string): never {
  console.error(`[models:fetch] ${line}`);
  process.exit(1);
}

/** What transformers.js reads for a feature-extraction model (quantized ONNX, as the service loads it). */
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function errorLine(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause ? ` (${e.cause.code ?? e.cause.message})` : '';
  return `${(e.message ?? String(err)).split('\n')[0]}${cause}`;
}

function config(): Env {
  try {
    return loadEnv();
  } catch (err) {
    return fail(err instanceof ConfigError ? err.message : String(err));
  }
}
const cfg = config();
const { values: args } = parseArgs({ options: { model: { type: 'string' }, force: { type: 'boolean', default: false } } });
const modelId = args.model ?? cfg.EMBEDDING_MODEL;
const modelsDir = resolvePath(cfg.MODELS_DIR);
const modelDir = path.join(modelsDir, ...modelId.split('/'));
const endpoint = cfg.HF_ENDPOINT.replace(/\/+$/, '');

if (modelId === 'none') fail('EMBEDDING_MODEL is "none": there is no model to fetch.');
if (cfg.EMBEDDING_PROVIDER !== 'local') fail(`EMBEDDING_PROVIDER is "${cfg.EMBEDDING_PROVIDER}": embeddings come from ${cfg.EMBEDDING_BASE_URL ?? 'the API'}, nothing to fetch.`);

async function check(): Promise<number> {
  const embedder = await loadEmbedder({ modelId, modelsDir, allowRemote: false });
  if (!embedder.ok) throw new Error(embedder.reason);
  await embedder.dispose();
  return embedder.dimensions;
}

if (fs.existsSync(modelDir) && !args.force) {
  try {
    const dims = await check();
    log(`${modelId} is already in ${modelDir} and works (probe embedding: ${dims} dimensions). Use --force to fetch it again.`);
    process.exit(0);
  } catch (err) {
    log(`${modelDir} exists but does not load (${errorLine(err)}); fetching it again`);
  }
}
fs.rmSync(modelDir, { recursive: true, force: true });

// A quick look first, so an offline machine gets one clear line instead of a library's stack.
const probeUrl = `${endpoint}/${modelId}/resolve/main/config.json`;
try {
  const res = await fetch(probeUrl, { method: 'HEAD', signal: AbortSignal.timeout(15_000), redirect: 'follow' });
  if (res.status === 404 || res.status === 401) fail(`${endpoint} has no model "${modelId}" (HTTP ${res.status} for ${probeUrl}). Check EMBEDDING_MODEL.`);
  if (!res.ok) fail(`${endpoint} answered HTTP ${res.status} for ${probeUrl}; try again later or set HF_ENDPOINT to a mirror.`);
} catch (err) {
  fail(
    `cannot reach ${endpoint}: ${errorLine(err)}.\n` +
      `  Run this on a machine with internet access (or set HF_ENDPOINT to a reachable mirror), or copy the files\n` +
      `  ${FILES.join(', ')}\n  of "${modelId}" into ${modelDir}/ by hand. The service runs lexical-only until then.`,
  );
}

log(`fetching ${modelId} from ${endpoint} into ${modelsDir}`);
transformersEnv.remoteHost = `${endpoint}/`;
const t0 = performance.now();
const downloaded = await loadEmbedder({ modelId, modelsDir, allowRemote: true });
if (!downloaded.ok) {
  fs.rmSync(modelDir, { recursive: true, force: true });
  fail(`download failed: ${downloaded.reason}`);
}
await downloaded.dispose();

const missing = FILES.filter((f) => !fs.existsSync(path.join(modelDir, f)));
if (missing.length) {
  fs.rmSync(modelDir, { recursive: true, force: true });
  fail(`the download did not leave ${missing.join(', ')} in ${modelDir}; removed the partial copy`);
}
let dims: number;
try {
  dims = await check();
} catch (err) {
  fs.rmSync(modelDir, { recursive: true, force: true });
  fail(`check failed, removed the copy: ${errorLine(err)}`);
}
for (const f of FILES) {
  const file = path.join(modelDir, f);
  log(`  ${f.padEnd(28)} ${String(Math.round(fs.statSync(file).size / 1024)).padStart(8)} KB  sha256 ${sha256(file)}`);
}
log(`check: loads with downloads off, probe embedding has ${dims!} dimensions — ok (${Math.round(performance.now() - t0)} ms)`);
log('next: `npm run ingest` (or `npm start`, which rebuilds a stale index) to build the hybrid index; /readyz then says "retrieval": "hybrid"');
