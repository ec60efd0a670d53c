/**
 * A damaged index is never reported ready: every file is checked against the manifest's counts and
 * checksums; `npm start` (rebuild) rebuilds it and says which file was wrong, `npm run serve` (no
 * rebuild) refuses, naming the file and `npm run ingest`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { buildIndex } from '../../src/index/build-index.js';
import { indexPaths } from '../../src/index/index-files.js';
import { IndexNotReadyError, loadIndex } from '../../src/index/load-index.js';
import { startServer } from '../../src/serve/server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const embedding = { model: 'none', modelsDir: tempDir('no-models'), allowRemote: false, store: 'hnsw' };
const goodIndex = tempDir('intact-index');
let passageCount = 0;

beforeAll(async () => {
  passageCount = (await buildIndex({ corpusDir: CORPUS_DIR, indexDir: goodIndex, embedding })).passageCount;
});

/** A copy of the intact index, damaged by `damage`. */
function damagedCopy(damage: (paths: ReturnType<typeof indexPaths>) => void): string {
  const dir = tempDir('damaged-index');
  fs.cpSync(goodIndex, dir, { recursive: true });
  damage(indexPaths(dir));
  return dir;
}

const halve = (file: string) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
const editManifest = (file: string, edit: (m: Record<string, unknown>) => void) => {
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m));
};

const damages: Array<[string, (p: ReturnType<typeof indexPaths>) => void, RegExp]> = [
  ['passages cut in half', (p) => halve(p.passages), new RegExp(path.basename(indexPaths('x').passages).replace('.', '\\.'))],
  ['passages emptied', (p) => fs.writeFileSync(p.passages, ''), new RegExp(path.basename(indexPaths('x').passages).replace('.', '\\.'))],
  ['lexical index cut in half', (p) => halve(p.lexical), new RegExp(path.basename(indexPaths('x').lexical).replace('.', '\\.'))],
  ['coverage statistics cut in half', (p) => halve(p.coverage), /coverage\.bin/],
  ['document texts with one byte changed', (p) => {
    const b = fs.readFileSync(p.documents);
    b[10] = b[10]! ^ 1;
    fs.writeFileSync(p.documents, b);
  }, /documents\.bin does not match its checksum/],
  ['manifest.json with corrupt JSON', (p) => halve(p.manifest), /manifest\.json is not valid JSON/],
  ['manifest listing no documents', (p) => editManifest(p.manifest, (m) => (m.documents = [])), /manifest\.json .*lists no documents/],
  ['manifest whose passage count disagrees with the files', (p) => editManifest(p.manifest, (m) => {
    const docs = m.documents as Array<{ passages: number }>;
    docs[0]!.passages -= 10;
    m.passageCount = (m.passageCount as number) - 10;
  }), /passages/],
];

describe('loading a damaged index', () => {
  it.each(damages)('%s: refused without rebuild, naming the file and npm run ingest', async (_name, damage, file) => {
    const indexDir = damagedCopy(damage);
    const err = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexNotReadyError);
    expect((err as Error).message).toMatch(file);
    expect((err as Error).message).toMatch(/npm run ingest/);
  });

  it.each(damages)('%s: rebuilt when allowed, saying which file, then fully loaded', async (_name, damage, file) => {
    const indexDir = damagedCopy(damage);
    const logs: string[] = [];
    const index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding, rebuildIfStale: true, log: (l) => logs.push(l) });
    expect(logs.find((l) => l.startsWith('rebuilding the index'))).toMatch(file);
    expect(index.passages).toHaveLength(passageCount);
    expect(index.documents.size).toBe(1);
  });
});

describe('serving a damaged index', () => {
  const quiet = pino({ level: 'silent' });
  const config = (indexDir: string) => ({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: tempDir('data'), INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 });

  it('npm start rebuilds it: /readyz reports what was loaded and answerable questions are answered', async () => {
    const indexDir = damagedCopy((p) => halve(p.passages));
    const s = await startServer({ env: {}, config: config(indexDir), logger: quiet });
    try {
      const ready = await (await fetch(`${s.url}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ready', passages: passageCount });
      expect(ready.documents.map((d: { id: string }) => d.id)).toEqual(['innovation-and-technology.zh-Hant']);
      const res = await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '數碼港匯集多少家初創企業？' }) });
      expect(res.status).toBe(200);
      expect((await res.json()).answer).toContain('1,900');
    } finally {
      await s.close();
    }
  });

  it('without rebuild the server does not start and says which file is damaged', async () => {
    const indexDir = damagedCopy((p) => fs.writeFileSync(p.passages, ''));
    await expect(startServer({ env: {}, config: config(indexDir), logger: quiet, rebuild: false })).rejects.toThrow(/passages.*npm run ingest/);
  });

  it('`npm run serve` exits non-zero naming the file and npm run ingest', () => {
    const indexDir = damagedCopy((p) => halve(p.manifest));
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, ['src/cli/serve.ts', '--no-rebuild'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, INDEX_DIR: indexDir, DATA_DIR: tempDir('data'), EMBEDDING_MODEL: 'none', PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/manifest\.json is not valid JSON.*npm run ingest/);
  });
});
