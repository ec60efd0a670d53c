/**
 * Reading a corpus with bad files in it: each is skipped with a warning naming the file and line
 * (or stops the read with STRICT_CORPUS), and a document without metadata is titled by its heading.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusFileError, readCorpus } from '../../src/ingest/corpus.js';
import { writeMixedCorpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/paths.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function mixed(): string {
  const dir = tempDir('corpus-mixed');
  dirs.push(dir);
  writeMixedCorpus(dir);
  return dir;
}

describe('readCorpus with bad files', () => {
  it('skips each bad file with a warning naming the file (and line), and keeps the good ones', () => {
    const warnings: string[] = [];
    const docs = readCorpus(mixed(), { strict: false, warn: (l) => warnings.push(l) });
    expect(docs.map((d) => d.meta.id)).toEqual(['aa-notes']);
    expect(docs.every((d) => !d.raw.includes('\uFFFD') && !d.raw.includes('\u0000'))).toBe(true);
    const joined = warnings.join('\n');
    expect(joined).toMatch(/bad\.txt line 3: not valid UTF-8/);
    expect(joined).toMatch(/nul\.txt line 3: contains a NUL byte/);
    expect(joined).toMatch(/broken\.txt: cannot be read \(ENOENT\)/);
    expect(joined).toMatch(/zz-short\.txt: no title/);
    expect(joined).toMatch(/meta-bad\.meta\.json: not valid JSON/);
    expect(warnings).toHaveLength(5);
  });

  it('titles a document without metadata by its first heading', () => {
    const [doc] = readCorpus(mixed(), { strict: false, warn: () => {} });
    expect(doc!.meta.title).toBe('測試園區簡介');
  });

  it('stops at the first bad file when strict, naming it', () => {
    expect(() => readCorpus(mixed(), { strict: true, warn: () => {} })).toThrow(CorpusFileError);
    expect(() => readCorpus(mixed(), { strict: true, warn: () => {} })).toThrow(/bad\.txt line 3: not valid UTF-8.*STRICT_CORPUS/);
  });
});
