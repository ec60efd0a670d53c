/**
 * `npm run models:fetch` as a child process against a loopback fake of the Hugging Face hub serving
 * the generated TEST-ONLY model (the real default model cannot be downloaded on this network): the
 * download lands in MODELS_DIR, the check loads it offline, and ingestion then builds a hybrid index.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { buildIndex } from '../../src/index/build-index.js';
import { TEST_MODEL_ID, buildTestModel } from '../fixtures/test-model.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const run = promisify(execFile);
const model = buildTestModel({ corpusDir: CORPUS_DIR, outDir: tempDir('hub-source') });
const requests: string[] = [];
/** Files the fake hub serves corrupted (for the failing check). */
let corrupt = new Set<string>();
let hub: http.Server;
let hubUrl: string;

beforeAll(async () => {
  hub = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const m = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(decodeURIComponent(req.url ?? ''));
    const file = m && m[1] === TEST_MODEL_ID ? path.join(model.modelDir, m[2]!) : null;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    const body = corrupt.has(m![2]!) ? Buffer.from('not an onnx file') : fs.readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => hub.close(() => resolve())));

async function fetchModel(env: Record<string, string>, args: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/models-fetch.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      timeout: 60_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run models:fetch', () => {
  it('downloads the model into MODELS_DIR, checks it offline, and makes ingestion hybrid', async () => {
    const modelsDir = tempDir('fetched-models');
    const { code, out } = await fetchModel({ MODELS_DIR: modelsDir, HF_ENDPOINT: hubUrl, EMBEDDING_MODEL: TEST_MODEL_ID });
    expect(out).toContain(`fetching ${TEST_MODEL_ID} from ${hubUrl} into ${modelsDir}`);
    expect(out).toMatch(/check: loads with downloads off, probe embedding has 64 dimensions — ok/);
    expect(code).toBe(0);
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
      expect(fs.readFileSync(path.join(modelsDir, TEST_MODEL_ID, f))).toEqual(fs.readFileSync(path.join(model.modelDir, f)));
      expect(requests).toContain(`GET /${TEST_MODEL_ID}/resolve/main/${f}`);
    }
    const manifest = await buildIndex({
      corpusDir: CORPUS_DIR,
      indexDir: tempDir('fetched-index'),
      embedding: { model: TEST_MODEL_ID, modelsDir, allowRemote: false, store: 'hnsw' },
    });
    expect(manifest.retrievalMode).toBe('hybrid');

    const again = await fetchModel({ MODELS_DIR: modelsDir, HF_ENDPOINT: 'http://127.0.0.1:9', EMBEDDING_MODEL: TEST_MODEL_ID });
    expect(again.code).toBe(0);
    expect(again.out).toContain('is already in');
  });

  it('fails with one clear line and a manual alternative when the hub cannot be reached', async () => {
    const modelsDir = tempDir('offline-models');
    const { code, out } = await fetchModel({ MODELS_DIR: modelsDir, HF_ENDPOINT: 'http://127.0.0.1:9' });
    expect(code).toBe(1);
    expect(out).toContain('cannot reach http://127.0.0.1:9');
    expect(out).toContain('onnx/model_quantized.onnx');
    expect(out).toContain(`of "Xenova/bge-small-zh-v1.5" into ${path.join(modelsDir, 'Xenova', 'bge-small-zh-v1.5')}/ by hand`);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(modelsDir, 'Xenova'))).toBe(false);
  });

  it('names a model the hub does not have', async () => {
    const { code, out } = await fetchModel({ MODELS_DIR: tempDir('nomodel'), HF_ENDPOINT: hubUrl, EMBEDDING_MODEL: 'Xenova/no-such-model' });
    expect(code).toBe(1);
    expect(out).toContain('has no model "Xenova/no-such-model" (HTTP 404');
  });

  it('removes a download that fails its check', async () => {
    corrupt = new Set(['onnx/model_quantized.onnx']);
    try {
      const modelsDir = tempDir('corrupt-models');
      const { code, out } = await fetchModel({ MODELS_DIR: modelsDir, HF_ENDPOINT: hubUrl, EMBEDDING_MODEL: TEST_MODEL_ID });
      expect(code).toBe(1);
      expect(out).toMatch(/download failed|check failed/);
      expect(fs.existsSync(path.join(modelsDir, TEST_MODEL_ID))).toBe(false);
    } finally {
      corrupt = new Set();
    }
  });
});
