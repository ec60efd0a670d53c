/**
 * pgvector dense store: LangChain PGVectorStore over the `pg` client, in the database DATABASE_URL
 * names, so every replica searches the same vectors. Ingest replaces the table's rows and builds an
 * HNSW index (cosine) with the configured M and efConstruction; searches set hnsw.ef_search.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import type pg from 'pg';
import { TABLES, createPool } from '../postgres/db.js';
import { DEFAULT_HNSW, type DenseBackend, type DenseContext, type DenseHit, type DenseStore, type HnswParams, embedInBatches } from './store.js';

interface DenseMetadata {
  id: string;
  docId: string;
}

function pool(ctx: DenseContext): pg.Pool {
  if (!ctx.databaseUrl) throw new Error('VECTOR_STORE=pgvector needs DATABASE_URL (a PostgreSQL database with the vector extension)');
  const db = createPool(ctx.databaseUrl);
  // pgvector's search-time candidate list is a session setting: every connection gets it.
  const ef = (ctx.hnsw ?? DEFAULT_HNSW).efSearch;
  db.on('connect', (client) => void client.query(`SET hnsw.ef_search = ${Math.floor(ef)}`).catch(() => undefined));
  return db;
}

async function open(embedder: EmbeddingsInterface, db: pg.Pool, dimensions?: number): Promise<PGVectorStore> {
  return PGVectorStore.initialize(embedder, { pool: db, tableName: TABLES.vectors, distanceStrategy: 'cosine', dimensions });
}

export class PgVectorStore implements DenseStore {
  readonly kind = 'pgvector';
  constructor(
    private readonly store: PGVectorStore,
    private readonly params: HnswParams,
  ) {}

  count(): number {
    return this.rows;
  }
  rows = 0;

  async search(query: string, k: number): Promise<DenseHit[]> {
    // pgvector's HNSW scan returns at most ef_search rows.
    const n = Math.min(Math.floor(k), this.params.efSearch);
    if (n <= 0) return [];
    const results = await this.store.similaritySearchVectorWithScore(await this.store.embeddings.embedQuery(query), n);
    // LangChain reports pgvector's cosine distance (1 − cos).
    return results.map(([doc, distance]) => ({ id: String((doc.metadata as DenseMetadata).id), score: 1 - distance }));
  }

  /** The vectors live in the database; nothing to write locally. */
  async save(): Promise<void> {}

  async close(): Promise<void> {
    await this.store.end();
  }
}

export const pgvectorBackend: DenseBackend = {
  kind: 'pgvector',
  async build(passages, embedder, ctx = {}) {
    if (passages.length === 0) throw new Error('the dense index needs at least one passage');
    const params = ctx.hnsw ?? DEFAULT_HNSW;
    const db = pool(ctx);
    let store: PGVectorStore | null = null;
    for await (const { batch, vectors } of embedInBatches(passages, embedder, ctx.onProgress)) {
      if (!store) {
        await db.query(`DROP TABLE IF EXISTS ${TABLES.vectors}`);
        store = await open(embedder, db, vectors[0]!.length);
      }
      await store.addVectors(vectors, batch.map((p) => new Document<DenseMetadata>({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } })));
    }
    // Our own statement (not createHnswIndex, which indexes a cast expression the ORDER BY would not match).
    await db.query(
      `CREATE INDEX ${TABLES.vectors}_hnsw ON ${TABLES.vectors} USING hnsw (embedding vector_cosine_ops) WITH (m = ${params.m}, ef_construction = ${params.efConstruction})`,
    );
    const s = new PgVectorStore(store!, params);
    s.rows = passages.length;
    return s;
  },
  async load(_dir, embedder, ctx = {}) {
    const db = pool(ctx);
    const s = new PgVectorStore(await open(embedder, db), ctx.hnsw ?? DEFAULT_HNSW);
    s.rows = Number((await db.query(`SELECT count(*) AS n FROM ${TABLES.vectors}`)).rows[0].n);
    return s;
  },
};
