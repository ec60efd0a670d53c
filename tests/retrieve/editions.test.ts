/**
 * Two editions of the fact sheet (same series): answers come from the newest and say its date; the
 * older edition is cited only when the question asks about its year.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../src/ingest/types.js';
import { EditionPolicy } from '../../src/retrieve/editions.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const NEW = 'innovation-and-technology.zh-Hant';
const OLD = 'innovation-and-technology-2022.zh-Hant';

describe('EditionPolicy', () => {
  const doc = (id: string, m: Partial<DocumentMeta>) => ({ meta: { id, title: 't', language: 'zh-Hant', ...m } });
  const policy = new EditionPolicy([
    doc('a-2023', { series: 'a', edition: '2023', updated: '2023-06-30' }),
    doc('a-2022', { series: 'a', edition: '2022', updated: '2022-06-30' }),
    doc('a-2021', { series: 'a', updated: '2021-07-01' }),
    doc('other', { updated: '2020-01-01' }),
  ]);
  it('leaves out superseded editions by default, never documents outside a series', () => {
    expect([...policy.exclusions('數碼港有多少家公司？')].sort()).toEqual(['a-2021', 'a-2022']);
  });
  it('lets an older edition compete when its year is named, and uses only it with an edition cue', () => {
    expect([...policy.exclusions('2022年12月公布了甚麼？')].sort()).toEqual(['a-2021']);
    expect([...policy.exclusions('2022年版便覽中數碼港有多少家公司？')].sort()).toEqual(['a-2021', 'a-2023']);
    expect([...policy.exclusions('In the 2021 edition, how many?')].sort()).toEqual(['a-2022', 'a-2023']);
  });
  it('does nothing without series', () => {
    expect(new EditionPolicy([doc('x', {}), doc('y', {})]).empty).toBe(true);
  });
});

describe('answers over two editions (HTTP)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const corpusDir = tempDir('editions-corpus');
    const meta = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, `${NEW}.meta.json`), 'utf8'));
    const text = fs.readFileSync(path.join(CORPUS_DIR, `${NEW}.txt`), 'utf8');
    expect(text).toContain('超過 1,900 家初創企業');
    fs.writeFileSync(path.join(corpusDir, `${NEW}.txt`), text);
    fs.writeFileSync(path.join(corpusDir, `${NEW}.meta.json`), JSON.stringify({ ...meta, series: 'hk-facts-innovation', edition: '2023' }));
    fs.writeFileSync(path.join(corpusDir, `${OLD}.txt`), text.replace('超過 1,900 家初創企業', '超過 1,800 家初創企業'));
    fs.writeFileSync(path.join(corpusDir, `${OLD}.meta.json`), JSON.stringify({ ...meta, updated: '2022-06-30', series: 'hk-facts-innovation', edition: '2022' }));
    server = await startServer({
      env: {},
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: tempDir('data'), CORPUS_DIR: corpusDir, INDEX_DIR: tempDir('editions-index'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(() => server?.close());

  const ask = async (message: string) =>
    (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) })).json();

  it('answers from the newest edition and says its date', async () => {
    const body = await ask('數碼港匯集多少家初創企業和科技公司？');
    expect(body.answer).toContain('1,900');
    expect(body.answer).not.toContain('1,800');
    expect(body.answer).toContain('2023年6月30日');
    expect(body.citations.map((c: { document: string }) => c.document)).toEqual(body.citations.map(() => NEW));
  });

  it('cites the older edition, with its date, when asked about its year', async () => {
    const zh = await ask('2022年版便覽中，數碼港匯集多少家初創企業和科技公司？');
    expect(zh.answer).toContain('1,800');
    expect(zh.answer).toContain('2022年6月30日');
    expect(zh.citations[0].document).toBe(OLD);
    const en = await ask('According to the 2022 edition, how many start-ups does Cyberport host?');
    expect(en.answer).toContain('1,800');
    expect(en.answer).toContain('30 June 2022');
  });
});
