/**
 * Incremental ingest: each document's hash is in the manifest and its analysis in a segment file, so
 * changing, adding or removing one document re-analyses only that document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { indexPaths } from '../../src/index/index-files.js';
import { checkIndex, loadIndex } from '../../src/index/load-index.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const embedding = { model: 'none', modelsDir: tempDir('no-models'), allowRemote: false, store: 'hnsw' };
const corpusDir = tempDir('incremental-corpus');
const indexDir = tempDir('incremental-index');
const seg = (id: string) => path.join(indexPaths(indexDir).segments, `${id}.seg`);
const mtime = (f: string) => fs.statSync(f).mtimeMs;

async function build() {
  const logs: string[] = [];
  const manifest = await buildIndex({ corpusDir, indexDir, embedding, log: (l) => logs.push(l) });
  return { manifest, logs, summary: logs.find((l) => /document\(s\):/.test(l)) };
}

beforeAll(() => {
  for (const f of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(corpusDir, f));
  fs.writeFileSync(path.join(corpusDir, 'extra-a.md'), '# 補充甲\n\n- 政府正籌備量子電腦測試平台，供本地研究人員使用。\n- 測試平台預計設於科學園。\n');
  fs.writeFileSync(path.join(corpusDir, 'extra-b.md'), '# 補充乙\n\n- 低空經濟試點項目包括無人機送遞服務。\n');
});

describe('incremental ingest', () => {
  it('analyses every document on the first build and none when nothing changed', async () => {
    expect((await build()).summary).toBe('3 document(s): 3 to analyse, 0 unchanged');
    const again = await build();
    expect(again.summary).toBe('3 document(s): 0 to analyse, 3 unchanged');
    expect(again.manifest.documents.map((d) => d.hash)).toEqual(again.manifest.documents.map((d) => expect.stringMatching(/^[0-9a-f]{64}$/)));
  });

  it('re-analyses only the changed document, names it as the reason the index is stale, and serves the new text', async () => {
    const before = { factSheet: mtime(seg('innovation-and-technology.zh-Hant')), b: mtime(seg('extra-b')), a: mtime(seg('extra-a')) };
    const hashes = new Map((await build()).manifest.documents.map((d) => [d.id, d.hash]));
    fs.writeFileSync(path.join(corpusDir, 'extra-a.md'), '# 補充甲\n\n- 政府正籌備氫能巴士示範計劃，供本地營運商試用。\n- 示範路線預計設於沙田。\n');
    expect(checkIndex({ corpusDir, indexDir, embedding })).toMatch(/corpus folder changed.*changed: extra-a\)/);
    const { summary, manifest } = await build();
    expect(summary).toBe('3 document(s): 1 to analyse, 2 unchanged');
    expect(mtime(seg('innovation-and-technology.zh-Hant'))).toBe(before.factSheet);
    expect(mtime(seg('extra-b'))).toBe(before.b);
    expect(mtime(seg('extra-a'))).not.toBe(before.a);
    for (const d of manifest.documents) expect(d.hash === hashes.get(d.id)).toBe(d.id !== 'extra-a');
    const index = await loadIndex({ corpusDir, indexDir, embedding });
    const r = await new Retriever(index).retrieve('氫能巴士示範計劃', { k: 3 });
    expect(r.hits[0]!.passage.docId).toBe('extra-a');
    expect(index.passages.some((p) => p.text.includes('量子電腦'))).toBe(false);
  });

  it('drops a removed document and its segment without analysing the others', async () => {
    fs.rmSync(path.join(corpusDir, 'extra-b.md'));
    const { summary, manifest } = await build();
    expect(summary).toBe('2 document(s): 0 to analyse, 2 unchanged');
    expect(manifest.documents.map((d) => d.id)).toEqual(['extra-a', 'innovation-and-technology.zh-Hant']);
    expect(fs.existsSync(seg('extra-b'))).toBe(false);
    expect(checkIndex({ corpusDir, indexDir, embedding })).toBeNull();
  });

  it('re-analyses a document whose stored segment was damaged', async () => {
    fs.writeFileSync(seg('extra-a'), 'not a segment');
    const { logs, manifest } = await build();
    expect(logs).toContain('segments/extra-a.seg is damaged or stale; analysing extra-a.md again');
    expect(checkIndex({ corpusDir, indexDir, embedding })).toBeNull();
    expect(manifest.documents.find((d) => d.id === 'extra-a')!.passages).toBe(2);
  });
});
