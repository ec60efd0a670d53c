/**
 * Screenshots of the demo FAQ page with the chat widget, taken against the real server (lexical retrieval).
 * Not part of the test run:
 *
 *   npx tsx tests/e2e/screenshots.ts
 *
 * Writes docs/screenshots/demo-desktop.png (1280×800, panel open with an answer),
 * docs/screenshots/demo-phone.png (360×740, panel open with an answer) and
 * docs/screenshots/widget-partial-feedback.png (the panel in Simplified Chinese with a partial answer and
 * the feedback form open; an answerId is added to that reply, see shootStates). Needs the system Chromium
 * (apt-get install -y chromium fonts-noto-cjk) and the index (npm run ingest).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';
import { launchBrowser } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const QUESTION = '數碼港匯集多少家初創企業和科技公司？';

async function askAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: '有問題？問我' }).click();
  const input = page.locator('factsheet-chat textarea[part="input"]');
  await input.fill(QUESTION);
  await input.press('Enter');
  await page.locator('factsheet-chat .msg.assistant[data-state="done"]').first().waitFor({ timeout: 30_000 });
  await page.locator('factsheet-chat .panel').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  // Park the caret out of sight: a blinking caret makes screenshots differ run to run.
  await page.locator('factsheet-chat textarea[part="input"]').evaluate((el) => el.blur());
}

async function shoot(browser: Browser, url: string, file: string, viewport: { width: number; height: number }, mobile: boolean): Promise<void> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('factsheet-chat .launcher').waitFor();
    await askAndWait(page);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    await context.close();
  }
}

/**
 * The panel with a partial answer of the real server and the feedback form. The server on this branch does
 * not send an `answerId` yet, so the script adds one to the reply (routed in the browser) to show the form.
 */
async function shootStates(browser: Browser, url: string, file: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.route('**/api/chat', async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(/^event: done\ndata: (.*)$/m, (_m, data: string) => `event: done\ndata: ${JSON.stringify({ ...JSON.parse(data), answerId: 'example' })}`);
      await route.fulfill({ response: res, body });
    });
    await page.goto(`${url}/?lang=zh-Hans`);
    await page.getByRole('button', { name: '有问题？问我' }).click();
    const input = page.locator('factsheet-chat textarea[part="input"]').first();
    await input.fill('香港的储值支付工具牌照比澳门多吗？');
    await input.press('Enter');
    const msg = page.locator('factsheet-chat .msg.assistant[data-state="done"]').first();
    await msg.waitFor({ timeout: 30_000 });
    await msg.getByRole('button', { name: '没有帮助' }).click();
    await msg.getByRole('textbox').fill('想知道澳门的数字');
    await msg.getByRole('textbox').evaluate((el) => el.blur());
    await page.locator('factsheet-chat .panel').screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ config: { PORT: 0, HOST: '127.0.0.1', ALLOWED_ORIGINS: [], DATA_DIR: tempDir('screenshots-data') }, logger: pino({ level: 'warn' }) });
  const browser = await launchBrowser();
  try {
    await shoot(browser, `${server.url}/`, path.join(OUT, 'demo-desktop.png'), { width: 1280, height: 800 }, false);
    await shoot(browser, `${server.url}/`, path.join(OUT, 'demo-phone.png'), { width: 360, height: 740 }, true);
    await shootStates(browser, server.url.replace(/\/+$/, ''), path.join(OUT, 'widget-partial-feedback.png'));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
