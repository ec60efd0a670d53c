/**
 * The widget's 👍/👎 against the real endpoint (the widget's own tests script the endpoint's replies):
 * a visitor asks on the demo page, rates the answer with a reason, and the service stores it in its
 * SQLite file, personal data removed.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/records/database.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';
import { launchBrowser } from './browser.js';

const dataDir = tempDir('feedback-e2e-data');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: tempDir('feedback-e2e-index'), DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
    logger: pino({ level: 'silent' }),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('widget feedback, end to end', () => {
  it('stores the 👎 and its reason (redacted) for the answer the visitor rated', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: '有問題？問我' }).click();
      const input = page.locator('factsheet-chat textarea[part="input"]');
      await input.fill('數碼港匯集多少家初創企業和科技公司？');
      await input.press('Enter');
      const msg = page.locator('factsheet-chat .msg.assistant[data-state="done"]').first();
      await msg.waitFor({ timeout: 30_000 });
      await msg.getByRole('button', { name: '沒有幫助' }).click();
      await msg.getByRole('textbox', { name: /^原因/ }).fill('想知最新數字，請致電 9123 4567');
      await msg.getByRole('button', { name: '送出意見' }).click();
      await msg.locator('.fbthanks').waitFor({ timeout: 10_000 });

      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      try {
        const rows = db.prepare('SELECT a.outcome, a.endpoint, f.rating, f.reason FROM feedback f JOIN answers a ON a.id = f.answer_id').all();
        expect(rows).toEqual([{ outcome: 'answered', endpoint: 'chat', rating: 'down', reason: '想知最新數字，請致電 [PHONE]' }]);
      } finally {
        db.close();
      }
    } finally {
      await page.close();
    }
  });
});
