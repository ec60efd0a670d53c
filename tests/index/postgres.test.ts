/**
 * The PostgreSQL backend against PGlite (with pgvector) served over the wire protocol on loopback,
 * through the unchanged `pg` client: ingest publishes, replicas load from the database, lexical ranking
 * by full-text search returns the local index's top 5 for every evaluation question, dense ranking goes
 * through LangChain's PGVectorStore with an HNSW index, and the server answers from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPostgres, startLocalPostgres } from '../../src/bench/pglite.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { readDataset } from '../../src/eval/dataset.js';
import { buildIndex } from '../../src/index/build-index.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import { TABLES } from '../../src/index/postgres/db.js';
import { publishIndex } from '../../src/index/postgres/publish.js';
import { resolveFollowUp } from '../../src/retrieve/follow-up.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { startServer } from '../../src/serve/server.js';
import { analyzeQuery } from '../../src/text/analyze.js';
import { TEST_MODEL_ID, buildTestModel } from '../fixtures/test-model.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const lexicalOnly = { model: 'none', modelsDir: tempDir('no-models'), allowRemote: false, store: 'hnsw' };
const questions = ['../shared/eval/dev.jsonl', 'tests/eval/own.jsonl', 'tests/eval/holdout.jsonl'].flatMap((f) => readDataset(path.resolve(PROJECT_ROOT, f)));
let db: LocalPostgres;
let local: LoadedIndex;
let remote: LoadedIndex;
const corpusDir = tempDir('pg-corpus');
const indexDir = tempDir('pg-index');
const logs: string[] = [];

beforeAll(async () => {
  db = await startLocalPostgres();
  for (const f of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(corpusDir, f));
  const opts = { corpusDir, indexDir, embedding: lexicalOnly, databaseUrl: db.url };
  const manifest = await buildIndex(opts);
  await publishIndex({ indexDir, databaseUrl: db.url, log: (l) => logs.push(l) }, manifest);
  local = await loadIndex({ corpusDir, indexDir, embedding: lexicalOnly });
  // A replica: nothing local but the database.
  remote = await loadIndex({ corpusDir, indexDir: tempDir('replica-has-no-files'), embedding: lexicalOnly, databaseUrl: db.url });
});
afterAll(async () => {
  await remote?.close();
  await db?.close();
});

describe('lexical ranking in PostgreSQL', () => {
  it('stores each passage as a GIN-indexed tsvector of its jieba tokens', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const idx = await client.query(`SELECT indexdef FROM pg_indexes WHERE tablename = '${TABLES.passages}'`);
      expect(idx.rows.map((r) => r.indexdef).join('\n')).toMatch(/USING gin \(tokens\)/);
      const row = await client.query(`SELECT tokens FROM ${TABLES.passages} WHERE tokens @@ $1::tsquery LIMIT 1`, ["'數碼港'"]);
      expect(row.rows[0].tokens).toContain("'數碼港'");
      expect(logs.join('\n')).toMatch(/index published \(96 passages, 1 documents\)/);
    } finally {
      await client.end();
    }
  });

  it(`returns the local index's top 30 with the same scores for all ${questions.length} evaluation questions`, async () => {
    for (const q of questions) {
      const tokens = analyzeQuery(q.question).tokens;
      const a = local.lexical.search(tokens, 30) as Array<{ id: string; score: number }>;
      const b = await remote.lexical.search(tokens, 30);
      expect(b.map((h) => h.id)).toEqual(a.map((h) => h.id));
      expect(b.map((h) => h.score)).toEqual(a.map((h) => expect.closeTo(h.score, 9)));
    }
  });

  it('searches one document alone as the local index does, and finds nothing in a document it lacks', async () => {
    const doc = local.manifest.documents[0]!.id;
    for (const q of questions.slice(0, 20)) {
      const tokens = analyzeQuery(q.question).tokens;
      const a = local.lexical.search(tokens, 5, { onlyDoc: doc }) as Array<{ id: string; score: number }>;
      const b = await remote.lexical.search(tokens, 5, { onlyDoc: doc });
      expect(b.map((h) => h.id)).toEqual(a.map((h) => h.id));
    }
    expect(await remote.lexical.search(analyzeQuery('數碼港').tokens, 5, { onlyDoc: 'no-such-document' })).toEqual([]);
  });

  it('gives the same top 5 and confidence through the retriever, follow-ups included', async () => {
    const rl = new Retriever(local);
    const rr = new Retriever(remote);
    let followUps = 0;
    for (const q of questions) {
      const followUp = resolveFollowUp(q.question, q.history);
      if (followUp) followUps++;
      const a = await rl.retrieve(q.question, { k: 5, followUp });
      const b = await rr.retrieve(q.question, { k: 5, followUp });
      expect([q.id, b.hits.map((h) => h.passage.id)]).toEqual([q.id, a.hits.map((h) => h.passage.id)]);
      expect(b.confidence).toBeCloseTo(a.confidence, 12);
    }
    expect(followUps).toBeGreaterThan(5);
  });

  it('publishes incrementally: only a changed document’s rows are rewritten', async () => {
    fs.writeFileSync(path.join(corpusDir, 'extra.md'), '# 補充\n\n- 政府正籌備量子電腦測試平台，供本地研究人員使用。\n');
    const manifest = await buildIndex({ corpusDir, indexDir, embedding: lexicalOnly });
    const lines: string[] = [];
    await publishIndex({ indexDir, databaseUrl: db.url, log: (l) => lines.push(l) }, manifest);
    expect(lines[0]).toBe('postgres: 1 passage rows written, 1 unchanged document(s) kept');
    const replica = await loadIndex({ corpusDir, indexDir: tempDir('replica-2'), embedding: lexicalOnly, databaseUrl: db.url });
    const hits = await replica.lexical.search(analyzeQuery('量子電腦測試平台').tokens, 3);
    expect(replica.byId.get(hits[0]!.id)!.docId).toBe('extra');
    await replica.close();
    fs.rmSync(path.join(corpusDir, 'extra.md'));
    await publishIndex({ indexDir, databaseUrl: db.url }, await buildIndex({ corpusDir, indexDir, embedding: lexicalOnly }));
  });
});

describe('serving from PostgreSQL', () => {
  const quiet = pino({ level: 'silent' });
  it('a replica with only DATABASE_URL answers with citations', async () => {
    const s = await startServer({
      env: {},
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: tempDir('data'), INDEX_DIR: tempDir('replica-index'), CORPUS_DIR: corpusDir, EMBEDDING_MODEL: 'none', DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: 0 },
      logger: quiet,
    });
    try {
      expect(await (await fetch(`${s.url}/readyz`)).json()).toMatchObject({ status: 'ready', passages: 96 });
      const res = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '數碼港匯集多少家初創企業？' }) });
      const body = await res.json();
      expect(body.answer).toContain('1,900');
      expect(body.citations[0].document).toBe('innovation-and-technology.zh-Hant');
    } finally {
      await s.close();
    }
  });

  it('refuses a database where nothing was published, naming npm run ingest', async () => {
    const empty = await startLocalPostgres();
    try {
      await expect(
        startServer({ env: {}, config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: tempDir('data'), EMBEDDING_MODEL: 'none', DATABASE_URL: empty.url }, logger: quiet }),
      ).rejects.toThrow(/no index has been published there.*npm run ingest.*DATABASE_URL/);
    } finally {
      await empty.close();
    }
  });
});

describe('dense ranking with pgvector (test-only model)', () => {
  it('builds an HNSW index through PGVectorStore and ranks like the local HNSW store', async () => {
    const { modelsDir } = buildTestModel({ corpusDir: CORPUS_DIR, outDir: tempDir('test-model') });
    const hnsw = { model: TEST_MODEL_ID, modelsDir, allowRemote: false, store: 'hnsw' };
    const pgv = { ...hnsw, store: 'pgvector' };
    const localDir = tempDir('dense-local');
    const pgDir = tempDir('dense-pg');
    await buildIndex({ corpusDir: CORPUS_DIR, indexDir: localDir, embedding: hnsw });
    const manifest = await buildIndex({ corpusDir: CORPUS_DIR, indexDir: pgDir, embedding: pgv, databaseUrl: db.url });
    expect(manifest.dense).toMatchObject({ store: 'pgvector', model: TEST_MODEL_ID });
    await publishIndex({ indexDir: pgDir, databaseUrl: db.url }, manifest);
    const a = await loadIndex({ corpusDir: CORPUS_DIR, indexDir: localDir, embedding: hnsw });
    const b = await loadIndex({ corpusDir: CORPUS_DIR, indexDir: tempDir('dense-replica'), embedding: pgv, databaseUrl: db.url });
    try {
      expect(b.dense!.store.kind).toBe('pgvector');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const idx = await client.query(`SELECT indexdef FROM pg_indexes WHERE tablename = '${TABLES.vectors}'`);
      await client.end();
      expect(idx.rows.map((r) => r.indexdef).join('\n')).toMatch(/USING hnsw \(embedding vector_cosine_ops\) WITH \(m='16', ef_construction='100'\)/);
      for (const q of questions.slice(0, 20)) {
        const x = await a.dense!.store.search(q.question, 5);
        const y = await b.dense!.store.search(q.question, 5);
        expect(y.map((h) => h.score)).toEqual(x.map((h) => expect.closeTo(h.score, 5)));
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
