/**
 * The corpus does not decide what the service says it is: with extra (and bad) files in corpus/,
 * declines keep the configured identity and date, answers are framed by the documents they cite,
 * and bad files are skipped with warnings naming them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceIntro } from '../../src/answer/messages.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { FOOTNOTES_MD, writeMixedCorpus } from '../helpers/corpus.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const corpusDir = tempDir('identity-corpus');
const indexDir = tempDir('identity-index');
const logs: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  }),
);
let server: RunningServer;

beforeAll(async () => {
  for (const f of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(corpusDir, f));
  writeMixedCorpus(corpusDir);
  fs.writeFileSync(path.join(corpusDir, 'footnotes.md'), FOOTNOTES_MD);
  server = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, DATA_DIR: tempDir('identity-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
    logger,
  });
});
afterAll(async () => {
  await server?.close();
  for (const d of [corpusDir, indexDir]) fs.rmSync(d, { recursive: true, force: true });
});

const ask = async (message: string, s = server) =>
  (await fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) })).json();

describe('identity and framing with a mixed corpus', () => {
  it('starts despite bad files, warning about each by name', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const warnings = logs.filter((l) => l.includes('"level":40')).join('\n');
    expect(warnings).toMatch(/bad\.txt line 3: not valid UTF-8/);
    expect(warnings).toMatch(/nul\.txt line 3/);
    expect(warnings).toMatch(/zz-short\.txt: no title/);
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready.documents.map((d: { id: string }) => d.id).sort()).toEqual(['aa-notes', 'footnotes', 'innovation-and-technology.zh-Hant']);
  });

  it.each([
    ['今晚食咩好？', /我只根據香港特區政府《創新及科技》便覽（資料截至2023年6月30日）回答有關香港創新及科技的問題/],
    ['What should I eat tonight?', /based only on the government fact sheet "創新及科技" \(as of 30 June 2023\)/],
    ['今晚吃什么好？', /我只根据香港特区政府《创新及科技》便览（资料截至2023年6月30日）回答有关香港创新及科技的问题/],
  ])('declines %s with the configured identity, not a corpus file name', async (message, expected) => {
    const body = await ask(message);
    expect(body.answerable).toBe(false);
    expect(body.answer).toMatch(expected);
    expect(body.answer).not.toMatch(/aa-notes|測試園區|bad|nul/);
  });

  it('frames an answer from a document without metadata by its heading, not its file name', async () => {
    const body = await ask('維港測試園共有多少間實驗室？');
    expect(body.answerable).toBe(true);
    expect(body.citations[0].document).toBe('aa-notes');
    expect(body.answer.split('\n')[0]).toContain('《測試園區簡介》');
    expect(body.answer).not.toContain('aa-notes');
  });

  it('names every cited document in the framing line', () => {
    const a = { id: 'a', title: '創新及科技', language: 'zh-Hant', updated: '2023-06-30' };
    const b = { id: 'b', title: '測試園區簡介', language: 'zh-Hant' };
    expect(sourceIntro([a, b], 'zh-Hant')).toBe('根據《創新及科技》（2023年6月30日更新）及《測試園區簡介》：');
    expect(sourceIntro([a, b], 'en')).toBe('According to the documents "創新及科技" (updated 30 June 2023) and "測試園區簡介", quoted in their original Traditional Chinese:');
  });

  it('takes its identity from SERVICE_* settings', async () => {
    const s = await startServer({
      env: {
        SERVICE_NAME: 'Test Q&A',
        SERVICE_SOURCE_ZH: '測試文件集',
        SERVICE_SOURCE_EN: 'the test documents',
        SERVICE_SCOPE_ZH: '測試園區',
        SERVICE_SCOPE_EN: 'the test park',
        SERVICE_DATES: '2020-01-01..2024-12-31',
        SERVICE_EXAMPLE_EN: 'how many labs the test park has',
      },
      config: { PORT: 0, HOST: '127.0.0.1', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, DATA_DIR: tempDir('identity-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
      logger: pino({ level: 'silent' }),
    });
    try {
      expect((await ask('What should I eat tonight?', s)).answer).toMatch(
        /I answer questions about the test park based only on the test documents \(covering 1 January 2020 to 31 December 2024\)\. Try asking, for example, how many labs the test park has\./,
      );
      expect((await ask('今晚食咩好？', s)).answer).toMatch(/我只根據測試文件集（涵蓋2020年1月1日至2024年12月31日）回答有關測試園區的問題/);
      expect((await (await fetch(`${s.url}/openapi.json`)).json()).info.title).toBe('Test Q&A');
    } finally {
      await s.close();
    }
  });
});

describe('corpus footnotes and citation markers', () => {
  it('quotes a passage with footnotes [9] and [1] without them reading as markers', async () => {
    const body = await ask('維港測試園的年度預算是多少？');
    expect(body.answerable).toBe(true);
    const cited = body.citations.find((c: { text: string }) => c.text.includes('年度預算'));
    expect(cited.text).toContain('5 億元[9]'); // the citation stays verbatim
    expect(body.answer).toContain('5 億元［9］');
    const markers = [...body.answer.matchAll(/\[(\d+)\]/g)].map((m: RegExpMatchArray) => Number(m[1]));
    const known = new Set(body.citations.map((c: { marker: number }) => c.marker));
    expect(markers.every((n: number) => known.has(n))).toBe(true);
    expect(markers).not.toContain(9);
  });
});
