/**
 * The demo FAQ page (public/index.html + public/demo.js) in headless Chromium: hostile query strings
 * must not stop its script (the language links and the "open the Q&A tool" button stay wired).
 */
import fs from 'node:fs';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';
import { launchBrowser } from './browser.js';

const indexDir = tempDir('demo-e2e-index');
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, DATA_DIR: tempDir('demo-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
    logger: pino({ level: 'silent' }),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

describe('demo page query strings', () => {
  it.each([
    ['?lang=%', 'zh-Hant'],
    ['?lang=%E0%A4%A', 'zh-Hant'],
    ['?lang=en%', 'en'],
    ['?lang=en', 'en'],
    ['?lang=zh-CN', 'zh-Hans'],
  ])('%s: no script error, language %s, language links wired', async (query, lang) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/${query}`);
    await page.waitForLoadState('load');
    expect(errors).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const other = lang === 'en' ? 'zh-Hant' : 'en';
    await page.click(`#lang-switch a[data-lang="${other}"]`);
    expect(await page.getAttribute('html', 'lang')).toBe(other);
    expect(errors).toEqual([]);
    await page.close();
  });
});
