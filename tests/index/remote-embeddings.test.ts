/**
 * Embeddings from an OpenAI-compatible model server (EMBEDDING_PROVIDER=openai), end to end against a
 * loopback fake of POST /v1/embeddings: build, manifest, load, hybrid retrieval, the server going away.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { buildIndex } from '../../src/index/build-index.js';
import { type LoadedIndex, checkIndex, loadIndex } from '../../src/index/load-index.js';
import type { IndexManifest } from '../../src/index/manifest.js';
import { EMBEDDING_ERROR_CHANNEL } from '../../src/index/remote-embeddings.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { FAKE_DIMENSIONS, type FakeEmbeddings, startFakeEmbeddings } from '../helpers/fake-embeddings-server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const MODEL = 'BAAI/bge-small-zh-v1.5';
const indexDir = tempDir('remote-embeddings-index');
let fake: FakeEmbeddings;
let manifest: IndexManifest;
let index: LoadedIndex;
const embedding = () => ({
  model: MODEL,
  modelsDir: tempDir('no-models'),
  allowRemote: false,
  store: 'hnsw',
  provider: 'openai' as const,
  baseUrl: fake.baseUrl,
  apiKey: 'sk-test-key',
  timeoutMs: 2000,
});

beforeAll(async () => {
  fake = await startFakeEmbeddings();
  manifest = await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: embedding() });
  index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: embedding() });
});
afterAll(() => fake?.close());

describe('EMBEDDING_PROVIDER=openai', () => {
  it('records the server and model in the manifest like a local model (never the key)', () => {
    expect(manifest.retrievalMode).toBe('hybrid');
    expect(manifest.requestedProvider).toBe('openai');
    expect(manifest.dense).toMatchObject({ model: MODEL, provider: 'openai', endpoint: fake.baseUrl, dimensions: FAKE_DIMENSIONS, pooling: 'server', normalize: true });
    expect(manifest.dense!.queryInstruction).toMatch(/^为这个句子生成表示/);
    expect(JSON.stringify(manifest)).not.toContain('sk-test-key');
  });

  it('calls /v1/embeddings with the model name, the key, float vectors, and the instruction on queries only', async () => {
    const docRequests = fake.requests.filter((r) => Array.isArray(r.body.input) && r.body.input.length > 1);
    expect(docRequests.length).toBeGreaterThan(0);
    const req = docRequests[0]!;
    expect(req).toMatchObject({ path: '/v1/embeddings', authorization: 'Bearer sk-test-key', body: { model: MODEL, encoding_format: 'float' } });
    const docs = docRequests.flatMap((r) => r.body.input as string[]);
    expect(docs).toHaveLength(index.passages.length);
    expect(docs.some((d) => d.startsWith('为这个句子'))).toBe(false);
    fake.requests.length = 0;
    await index.dense!.store.search('數碼港', 3);
    const query = fake.requests.at(-1)!.body.input;
    expect([query].flat()[0]).toBe('为这个句子生成表示以用于检索相关文章：數碼港');
  });

  it('retrieves through the server-made vectors, fused with BM25', async () => {
    const retriever = new Retriever(index);
    expect(retriever.mode).toBe('hybrid');
    const dense = await retriever.retrieve('數碼港匯集多少家初創企業和科技公司？', { k: 5, only: 'dense' });
    expect(dense.hits.map((h) => h.passage.text).join('\n')).toContain('1,900');
    const hybrid = await retriever.retrieve('數碼港匯集多少家初創企業和科技公司？', { k: 5 });
    expect(hybrid.hits[0]!.passage.text).toContain('1,900');
  });

  it('answers lexically, and says so on the metrics channel, while the server fails', async () => {
    const seen: unknown[] = [];
    const listener = (m: unknown) => seen.push(m);
    diagnosticsChannel.subscribe(EMBEDDING_ERROR_CHANNEL, listener);
    fake.failWith = 503;
    try {
      const r = await new Retriever(index).retrieve('數碼港匯集多少家初創企業和科技公司？', { k: 5 });
      expect(r.hits[0]!.passage.text).toContain('1,900');
      expect(r.hits.every((h) => h.denseRank === undefined)).toBe(true);
      expect(seen).toHaveLength(1);
    } finally {
      fake.failWith = null;
      diagnosticsChannel.unsubscribe(EMBEDDING_ERROR_CHANNEL, listener);
    }
  });

  it('builds a lexical index, naming the server, when the server is down at build time', async () => {
    fake.failWith = 500;
    const logs: string[] = [];
    try {
      const m = await buildIndex({ corpusDir: CORPUS_DIR, indexDir: tempDir('remote-down'), embedding: embedding(), log: (l) => logs.push(l) });
      expect(m.retrievalMode).toBe('lexical');
      expect(m.denseUnavailableReason).toContain(`embedding server ${fake.baseUrl} (model "${MODEL}") failed`);
      expect(logs.join('\n')).toContain('built the lexical index only');
    } finally {
      fake.failWith = null;
    }
  });

  it('counts an index built from a server as stale for the local provider', () => {
    expect(checkIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: embedding() })).toBeNull();
    expect(checkIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: { ...embedding(), provider: 'local' } })).toMatch(
      /built with openai embeddings but EMBEDDING_PROVIDER is "local"/,
    );
  });

  it('is configured by environment variables, validated', async () => {
    expect(() => loadEnv({ EMBEDDING_PROVIDER: 'openai' })).toThrow(ConfigError);
    expect(() => loadEnv({ EMBEDDING_PROVIDER: 'remote' })).toThrow(/EMBEDDING_PROVIDER/);
    const server: RunningServer = await startServer({
      env: { PORT: '0', INDEX_DIR: indexDir, EMBEDDING_PROVIDER: 'openai', EMBEDDING_BASE_URL: fake.baseUrl, EMBEDDING_API_KEY: 'sk-test-key', EMBEDDING_MODEL: MODEL, DATA_DIR: tempDir('remote-data') },
      logger: pino({ level: 'silent' }),
    });
    try {
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toMatchObject({ retrieval: 'hybrid', model: MODEL });
    } finally {
      await server.close();
    }
  });
});
