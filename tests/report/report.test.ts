/**
 * `npm run report` end to end: a records database written by the real AnswerRecords, the CLI as a child
 * process, and the HTML it writes opened in headless Chromium — charts drawn, tables right, nothing from
 * the questions executed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { buildIndex } from '../../src/index/build-index.js';
import { loadIndex } from '../../src/index/load-index.js';
import type { Passage } from '../../src/ingest/types.js';
import { AnswerRecords } from '../../src/records/answer-records.js';
import { openDatabase } from '../../src/records/database.js';
import { collectReport } from '../../src/report/report-data.js';
import { configureLexicon } from '../../src/text/lexicon.js';
import { launchBrowser } from '../e2e/browser.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const run = promisify(execFile);
const DAY = 86_400_000;
const NOW = Date.now();
const HOSTILE = '<img src=x onerror="window.__pwned=1">天氣點樣？</script><script>window.__pwned=2</script>';
const indexDir = tempDir('report-index');
const dataDir = tempDir('report-data');
let passages: Passage[];
let browser: Browser;

beforeAll(async () => {
  configureLexicon({ lexiconDir: path.join(PROJECT_ROOT, 'lexicon'), cacheDir: path.join(PROJECT_ROOT, '.cache') });
  await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: { model: 'none', modelsDir: tempDir('m'), allowRemote: false, store: 'hnsw' } });
  const index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: { model: 'none', modelsDir: tempDir('m'), allowRemote: false, store: 'hnsw' } });
  passages = index.passages;
  await index.close();
  const [p1, p2] = passages;
  const records = AnswerRecords.open(dataDir, { storeQuestions: true, questionRetentionDays: 30, dataRetentionDays: 365 });
  let n = 0;
  const add = (daysAgo: number, outcome: 'answered' | 'partial' | 'declined', question: string, cite: Passage[] = [], extra: object = {}) => {
    const id = `a-${++n}`;
    records.record({
      id,
      at: new Date(NOW - daysAgo * DAY),
      endpoint: 'chat',
      language: /[a-z]{3}/i.test(question) ? 'en' : 'zh-Hant',
      mode: 'extractive',
      outcome,
      declineReason: outcome === 'declined' ? 'not_covered' : undefined,
      confidence: 0.5,
      citations: cite.map((p, i) => ({ marker: i + 1, passageId: p.id, section: p.section })),
      question,
      uncovered: [],
      ...extra,
    });
    return id;
  };
  for (let d = 0; d < 5; d++) add(d, 'answered', '數碼港有多少家公司？', [p1!, p2!]);
  add(1, 'answered', '科學園有甚麼？', [p1!]);
  add(0, 'declined', '香港明天天氣如何？');
  add(1, 'declined', '明天天气怎么样？');
  add(2, 'declined', HOSTILE);
  add(3, 'declined', '如何申請特區護照？');
  add(4, 'declined', '寫一首詩', [], { declineReason: 'creative' });
  add(2, 'partial', '數碼港有多少公司，最低工資是多少？', [p2!], { uncovered: ['最低工資'] });
  add(40, 'declined', '太舊的問題不在報告內');
  const bad = add(0, 'answered', '轉數快有幾多個帳戶？', [p2!]);
  records.feedback({ answerId: 'a-1', rating: 'up' });
  records.feedback({ answerId: 'a-2', rating: 'up' });
  records.feedback({ answerId: bad, rating: 'down', reason: '數字過時 <b>bold</b>' });
  records.close();
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('collectReport', () => {
  it('counts per Hong Kong day, by outcome, within the period', () => {
    const db = openDatabase(dataDir, { readonly: true });
    const d = collectReport(db, { days: 7, passages, now: new Date(NOW) });
    db.close();
    expect(d.perDay).toHaveLength(7);
    expect(d.totals).toEqual({ answers: 13, answered: 7, partial: 1, declined: 5, up: 2, down: 1 });
    expect(d.perDay.reduce((n, r) => n + r.answered + r.partial + r.declined, 0)).toBe(13);
    expect(d.mostCited[0]).toMatchObject({ passageId: passages[1]!.id, count: 7, text: passages[1]!.text });
    expect(d.mostCited[1]).toMatchObject({ passageId: passages[0]!.id, count: 6 });
    expect(d.declinedTopics[0]).toMatchObject({ word: '天氣', count: 3 });
    expect(d.declinedTopics.map((t) => t.word)).toEqual(expect.arrayContaining(['護照', '最低工資']));
    expect(d.declinedTopics.flatMap((t) => t.examples)).not.toContain('寫一首詩'); // declined for another reason
    expect(d.declineReasons).toEqual([
      { reason: 'not_covered', count: 4 },
      { reason: 'creative', count: 1 },
    ]);
    expect(d.downVoted).toEqual([expect.objectContaining({ reason: '數字過時 <b>bold</b>', question: '轉數快有幾多個帳戶？', cited: [passages[1]!.section] })]);
  });
});

describe('npm run report', () => {
  it('writes a static HTML report that renders its charts in Chromium, escaping what users wrote', async () => {
    const out = path.join(tempDir('report-out'), 'report.html');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--days', '14', '--out', out], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', PUBLIC_BASE_URL: 'https://qa.example.gov.hk' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/13 questions \(7 answered, 1 partial, 5 declined\), 2 👍 \/ 1 👎/);
    expect(stdout).toContain(`wrote ${out}`);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;天氣點樣？&lt;/script&gt;');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route(/^(?!file:)/, (route) => route.abort()); // a static report needs no network
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('body[data-charts="ready"]', { timeout: 10_000 });
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // Every chart drew something: count non-transparent pixels on each canvas.
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases.map((c) => {
        const { data } = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return { id: c.id, inked: n };
      }),
    );
    expect(inked.map((c) => c.id)).toEqual(['chart-per-day', 'chart-outcomes', 'chart-topics', 'chart-cited', 'chart-feedback']);
    for (const c of inked) expect(c.inked, c.id).toBeGreaterThan(2000);

    const cards = await page.locator('.card b').allTextContents();
    expect(cards).toEqual(['13', '7', '1', '5', '2', '1']);
    const topicRow = page.locator('section', { hasText: 'did not answer' }).locator('tbody tr').first();
    expect(await topicRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['天氣', '3']));
    const top = page.locator('section', { hasText: 'Most-cited' }).locator('tbody tr').first();
    expect(await top.textContent()).toContain(passages[1]!.text.slice(0, 100));
    expect(await top.locator('a').getAttribute('href')).toBe(`https://qa.example.gov.hk/passages/${passages[1]!.id}`);
    expect(await page.locator('section', { hasText: 'Feedback' }).locator('tbody').textContent()).toContain('數字過時 <b>bold</b>');
    expect(await page.content()).not.toContain('太舊的問題');
    await page.close();
  });

  it('says clearly when there is no database yet', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: tempDir('no-db'), INDEX_DIR: indexDir },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toMatch(/No database at .*factsheet-qa\.sqlite \(the service creates it when it answers its first question\)/);
  });
});
