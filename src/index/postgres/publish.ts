/**
 * `npm run ingest` with DATABASE_URL: after the local build (which keeps per-document segments, so
 * analysis stays incremental), publish the index to PostgreSQL in one transaction, so replicas see the
 * old index or the new one, never a mix. Rows of unchanged documents are kept; changed, added and
 * removed documents' rows are replaced. Token document frequencies come from PostgreSQL's own ts_stat.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { indexPaths, segmentName } from '../index-files.js';
import { IndexDamagedError } from '../integrity.js';
import { documentPrior } from '../lexical/bm25f.js';
import { decodeTerms } from '../lexical/terms.js';
import { type IndexManifest, manifestSchema } from '../manifest.js';
import { readContainer } from '../store/container.js';
import { DocumentTexts } from '../store/document-store.js';
import { readSegment } from '../store/segment.js';
import { TABLES, createPool, ensureSchema, lexeme } from './db.js';

/** Blobs are stored in chunks well under PostgreSQL's 1 GB value limit. */
const CHUNK = 8 << 20;
const ROWS_PER_INSERT = 2000;
/** PostgreSQL refuses longer lexemes (2,047 bytes); such tokens (never jieba words) are left out. */
const MAX_LEXEME_BYTES = 2000;
/** tsvector positions run up to 16,383. */
const MAX_POSITION = 16383;

/** The published index files: those the replicas read besides the SQL tables. */
export const PUBLISHED_BLOBS = ['passages.bin', 'coverage.bin', 'english-dictionary.json'] as const;

/**
 * A passage's tokens as a tsvector: per token, A-weighted positions for its body occurrences (2 per
 * unit of tf2) and one B-weighted position for a remaining half (a section-title occurrence weighs 0.5),
 * so 2·count(A) + count(B) gives back BM25F's field-weighted frequency ×2. Positions carry no order.
 */
export function tsvectorOf(terms: string[], tf2: ArrayLike<number>): string {
  let pos = 0;
  const parts: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (Buffer.byteLength(t) > MAX_LEXEME_BYTES) continue;
    const positions: string[] = [];
    const f = tf2[i]!;
    for (let a = 0; a < Math.floor(f / 2); a++) positions.push(`${Math.min(++pos, MAX_POSITION)}A`);
    if (f % 2) positions.push(`${Math.min(++pos, MAX_POSITION)}B`);
    parts.push(`${lexeme(t)}:${positions.join(',')}`);
  }
  return parts.join(' ');
}

export async function publishIndex(opts: { indexDir: string; databaseUrl: string; log?: (line: string) => void }, manifest: IndexManifest): Promise<void> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const paths = indexPaths(opts.indexDir);
  const db = createPool(opts.databaseUrl, 2);
  const client = await db.connect();
  try {
    await ensureSchema(client);
    const previous = manifestSchema.safeParse((await client.query(`SELECT manifest FROM ${TABLES.meta} WHERE id = 1`)).rows[0]?.manifest);
    const before = new Map(previous.success ? previous.data.documents.map((d) => [d.id, d.hash]) : []);
    const keep = new Set(manifest.documents.filter((d) => before.get(d.id) === d.hash).map((d) => d.id));
    const blobs = PUBLISHED_BLOBS.map((name) => {
      const bytes = fs.readFileSync(path.join(opts.indexDir, name));
      if (createHash('sha256').update(bytes).digest('hex') !== manifest.files[name]?.sha256) {
        throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
      }
      return { name, bytes };
    });
    const lexicalMeta = readContainer(paths.lexical, 'lexical.bin').meta as { passages: number; avgLength: number };

    await client.query('BEGIN');
    const ids = manifest.documents.map((d) => d.id);
    await client.query(`DELETE FROM ${TABLES.passages} WHERE NOT (doc_id = ANY($1::text[]))`, [[...keep]]);
    let rows = 0;
    for (const d of manifest.documents) {
      if (keep.has(d.id)) continue;
      const seg = readSegment(path.join(opts.indexDir, segmentName(d.id)), segmentName(d.id));
      const terms = decodeTerms(seg.termUnits, seg.termEnds);
      const batch: { id: string[]; tokens: string[]; len2: number[] } = { id: [], tokens: [], len2: [] };
      const flush = async () => {
        if (!batch.id.length) return;
        await client.query(
          `INSERT INTO ${TABLES.passages} (id, doc_id, len2, tokens) SELECT id, $2, len2, tokens::tsvector FROM unnest($1::text[], $3::int[], $4::text[]) AS t(id, len2, tokens)`,
          [batch.id, d.id, batch.len2, batch.tokens],
        );
        rows += batch.id.length;
        batch.id = [];
        batch.tokens = [];
        batch.len2 = [];
      };
      for (let p = 0; p < seg.meta.passages; p++) {
        const s = seg.postStart[p]!;
        const e = seg.postStart[p + 1]!;
        const local = Array.from(seg.postTerm.subarray(s, e), (k) => terms[k]!);
        batch.id.push(seg.meta.ids[p]!);
        batch.len2.push(seg.len2[p]!);
        batch.tokens.push(tsvectorOf(local, seg.postTf2.subarray(s, e)));
        if (batch.id.length >= ROWS_PER_INSERT) await flush();
      }
      await flush();
    }
    log(`postgres: ${rows} passage rows written, ${keep.size} unchanged document(s) kept`);
    await client.query(`DELETE FROM ${TABLES.documents}`);
    const texts = new DocumentTexts(paths.documents, readContainer(paths.documents, 'documents.bin', undefined, ['text']));
    for (const [ord, d] of manifest.documents.entries()) {
      const text = texts.text(ord);
      await client.query(`INSERT INTO ${TABLES.documents} (id, ord, prior, text) VALUES ($1, $2, $3, $4)`, [d.id, ord, documentPrior(d.quality), text]);
    }
    await client.query(`DELETE FROM ${TABLES.blobs}`);
    for (const { name, bytes } of blobs) {
      for (let i = 0, chunk = 0; i < bytes.length; i += CHUNK, chunk++) {
        await client.query(`INSERT INTO ${TABLES.blobs} (name, chunk, data) VALUES ($1, $2, $3)`, [name, chunk, bytes.subarray(i, i + CHUNK)]);
      }
    }
    await client.query(`DELETE FROM ${TABLES.terms}`);
    await client.query(`INSERT INTO ${TABLES.terms} (term, df) SELECT word, ndoc FROM ts_stat('SELECT tokens FROM ${TABLES.passages}')`);
    const count = Number((await client.query(`SELECT count(*) AS n FROM ${TABLES.passages}`)).rows[0].n);
    if (count !== manifest.passageCount) throw new Error(`postgres holds ${count} passages after publishing, the index has ${manifest.passageCount}`);
    const stats = { passages: lexicalMeta.passages, avgLength: lexicalMeta.avgLength, documents: ids };
    await client.query(
      `INSERT INTO ${TABLES.meta} (id, manifest, stats) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET manifest = EXCLUDED.manifest, stats = EXCLUDED.stats`,
      [JSON.stringify(manifest), JSON.stringify(stats)],
    );
    await client.query('COMMIT');
    await client.query(`ANALYZE ${TABLES.passages}, ${TABLES.terms}`);
    log(`postgres: index published (${count} passages, ${manifest.documents.length} documents) in ${Math.round(performance.now() - t0)} ms`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await db.end();
  }
}
