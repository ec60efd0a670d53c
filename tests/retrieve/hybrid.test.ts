/**
 * Hybrid retrieval end to end with the generated TEST-ONLY model (tests/fixtures/test-model.ts):
 * ingestion → embeddings through transformers.js/onnxruntime → HNSW save → load → fused query,
 * and the server reporting the mode. The model ranks by shared characters; it is not a real model.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL_ID, buildTestModel } from '../fixtures/test-model.js';
import { buildIndex } from '../../src/index/build-index.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import type { IndexManifest } from '../../src/index/manifest.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const { modelsDir } = buildTestModel({ corpusDir: CORPUS_DIR, outDir: tempDir('test-model') });
const indexDir = tempDir('hybrid-index');
const embedding = { model: TEST_MODEL_ID, modelsDir, allowRemote: false, store: 'hnsw' };
let manifest: IndexManifest;
let index: LoadedIndex;

beforeAll(async () => {
  manifest = await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedding });
  index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding });
});
afterAll(async () => {
  await index?.dense?.embedder.dispose();
});

describe('hybrid index with the test-only model', () => {
  it('records the model, dimensions and pooling in the manifest', () => {
    expect(manifest.retrievalMode).toBe('hybrid');
    expect(manifest.dense).toMatchObject({ model: TEST_MODEL_ID, dimensions: 64, pooling: 'mean', normalize: true, space: 'cosine' });
    expect(manifest.denseUnavailableReason).toBeNull();
  });

  it('loads the HNSW index back and fuses dense with lexical results', async () => {
    const retriever = new Retriever(index);
    expect(retriever.mode).toBe('hybrid');
    const r = await retriever.retrieve('數碼港匯集多少家初創企業和科技公司？', { k: 5 });
    expect(r.mode).toBe('hybrid');
    expect(r.hits[0]!.passage.text).toContain('1,900');
    expect(r.hits.some((h) => h.denseRank !== undefined)).toBe(true);
    const dense = await retriever.retrieve('數碼港匯集多少家初創企業和科技公司？', { k: 5, only: 'dense' });
    expect(dense.hits.every((h) => h.lexicalRank === undefined && h.denseRank !== undefined)).toBe(true);
  });
});

describe('server in hybrid mode', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, EMBEDDING_MODEL: TEST_MODEL_ID, MODELS_DIR: modelsDir },
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(() => server?.close());

  it('reports hybrid retrieval and the model id on /readyz', async () => {
    const body = await (await fetch(`${server.url}/readyz`)).json();
    expect(body).toMatchObject({ status: 'ready', retrieval: 'hybrid', model: TEST_MODEL_ID, passages: manifest.passageCount, corpusUpdated: '2023-06-30' });
  });

  it('answers through the hybrid retriever', async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '香港有多少個Wi-Fi.HK熱點？' }),
    });
    const body = await res.json();
    expect(body.answerable).toBe(true);
    expect(body.answer).toContain('47,000');
  });
});
