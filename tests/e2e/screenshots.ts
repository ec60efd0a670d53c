/**
 * Screenshots of the demo FAQ page with the chat widget, taken against the real server (lexical retrieval).
 * Not part of the test run:
 *
 *   npx tsx tests/e2e/screenshots.ts
 *
 * Writes docs/screenshots/demo-desktop.png (1280×800, panel open with an answer) and
 * docs/screenshots/demo-phone.png (360×740, panel open with an answer). Needs the system Chromium
 * (apt-get install -y chromium fonts-noto-cjk) and the index (npm run ingest).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { startServer } from '../../src/serve/server.js';
import { launchBrowser } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const QUESTION = '數碼港匯集多少家初創企業和科技公司？';

async function askAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: '有問題？問我' }).click();
  const input = page.locator('factsheet-chat textarea');
  await input.fill(QUESTION);
  await input.press('Enter');
  await page.locator('factsheet-chat .msg.assistant[data-state="done"]').first().waitFor({ timeout: 30_000 });
  await page.locator('factsheet-chat .panel').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  // Park the caret out of sight: a blinking caret makes screenshots differ run to run.
  await page.locator('factsheet-chat textarea').evaluate((el) => el.blur());
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

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ config: { PORT: 0, HOST: '127.0.0.1', ALLOWED_ORIGINS: [] }, logger: pino({ level: 'warn' }) });
  const browser = await launchBrowser();
  try {
    await shoot(browser, `${server.url}/`, path.join(OUT, 'demo-desktop.png'), { width: 1280, height: 800 }, false);
    await shoot(browser, `${server.url}/`, path.join(OUT, 'demo-phone.png'), { width: 360, height: 740 }, true);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
