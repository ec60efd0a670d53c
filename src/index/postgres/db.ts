/**
 * The PostgreSQL side of the index (DATABASE_URL): one database every replica reads. Tables:
 *   fqa_meta       the manifest of the published index (one row)
 *   fqa_blobs      the passage store and coverage statistics (binary, chunked), verified by checksum
 *   fqa_documents  document metadata, lexical prior and cleaned text
 *   fqa_passages   one row per passage: jieba tokens as a tsvector (GIN-indexed) and its length
 *   fqa_terms      document frequency per token (from ts_stat), for BM25's idf
 *   fqa_vectors    passage embeddings (LangChain PGVectorStore, pgvector HNSW index), when dense is on
 */
import pg from 'pg';

export const TABLES = {
  meta: 'fqa_meta',
  blobs: 'fqa_blobs',
  documents: 'fqa_documents',
  passages: 'fqa_passages',
  terms: 'fqa_terms',
  vectors: 'fqa_vectors',
} as const;

export function createPool(databaseUrl: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 10_000 });
  // A client's error (the server restarted, a connection dropped) must not crash the process: the
  // query in flight fails and the next one reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export async function ensureSchema(db: pg.Pool | pg.PoolClient): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS ${TABLES.meta} (id int PRIMARY KEY CHECK (id = 1), manifest jsonb NOT NULL, stats jsonb NOT NULL);
    CREATE TABLE IF NOT EXISTS ${TABLES.blobs} (name text NOT NULL, chunk int NOT NULL, data bytea NOT NULL, PRIMARY KEY (name, chunk));
    CREATE TABLE IF NOT EXISTS ${TABLES.documents} (id text PRIMARY KEY, ord int NOT NULL, prior float8 NOT NULL, text text NOT NULL);
    CREATE TABLE IF NOT EXISTS ${TABLES.passages} (id text PRIMARY KEY, doc_id text NOT NULL, len2 int NOT NULL, tokens tsvector NOT NULL);
    CREATE INDEX IF NOT EXISTS ${TABLES.passages}_tokens_gin ON ${TABLES.passages} USING gin (tokens);
    CREATE INDEX IF NOT EXISTS ${TABLES.passages}_doc ON ${TABLES.passages} (doc_id);
    CREATE TABLE IF NOT EXISTS ${TABLES.terms} (term text PRIMARY KEY, df int NOT NULL);
  `);
}

/** A tsvector literal lexeme: always quoted, quotes doubled and backslashes escaped. */
export const lexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
