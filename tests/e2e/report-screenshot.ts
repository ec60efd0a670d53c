/**
 * Screenshots for the README's content-owner and visitor sections, from the real service. Not part of
 * the test run:
 *
 *   npx tsx tests/e2e/report-screenshot.ts
 *
 * Asks the real server (lexical, extractive, question log on, a temporary DATA_DIR) every single-turn
 * question of tests/eval/own.jsonl and holdout.jsonl, adds seeded 👍/👎, spreads the answers over the
 * last 14 days, renders `npm run report`'s HTML and a passage page in Chromium, and writes
 * docs/screenshots/report.png and docs/screenshots/passage-page.png. Needs Chromium and fonts-noto-cjk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import type { Passage } from '../../src/ingest/types.js';
import { openDatabase } from '../../src/records/database.js';
import { collectReport } from '../../src/report/report-data.js';
import { reportHtml } from '../../src/report/report-html.js';
import { startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';
import { launchBrowser } from './browser.js';

const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots');
const DAY = 86_400_000;
const REASONS = ['資料太舊，想知最新數字', '答案沒有回答我的問題', 'Not what I asked', '引用段落太長'];

/** Deterministic pseudo-random numbers, so the screenshot is the same run to run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const questions = ['own.jsonl', 'holdout.jsonl'].flatMap((f) =>
  fs
    .readFileSync(path.join(PROJECT_ROOT, 'tests', 'eval', f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; history: unknown[] })
    .filter((q) => q.history.length === 0)
    .map((q) => q.question),
);

const dataDir = tempDir('screenshot-data');
const indexDir = tempDir('screenshot-index');
const server = await startServer({
  env: {},
  config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', STORE_QUESTIONS: true, RATE_LIMIT_PER_MINUTE: 0 },
  logger: pino({ level: 'warn' }),
});
const random = seeded(42);
const post = (route: string, body: unknown) =>
  fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
try {
  for (const q of [...questions, ...questions.slice(0, 40)]) {
    const a = (await post('/api/chat', { message: q })) as { answerId: string; answerable: boolean };
    const r = random();
    if (a.answerable ? r < 0.3 : r < 0.05) await post('/api/feedback', { answerId: a.answerId, rating: 'up' });
    else if (r > (a.answerable ? 0.93 : 0.8)) await post('/api/feedback', { answerId: a.answerId, rating: 'down', reason: REASONS[Math.floor(random() * REASONS.length)] });
  }
} finally {
  await server.close();
}

// Spread the answers over two weeks, more recently more.
const db = openDatabase(dataDir);
const now = Date.now();
for (const { id } of db.prepare('SELECT id FROM answers').all() as Array<{ id: string }>) {
  const at = now - Math.floor(random() ** 1.5 * 14) * DAY - Math.floor(random() * 10) * 3_600_000;
  db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(at, id);
  db.prepare('UPDATE feedback SET created_at = ?, updated_at = ? WHERE answer_id = ?').run(at, at, id);
}
const passages = fs.readFileSync(path.join(indexDir, 'passages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Passage);
const data = collectReport(db, { days: 14, passages });
db.close();
const file = path.join(dataDir, 'report.html');
fs.writeFileSync(file, reportHtml(data, { database: 'data/factsheet-qa.sqlite', title: '《創新及科技》 Q&A' }));

fs.mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-charts="ready"]');
  // The top of the report: summary, questions per day, outcomes, unanswered topics.
  await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1700 } });
  console.log(`wrote docs/screenshots/report.png (${data.totals.answers} questions, ${data.declinedTopics.length} topics)`);

  const pageServer = await startServer({ env: {}, config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, DATA_DIR: dataDir, EMBEDDING_MODEL: 'none' }, logger: pino({ level: 'warn' }) });
  try {
    const cited = passages.find((p) => p.text.includes('1,900'))!;
    const phone = await browser.newPage({ viewport: { width: 390, height: 780 }, deviceScaleFactor: 1, isMobile: true });
    await phone.goto(`${pageServer.url}/passages/${cited.id}`);
    await phone.locator('mark').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(OUT, 'passage-page.png') });
    console.log('wrote docs/screenshots/passage-page.png');
  } finally {
    await pageServer.close();
  }
} finally {
  await browser.close();
}
