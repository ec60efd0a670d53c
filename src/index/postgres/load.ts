import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../../ingest/types.js';
import { parseEnglishDictionary } from '../../text/english-dictionary.js';
import { IndexDamagedError } from '../integrity.js';
import { documentPrior } from '../lexical/bm25f.js';
import { PostgresLexicalIndex } from '../lexical/postgres.js';
import { type LoadedIndex, finishIndex } from '../load-index.js';
import { type IndexManifest, metaOf, outdatedReason, validateManifest } from '../manifest.js';
import { IndexNotReadyError, type LoadOptions } from '../prepare-index.js';
import { parseContainer } from '../store/container.js';
import { COVERAGE_KIND, CoverageIndex } from '../store/coverage-index.js';
import { PASSAGES_KIND, PassageStore } from '../store/passage-store.js';
import { TABLES, createPool, ensureSchema } from './db.js';

/**
 * A replica's index from PostgreSQL (DATABASE_URL): the manifest, the passage store and coverage
 * statistics (checked against their checksums) and the documents; lexical ranking then runs in the
 * database (full-text search), and dense ranking too with VECTOR_STORE=pgvector. The server never
 * writes to the database: `npm run ingest` publishes.
 */
export async function loadFromPostgres(opts: LoadOptions): Promise<LoadedIndex> {
  const notReady = (why: string) => new IndexNotReadyError(`Cannot use the index in the database: ${why}. Run \`npm run ingest\` with DATABASE_URL set to publish it.`);
  const db = createPool(opts.databaseUrl!);
  try {
    opts.onProgress?.({ phase: 'checking', detail: 'database' });
    await ensureSchema(db);
    const row = (await db.query(`SELECT manifest, stats FROM ${TABLES.meta} WHERE id = 1`)).rows[0] as { manifest: unknown; stats: { passages: number; avgLength: number } } | undefined;
    if (!row) throw notReady('no index has been published there');
    const outdated = outdatedReason(row.manifest);
    if (outdated) throw notReady(outdated);
    let manifest: IndexManifest;
    try {
      manifest = validateManifest(row.manifest, `${TABLES.meta}.manifest`);
    } catch (err) {
      throw notReady(err instanceof Error ? err.message : String(err));
    }
    if (manifest.requestedModel !== opts.embedding.model) {
      throw notReady(`it was built for embedding model "${manifest.requestedModel}" but EMBEDDING_MODEL is "${opts.embedding.model}"`);
    }
    if (manifest.dense && manifest.dense.store !== opts.embedding.store) {
      throw notReady(`its dense vectors are in a "${manifest.dense.store}" store but VECTOR_STORE is "${opts.embedding.store}"`);
    }
    opts.onProgress?.({ phase: 'reading', detail: 'passage store and coverage statistics' });
    const blobs = new Map<string, Buffer[]>();
    for (const r of (await db.query(`SELECT name, chunk, data FROM ${TABLES.blobs} ORDER BY name, chunk`)).rows as Array<{ name: string; data: Buffer }>) {
      blobs.set(r.name, [...(blobs.get(r.name) ?? []), r.data]);
    }
    const container = (name: string, kind: string) => {
      const parts = blobs.get(name);
      if (!parts) throw notReady(`${TABLES.blobs} has no ${name}`);
      try {
        const c = parseContainer(Buffer.concat(parts), name, kind);
        if (c.sha256 !== manifest.files[name]?.sha256) throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
        return c;
      } catch (err) {
        throw notReady(err instanceof Error ? err.message : String(err));
      }
    };
    const store = new PassageStore(container('passages.bin', PASSAGES_KIND), 'passages.bin');
    const coverage = new CoverageIndex(container('coverage.bin', COVERAGE_KIND), (i, term) => store.matchIncludes(i, term), 'coverage.bin');
    const rows = Number((await db.query(`SELECT count(*) AS n FROM ${TABLES.passages}`)).rows[0].n);
    if (store.count !== manifest.passageCount || rows !== manifest.passageCount) {
      throw notReady(`it counts ${manifest.passageCount} passages but holds ${store.count} in passages.bin and ${rows} rows in ${TABLES.passages}`);
    }
    const documents = new Map<string, { meta: DocumentMeta; text: string }>();
    const texts = new Map(((await db.query(`SELECT id, text FROM ${TABLES.documents}`)).rows as Array<{ id: string; text: string }>).map((r) => [r.id, r.text]));
    for (const d of manifest.documents) {
      const text = texts.get(d.id);
      if (text === undefined) throw notReady(`${TABLES.documents} has no document "${d.id}"`);
      documents.set(d.id, { meta: metaOf(d), text });
    }
    const englishBytes = blobs.get('english-dictionary.json');
    if (!englishBytes) throw notReady(`${TABLES.blobs} has no english-dictionary.json`);
    const englishJson = Buffer.concat(englishBytes);
    if (createHash('sha256').update(englishJson).digest('hex') !== manifest.files['english-dictionary.json']?.sha256) {
      throw notReady('english-dictionary.json does not match its checksum in the manifest');
    }
    const english = parseEnglishDictionary(englishJson.toString('utf8'), 'english-dictionary.json');
    const prior = new Map(manifest.documents.map((d) => [d.id, documentPrior(d.quality)]));
    const lexical = new PostgresLexicalIndex(db, row.stats, prior, (id) => store.indexOf(id));
    opts.onProgress?.({ phase: 'opening', detail: 'models' });
    return await finishIndex(opts, manifest, { store, lexical, coverage, documents, english }, () => db.end());
  } catch (err) {
    await db.end().catch(() => undefined);
    throw err;
  }
}
