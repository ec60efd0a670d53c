/**
 * End-to-end tests of the embeddable chat widget (public/widget.js) and the demo FAQ page (public/index.html)
 * in a real headless Chromium (system package, see ./browser.ts) against the REAL server (lexical retrieval).
 *
 * Needs: apt-get install -y chromium fonts-noto-cjk ; the index built (npm run ingest).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { tempDir } from '../helpers/paths.js';
import { pino } from 'pino';
import { startServer } from '../../src/serve/server.js';
import { launchBrowser } from './browser.js';

const CYBERPORT_Q = '數碼港匯集多少家初創企業和科技公司？';
const FOLLOW_UP_Q = '那科學園呢？';
const OUT_OF_SCOPE_Q = '今晚食咩好？';
const PARTIAL_Q = '香港的儲值支付工具牌照比澳門多嗎？'; // the sheet has Hong Kong's licences, nothing on Macau
const HANS_Q = '数码港汇集多少家初创企业和科技公司？'; // a suggested question of the Simplified UI

/** The host page of the cross-origin embedding test: deliberately hostile CSS. */
const HOSTILE_CSS = `
  html { font-size: 10px; }
  body { font-family: serif; font-size: 30px; color: #f0f; letter-spacing: 4px; line-height: 4; text-transform: uppercase; }
  * { box-sizing: content-box !important; transition: all 3s !important; }
  button { all: unset; }
  div { font-size: 40px !important; color: red !important; padding: 20px; }
  section, h2, p, textarea { display: inline !important; }
  factsheet-chat { display: none; }
`;

let browser: Browser;
let api: { url: string; close(): Promise<void> };
let apiUrl: string;
let hostServer: http.Server;
let hostOrigin: string;

function hostPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Some other site</title>
<style>${HOSTILE_CSS}</style></head>
<body>
  <div id="host-div">A third-party page that embeds the widget.</div>
  <button id="host-button" type="button">Host button</button>
  <script src="${apiUrl}/widget.js" data-endpoint="${apiUrl}" defer></script>
</body></html>`;
}

/** A host page that themes the widget the documented ways: custom properties and ::part(). */
const THEME_CSS = `
  :root { --factsheet-chat-accent: rgb(0, 100, 0); }
  factsheet-chat { --factsheet-chat-font: monospace; }
  factsheet-chat::part(send) { border-radius: 0px; }
  factsheet-chat::part(panel) { width: 320px; }
  factsheet-chat::part(title) { text-transform: uppercase; }
  factsheet-chat::part(lang-switch) { gap: 3px; }
`;

function themedPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A themed host page</title><style>${THEME_CSS}</style></head>
<body>
  <p>A site with its own colours.</p>
  <script src="${apiUrl}/widget.js" data-endpoint="${apiUrl}" defer></script>
</body></html>`;
}

/** A plain host page in language `pageLang`, optionally embedding with data-lang. */
function langPage(pageLang: string, dataLang: string | null): string {
  const esc = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');
  return `<!doctype html>
<html lang="${esc(pageLang)}">
<head><meta charset="utf-8"><title>A page in ${esc(pageLang)}</title></head>
<body>
  <p>Host page.</p>
  <script src="${apiUrl}/widget.js" data-endpoint="${apiUrl}"${dataLang ? ` data-lang="${esc(dataLang)}"` : ''} defer></script>
</body></html>`;
}

beforeAll(async () => {
  // The embedding site: a second loopback origin (another port), started first so the API can allow it.
  hostServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const lang = /^\/lang\/([A-Za-z0-9-]+)$/.exec(url.pathname);
    if (req.url === '/' || req.url?.startsWith('/?') || req.url === '/themed' || lang) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(lang ? langPage(lang[1]!, url.searchParams.get('data-lang')) : req.url === '/themed' ? themedPage() : hostPage());
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;

  // env: {} keeps a developer's .env (LLM settings, index folder) out of the test; own index folder.
  api = await startServer({ env: {}, config: { PORT: 0, HOST: '127.0.0.1', ALLOWED_ORIGINS: [hostOrigin], INDEX_DIR: tempDir('e2e-index'), DATA_DIR: tempDir('e2e-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 }, logger: pino({ level: 'warn' }) });
  apiUrl = api.url.replace(/\/+$/, '');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise<void>((resolve) => (hostServer ? hostServer.close(() => resolve()) : resolve()));
});

/* ------------------------------------------------------------------ helpers */

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function openPage(url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Collect what the widget reports (its public events) for assertions.
  await page.addInitScript(() => {
    const w = window as unknown as { __fsc: { deltas: number; answers: unknown[]; errors: unknown[]; langs: unknown[]; feedback: unknown[] } };
    w.__fsc = { deltas: 0, answers: [], errors: [], langs: [], feedback: [] };
    document.addEventListener('factsheet-chat:delta', () => { w.__fsc.deltas++; });
    document.addEventListener('factsheet-chat:answer', (e) => { w.__fsc.answers.push((e as CustomEvent).detail); });
    document.addEventListener('factsheet-chat:error', (e) => { w.__fsc.errors.push((e as CustomEvent).detail); });
    document.addEventListener('factsheet-chat:lang', (e) => { w.__fsc.langs.push((e as CustomEvent).detail); });
    document.addEventListener('factsheet-chat:feedback', (e) => { w.__fsc.feedback.push((e as CustomEvent).detail); });
  });
  await page.goto(url);
  await page.locator('factsheet-chat .launcher').waitFor();
  return { context, page, errors };
}

interface Citation { marker: number; id: string; section: string; text: string }
interface Done { answer: string; answerable: boolean; citations: Citation[]; uncovered?: string[]; mode: string; language: string; answerId?: string }

async function answers(page: Page): Promise<Done[]> {
  return page.evaluate(() => (window as unknown as { __fsc: { answers: Done[] } }).__fsc.answers);
}
async function reported<K extends 'langs' | 'feedback'>(page: Page, kind: K): Promise<unknown[]> {
  return page.evaluate((k) => (window as unknown as { __fsc: Record<string, unknown[]> }).__fsc[k]!, kind);
}
async function deltaCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __fsc: { deltas: number } }).__fsc.deltas);
}

/** Describes the focused element inside the widget's shadow root, or null when focus is elsewhere. */
async function widgetFocus(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('factsheet-chat');
    if (!host || document.activeElement !== host) return null;
    const a = host.shadowRoot?.activeElement;
    if (!a) return null;
    return `${a.tagName.toLowerCase()}${a.className ? '.' + String(a.className).split(/\s+/).join('.') : ''}`;
  });
}

/** Accessible name of the focused element inside the widget (aria-label, else its text). */
async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const a = document.querySelector('factsheet-chat')?.shadowRoot?.activeElement;
    return a ? a.getAttribute('aria-label') || (a.textContent ?? '').trim() : null;
  });
}

/** Presses `key` until the focused widget control is named `name`. */
async function tabToName(page: Page, name: string, key = 'Tab', max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`focus never reached a control named ${name} after ${max} × ${key} (now: ${await focusedName(page)})`);
}

/** Buttons and text fields inside the widget without an accessible name (should be none). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('factsheet-chat').evaluate((host) =>
    Array.from(host.shadowRoot!.querySelectorAll('button, textarea'))
      .filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim() || (b.id && host.shadowRoot!.querySelector(`label[for="${b.id}"]`)?.textContent?.trim())))
      .map((b) => b.outerHTML.slice(0, 80)),
  );
}

/** An SSE reply as the server frames it. */
function sseBody(citations: unknown[], done: Record<string, unknown>): string {
  return `event: citations\ndata: ${JSON.stringify(citations)}\n\nevent: delta\ndata: ${JSON.stringify({ text: done.answer })}\n\nevent: done\ndata: ${JSON.stringify(done)}\n\n`;
}

async function tabUntil(page: Page, pattern: RegExp, max = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await widgetFocus(page);
    if (f && pattern.test(f)) return;
  }
  throw new Error(`focus never reached ${pattern} after ${max} × ${key} (now: ${await widgetFocus(page)})`);
}

const panel = (page: Page) => page.locator('factsheet-chat .panel');
/** Wait until the panel's opening animation (if any) has finished, so boxes are final. */
async function panelSettled(page: Page): Promise<void> {
  await panel(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}
const input = (page: Page) => page.locator('factsheet-chat textarea[part="input"]');
const doneAnswers = (page: Page) => page.locator('factsheet-chat .msg.assistant[data-state="done"]');

async function waitForAnswers(page: Page, n: number): Promise<void> {
  await expect.poll(() => doneAnswers(page).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(n);
}

const squash = (s: string) => s.replace(/[\s\uE000-\uF8FF]+/g, '');

/**
 * Text contrast inside the widget: for each visible element with its own text, compare its colour with the
 * first opaque background up the tree. Returns the failures (< 4.5:1).
 */
async function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (a: number[], b: number[]) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const bgOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3]! > 0.9)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const root = document.querySelector('factsheet-chat')!.shadowRoot!;
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
      const isInput = el.tagName === 'TEXTAREA';
      if (!own && !isInput) continue;
      const r = (el as HTMLElement).getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      if ((el as HTMLElement).closest('.sr-only')) continue;
      const fg = parse(getComputedStyle(el).color).slice(0, 3);
      const bg = bgOf(el);
      const cr = ratio(fg, bg);
      if (cr < 4.5) out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className} ${cr.toFixed(2)}:1`);
    }
    return out;
  });
}

/* ------------------------------------------------------------------ tests */

describe('chat widget (real browser, real server)', () => {
  it('serves the demo FAQ page with the widget, trilingual', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    try {
      await expect.poll(() => page.title()).toContain('創新及科技');
      expect(await page.locator('h1').innerText()).toContain('創新及科技');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');

      const launcher = page.getByRole('button', { name: '有問題？問我' });
      expect(await launcher.isVisible()).toBe(true);
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('factsheet-chat').evaluate((el) => el.shadowRoot?.mode)).toBe('open');

      const js = await page.request.get(`${apiUrl}/widget.js`);
      expect(js.status()).toBe(200);
      expect(js.headers()['content-type']).toMatch(/javascript/);

      // Switch the page to English: page text and the widget's UI follow <html lang>.
      await page.getByRole('link', { name: 'English' }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').innerText()).toContain('Innovation and Technology');
      await page.getByRole('button', { name: 'Ask a question' }).waitFor();
      await page.getByRole('button', { name: 'Ask a question' }).click();
      await page.getByRole('textbox', { name: 'Type your question' }).waitFor();
      expect(await page.locator('factsheet-chat .note').innerText()).toContain('2023');
      expect(await page.getByRole('button', { name: 'New conversation' }).isVisible()).toBe(true);
      // Every control in the widget has an accessible name.
      expect(await unnamedControls(page)).toEqual([]);
      expect(await contrastFailures(page)).toEqual([]);

      // Simplified Chinese: the page's own link switches page and widget; the current language is marked.
      await page.getByRole('link', { name: '简体中文' }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      expect(await page.locator('h1').innerText()).toBe('创新及科技：常见问题');
      expect(await page.title()).toBe('创新及科技：常见问题（示范）');
      expect(await page.getByRole('link', { name: '简体中文' }).getAttribute('aria-current')).toBe('true');
      expect(await page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBeNull();
      expect(await page.getByRole('navigation', { name: '语言' }).isVisible()).toBe(true);
      await page.getByRole('dialog', { name: '创新及科技便览问答' }).waitFor();
      expect(await page.getByRole('textbox', { name: '输入你的问题' }).isVisible()).toBe(true);
      // Kept for the next visit (?lang= in the address, the choice in localStorage).
      expect(page.url()).toMatch(/\?lang=zh-Hans$/);
      await page.goto(`${apiUrl}/`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      await page.getByRole('button', { name: '有问题？问我' }).waitFor();
      expect(await contrastFailures(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keyboard only: open, ask (streamed), follow a citation, follow-up, decline, Esc', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    const bodies: Array<{ message: string; stream?: boolean; history?: Array<{ role: string; content: string }> }> = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/chat') && r.method() === 'POST') bodies.push(r.postDataJSON());
    });
    try {
      // Tab through the page to the launcher, open with Enter: the question box gets focus.
      await tabUntil(page, /^button\.launcher$/);
      await page.keyboard.press('Enter');
      expect(await panel(page).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '有問題？問我' }).getAttribute('aria-expanded')).toBe('true');
      expect(await widgetFocus(page)).toBe('textarea');
      expect(await page.getByRole('dialog', { name: '創新及科技便覽問答' }).isVisible()).toBe(true);
      expect(await page.locator('factsheet-chat .note').innerText()).toContain('2023 年 6 月 30 日');

      // Shift+Enter makes a new line, does not send.
      await page.keyboard.type('第一行');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('第二行');
      expect(await input(page).inputValue()).toBe('第一行\n第二行');
      expect(bodies).toHaveLength(0);
      await input(page).fill('');

      // Ask, send with Enter, the answer streams in.
      await page.keyboard.type(CYBERPORT_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      expect(bodies[0]).toMatchObject({ message: CYBERPORT_Q, stream: true });
      expect(bodies[0]!.history ?? []).toEqual([]);
      expect(await deltaCount(page)).toBeGreaterThanOrEqual(1);
      const [first] = await answers(page);
      expect(first!.answerable, `first answer: ${first!.answer}`).toBe(true);
      expect(first!.citations.length).toBeGreaterThanOrEqual(1);
      const answerText = await doneAnswers(page).first().locator('.text').innerText();
      expect(answerText).toMatch(/1,?900/);
      expect(await input(page).inputValue()).toBe('');
      // The polite live region announces the finished answer (not every token).
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toMatch(/1,?900/);

      // Citation markers are buttons named "來源 n"; follow one with the keyboard.
      const cite = page.getByRole('button', { name: /^來源 \d+$/ }).first();
      expect(await cite.isVisible()).toBe(true);
      const citeBox = (await cite.boundingBox())!;
      expect(Math.min(citeBox.width, citeBox.height)).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
      const marker = Number(await cite.getAttribute('data-marker'));
      const cited = first!.citations.find((c) => c.marker === marker)!;
      await tabUntil(page, /^button\.cite$/, 10, 'Shift+Tab');
      await page.keyboard.press('Enter');
      const source = page.locator('factsheet-chat .source');
      await source.waitFor({ state: 'visible' });
      expect(await source.locator('.source-title').innerText()).toContain(cited.section);
      expect(squash(await source.locator('.source-text').innerText())).toBe(squash(cited.text));
      expect(await source.locator('mark').count()).toBeGreaterThanOrEqual(1);
      expect(squash(await source.locator('mark').first().innerText())).toMatch(/1,?900/);
      expect(await widgetFocus(page)).toBe('h3.source-title');
      expect(await contrastFailures(page)).toEqual([]);
      // Esc closes the passage (not the panel) and returns focus to the citation.
      await page.keyboard.press('Escape');
      expect(await source.isVisible()).toBe(false);
      expect(await panel(page).isVisible()).toBe(true);
      expect(await widgetFocus(page)).toBe('button.cite');

      // Follow-up question: the history goes with it.
      await tabUntil(page, /^textarea$/, 10);
      await page.keyboard.type(FOLLOW_UP_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 2);
      expect(bodies[1]!.message).toBe(FOLLOW_UP_Q);
      expect(bodies[1]!.history).toEqual([
        { role: 'user', content: CYBERPORT_Q },
        { role: 'assistant', content: first!.answer },
      ]);
      const second = (await answers(page))[1]!;
      expect(second.answerable, `follow-up 「${FOLLOW_UP_Q}」 was declined: ${second.answer}`).toBe(true);
      expect(await doneAnswers(page).nth(1).locator('.text').innerText()).toContain('科學園');

      // Out of scope: a clear decline message.
      await page.keyboard.type(OUT_OF_SCOPE_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 3);
      const third = (await answers(page))[2]!;
      expect(third.answerable, `out-of-scope 「${OUT_OF_SCOPE_Q}」 after two turns was answered: ${third.answer}`).toBe(false);
      const decline = page.locator('factsheet-chat .msg.decline');
      expect(await decline.isVisible()).toBe(true);
      expect(await decline.innerText()).toContain('未能回答');
      expect(await page.getByRole('button', { name: /^來源 \d+$/ }).count()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toContain('未能回答');
      expect(await contrastFailures(page)).toEqual([]);

      // Esc closes the panel and focus returns to the launcher.
      expect(await widgetFocus(page)).toBe('textarea');
      await page.keyboard.press('Escape');
      expect(await panel(page).isVisible()).toBe(false);
      expect(await widgetFocus(page)).toBe('button.launcher');
      expect(await page.getByRole('button', { name: '有問題？問我' }).getAttribute('aria-expanded')).toBe('false');

      // Reopen: the conversation is still there; "new conversation" clears it.
      await page.keyboard.press('Enter');
      expect(await doneAnswers(page).count()).toBe(3);
      await page.getByRole('button', { name: '新對話' }).click();
      expect(await doneAnswers(page).count()).toBe(0);
      expect(await page.locator('factsheet-chat .sbtn').count()).toBeGreaterThanOrEqual(3);
      expect(await widgetFocus(page)).toBe('textarea');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('network failure: friendly message, Retry, the typed question is kept; copy answer', async () => {
    const { context, page } = await openPage(`${apiUrl}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await page.route('**/api/chat', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill(CYBERPORT_Q);
      await page.keyboard.press('Enter');
      const alert = page.locator('factsheet-chat .error[role="alert"]');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.innerText()).toContain('未能連接');
      expect(await input(page).inputValue()).toBe(CYBERPORT_Q);
      expect(await page.locator('factsheet-chat .msg.user').count()).toBe(0);
      const retry = page.getByRole('button', { name: '重試' });
      expect(await retry.isVisible()).toBe(true);

      // The network comes back: Retry sends the kept question.
      await page.unroute('**/api/chat');
      await retry.click();
      await waitForAnswers(page, 1);
      expect(await alert.isVisible()).toBe(false);
      expect(await doneAnswers(page).first().innerText()).toMatch(/1,?900/);
      expect(await input(page).inputValue()).toBe('');

      // "Copy answer" puts the answer, its sources and the fact-sheet note on the clipboard.
      await page.getByRole('button', { name: '複製答案' }).click();
      const copy = page.locator('factsheet-chat button.copy');
      await expect.poll(() => copy.innerText()).toBe('已複製');
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toMatch(/1,?900/);
      expect(clip).toContain('[1]');
      expect(clip).toContain('2023 年 6 月 30 日');
    } finally {
      await context.close();
    }
  });

  it('HTTP 429 and 5xx: retry message, nothing typed is lost', async () => {
    const { context, page } = await openPage(`${apiUrl}/`);
    try {
      let status = 429;
      await page.route('**/api/chat', (route) =>
        route.fulfill({
          status,
          contentType: 'application/json',
          headers: status === 429 ? { 'Retry-After': '30' } : {},
          body: JSON.stringify({ error: { code: status === 429 ? 'rate_limited' : 'internal', message: 'x' } }),
        }),
      );
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill('香港有多少間初創企業？');
      await page.keyboard.press('Enter');
      const alert = page.locator('factsheet-chat .error[role="alert"]');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.innerText()).toContain('提問次數太多');
      expect(await input(page).inputValue()).toBe('香港有多少間初創企業？');
      expect(await page.getByRole('button', { name: '重試' }).isVisible()).toBe(true);

      status = 503;
      await page.getByRole('button', { name: '重試' }).click();
      await expect.poll(() => alert.innerText()).toContain('暫時未能使用');
      expect(await input(page).inputValue()).toBe('香港有多少間初創企業？');
      expect(await widgetFocus(page)).toMatch(/^(textarea|button\.abtn\.retry)$/);
    } finally {
      await context.close();
    }
  });

  it('renders server text as text, never as HTML', async () => {
    const { context, page } = await openPage(`${apiUrl}/`);
    try {
      const evil = '<img src=x onerror="window.__pwned=1">';
      const citations = [{ marker: 1, id: 'x', document: 'd', section: `<b>${evil}</b>`, text: `${evil} 文字。`, start: 0, end: 1, score: 1 }];
      const done = { answer: `${evil} 答案 [1]`, answerable: true, citations, mode: 'extractive', language: 'zh-Hant' };
      const sse =
        `event: citations\ndata: ${JSON.stringify(citations)}\n\n` +
        `event: delta\ndata: ${JSON.stringify({ text: evil })}\n\n` +
        `event: delta\ndata: ${JSON.stringify({ text: ' 答案 [1]' })}\n\n` +
        `event: done\ndata: ${JSON.stringify(done)}\n\n`;
      await page.route('**/api/chat', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse }));
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill('測試');
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      await page.getByRole('button', { name: '來源 1' }).click();
      await page.locator('factsheet-chat .source').waitFor({ state: 'visible' });
      expect(await page.locator('factsheet-chat img, factsheet-chat b').count()).toBe(0);
      expect(await doneAnswers(page).first().locator('.text').innerText()).toContain('<img src=x');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('parses SSE split at any byte and highlights the cited sentence (widget internals, in the browser)', async () => {
    const { context, page } = await openPage(`${apiUrl}/`);
    try {
      const result = await page.evaluate(() => {
        type Helpers = {
          SSEParser: new (cb: (e: string, d: string) => void) => { push(s: string): void; end(): void };
          sentencesInAnswer(p: string, a: string): { sentences: string[]; flags: boolean[]; any: boolean };
        };
        const helpers = (customElements.get('factsheet-chat') as unknown as { _helpers: Helpers })._helpers;
        const stream =
          ': comment\r\n' +
          'event: citations\r\ndata: [{"marker":1}]\r\n\r\n' +
          'event: delta\ndata: {"text":"數碼港"}\n\n' +
          'event: delta\ndata: {"text":"第一行\\n第二行"}\n\n' +
          'event: done\ndata: {"answer":"x",\ndata: "answerable":true}\n\n';
        const parse = (chunks: string[]) => {
          const out: string[] = [];
          const p = new helpers.SSEParser((e, d) => out.push(`${e}|${d}`));
          chunks.forEach((c) => p.push(c));
          p.end();
          return out.join('¶');
        };
        const whole = parse([stream]);
        const mismatches: number[] = [];
        for (let i = 1; i < stream.length; i++) if (parse([stream.slice(0, i), stream.slice(i)]) !== whole) mismatches.push(i);
        const singles = parse(Array.from(stream));
        const passage = '香港與內地合作：香港現有 16 所國家重點實驗室。創新科技署向這些機構提供的資助上限倍增至每年 4.4 億元。';
        const hl = helpers.sentencesInAnswer(passage, '根據便覽：創新科技署向這些機構提供的資助上限倍增至每年 4.4 億元。 [1]');
        const none = helpers.sentencesInAnswer(passage, '完全無關的句子 [1]');
        return { whole, mismatches, singlesOk: singles === whole, hl: hl.sentences.filter((_, i) => hl.flags[i]), noneAny: none.any, joined: hl.sentences.join('') === passage };
      });
      expect(result.whole).toBe(
        'citations|[{"marker":1}]¶delta|{"text":"數碼港"}¶delta|{"text":"第一行\\n第二行"}¶done|{"answer":"x",\n"answerable":true}',
      );
      expect(result.mismatches).toEqual([]);
      expect(result.singlesOk).toBe(true);
      expect(result.hl).toEqual(['創新科技署向這些機構提供的資助上限倍增至每年 4.4 億元。']);
      expect(result.noneAny).toBe(false);
      expect(result.joined).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('embedded on another origin: answers via CORS, hostile host CSS does not leak in', async () => {
    expect(new URL(hostOrigin).origin).not.toBe(new URL(apiUrl).origin);
    const { context, page, errors } = await openPage(`${hostOrigin}/`);
    try {
      // Host page is English, no data-lang: the widget follows the page language.
      const launcher = page.getByRole('button', { name: 'Ask a question' });
      expect(await launcher.isVisible()).toBe(true);
      const style = await launcher.evaluate((el) => {
        const s = getComputedStyle(el);
        return { fontSize: s.fontSize, position: s.position, bg: s.backgroundColor, color: s.color, tt: s.textTransform, ls: s.letterSpacing, family: s.fontFamily };
      });
      expect(style).toMatchObject({ fontSize: '16px', position: 'fixed', bg: 'rgb(11, 79, 138)', color: 'rgb(255, 255, 255)', tt: 'none' });
      expect(style.ls).toBe('normal');
      expect(style.family).not.toMatch(/^serif$/);
      const box = await launcher.boundingBox();
      expect(box!.height).toBeLessThan(80);

      const metaResponse = page.waitForResponse((r) => r.url() === `${apiUrl}/api/meta`);
      await launcher.click();
      // The widget's meta request is allowed cross-origin (CORS) and reports the fact sheet.
      expect((await metaResponse).headers()['access-control-allow-origin']).toBe(hostOrigin);
      const meta = await page.evaluate((url) => fetch(`${url}/api/meta`, { mode: 'cors', credentials: 'omit' }).then((r) => r.json()), apiUrl);
      expect(meta).toMatchObject({ documents: [{ title: '創新及科技', updated: '2023-06-30' }], corpusUpdated: '2023-06-30', limits: { maxMessageChars: 1000 } });
      await input(page).fill(CYBERPORT_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      const msg = doneAnswers(page).first();
      expect(await msg.innerText()).toMatch(/1,?900/);
      const msgStyle = await msg.evaluate((el) => ({ fontSize: getComputedStyle(el).fontSize, color: getComputedStyle(el).color }));
      expect(msgStyle).toEqual({ fontSize: '15px', color: 'rgb(26, 26, 26)' });
      expect(await page.getByRole('button', { name: /^Source \d+$/ }).count()).toBeGreaterThanOrEqual(1);

      // The panel still fits in the viewport and is laid out as a column (no host `display` rules inside).
      await panelSettled(page);
      const pbox = await panel(page).boundingBox();
      expect(pbox!.x).toBeGreaterThanOrEqual(0);
      expect(pbox!.y).toBeGreaterThanOrEqual(0);
      expect(pbox!.x + pbox!.width).toBeLessThanOrEqual(1280);
      expect(pbox!.y + pbox!.height).toBeLessThanOrEqual(800);
      expect(await panel(page).evaluate((el) => getComputedStyle(el).display)).toBe('flex');

      // And the widget does not touch the host page.
      const host = await page.evaluate(() => ({
        div: getComputedStyle(document.getElementById('host-div')!).fontSize,
        sheets: document.styleSheets.length,
        extra: Array.from(document.body.children).map((e) => e.tagName.toLowerCase()),
      }));
      expect(host.div).toBe('40px');
      expect(host.sheets).toBe(1);
      expect(host.extra).toEqual(['div', 'button', 'script', 'factsheet-chat']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads the fact sheet title, date and limits from GET /api/meta when first opened', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    const metaRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/meta')) metaRequests.push(r.method());
    });
    const bodies: Array<{ message: string; history?: Array<{ role: string; content: string }> }> = [];
    try {
      const meta = {
        documents: [{ id: 'digital-economy.zh-Hant', title: '數碼經濟', updated: '2024-01-15' }],
        corpusUpdated: '2024-01-15',
        limits: { maxMessageChars: 50, maxHistoryTurns: 2 },
      };
      let metaStatus = 503; // the index is still loading at first
      await page.route('**/api/meta', (route) =>
        route.fulfill(
          metaStatus === 200
            ? { status: 200, contentType: 'application/json', body: JSON.stringify(meta) }
            : { status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_ready', message: 'loading' } }) },
        ),
      );
      const citations = [{ marker: 1, id: 'p-1', document: 'digital-economy.zh-Hant', section: '概況', text: '數碼經濟發展迅速。', start: 0, end: 9, score: 1 }];
      await page.route('**/api/chat', (route) => {
        const body = route.request().postDataJSON();
        bodies.push(body);
        const done = { answer: `回答${bodies.length}：數碼經濟發展迅速。 [1]`, answerable: true, citations, mode: 'extractive', language: 'zh-Hant' };
        return route.fulfill({ status: 200, contentType: 'text/event-stream', body: `event: citations\ndata: ${JSON.stringify(citations)}\n\nevent: done\ndata: ${JSON.stringify(done)}\n\n` });
      });
      const note = page.locator('factsheet-chat .note');

      // Not fetched before the panel opens; a 503 keeps the built-in texts.
      await page.waitForTimeout(200);
      expect(metaRequests).toEqual([]);
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await expect.poll(() => metaRequests.length).toBe(1);
      await page.waitForTimeout(200);
      expect(await note.innerText()).toContain('《創新及科技》便覽（更新日期：2023 年 6 月 30 日）');
      expect(await input(page).getAttribute('maxlength')).toBe('1000');

      // Reopened once the service is ready: fetched once more, and the texts follow it.
      metaStatus = 200;
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await expect.poll(() => note.innerText()).toContain('《數碼經濟》便覽（更新日期：2024 年 1 月 15 日）');
      expect(metaRequests).toEqual(['GET', 'GET']);
      expect(await page.getByRole('dialog', { name: '數碼經濟便覽問答' }).isVisible()).toBe(true);
      expect(await input(page).getAttribute('maxlength')).toBe('50');
      await input(page).fill('數'.repeat(45));
      expect(await page.locator('factsheet-chat .count').innerText()).toBe('45 / 50 字');

      // The message limit is enforced with the fetched number.
      await page.locator('factsheet-chat').evaluate((el) => (el as HTMLElement & { ask(q: string): void }).ask('數'.repeat(60)));
      expect(await page.locator('factsheet-chat .error').innerText()).toContain('問題最多 50 字');
      expect(bodies).toHaveLength(0);

      // History is cut to maxHistoryTurns entries.
      for (let i = 1; i <= 3; i++) {
        await input(page).fill(`問題${i}`);
        await page.keyboard.press('Enter');
        await waitForAnswers(page, i);
      }
      expect(bodies.map((b) => (b.history ?? []).map((h) => h.content))).toEqual([
        [],
        ['問題1', '回答1：數碼經濟發展迅速。 [1]'],
        ['問題2', '回答2：數碼經濟發展迅速。 [1]'],
      ]);
      // The cited passage names its document from the meta.
      await page.getByRole('button', { name: '來源 1' }).first().click();
      expect(await page.locator('factsheet-chat .source-kicker').innerText()).toBe('來源 1・《數碼經濟》便覽');
      await page.keyboard.press('Escape');

      // Closing and reopening does not fetch again; switching language re-renders with the fetched date.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
      await expect.poll(() => note.innerText()).toBe('Answers come only from the HKSAR Government fact sheet “數碼經濟” (updated 15 January 2024).');
      expect(metaRequests).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('themable from the host page: custom properties and ::part()', async () => {
    const { context, page, errors } = await openPage(`${hostOrigin}/themed`);
    try {
      const launcher = page.getByRole('button', { name: 'Ask a question' });
      const look = (loc: ReturnType<Page['locator']>) =>
        loc.evaluate((el) => {
          const s = getComputedStyle(el);
          return { bg: s.backgroundColor, family: s.fontFamily, radius: s.borderRadius, tt: s.textTransform, width: s.width };
        });
      // --factsheet-chat-accent on :root reaches into the shadow root; --factsheet-chat-font on the element too.
      expect(await look(launcher)).toMatchObject({ bg: 'rgb(0, 100, 0)', family: 'monospace' });
      await launcher.click();
      await panelSettled(page);
      const send = page.getByRole('button', { name: 'Send' });
      expect(await look(send)).toMatchObject({ bg: 'rgb(0, 100, 0)', radius: '0px' });
      expect((await look(panel(page))).width).toBe('320px');
      expect((await look(page.locator('factsheet-chat .title'))).tt).toBe('uppercase');
      expect(await page.locator('factsheet-chat .langs').evaluate((el) => getComputedStyle(el).columnGap)).toBe('3px');
      // Properties the page does not set keep the built-in values.
      expect((await look(page.locator('factsheet-chat .note'))).bg).toBe('rgb(245, 247, 249)');
      expect(await contrastFailures(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('phone (360 px) and 200 % zoom: the panel fits the viewport, reduced motion respected', async () => {
    const phone = await openPage(`${apiUrl}/`, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    try {
      const { page } = phone;
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByRole('button', { name: '有問題？問我' }).tap();
      await panelSettled(page);
      const box = (await panel(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.y + box.height).toBeLessThanOrEqual(740);
      expect(box.width).toBeGreaterThanOrEqual(359);
      expect(await panel(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      await input(page).fill(CYBERPORT_Q);
      await page.getByRole('button', { name: '傳送' }).tap();
      await waitForAnswers(page, 1);
      for (const loc of [input(page), page.getByRole('button', { name: '傳送' }), page.getByRole('button', { name: '關閉問答視窗' })]) {
        const b = (await loc.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(360);
        expect(b.y + b.height).toBeLessThanOrEqual(740);
        expect(b.height).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size (minimum)
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await phone.context.close();
    }

    // 1280×800 at 200 % zoom is a 640×400 CSS-pixel viewport.
    const zoom = await openPage(`${apiUrl}/`, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    try {
      const { page } = zoom;
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await panelSettled(page);
      const box = (await panel(page).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(640);
      expect(box.y + box.height).toBeLessThanOrEqual(400);
      for (const loc of [input(page), page.getByRole('button', { name: '傳送' }), page.getByRole('button', { name: '關閉問答視窗' })]) {
        expect(await loc.isVisible()).toBe(true);
        const b = (await loc.boundingBox())!;
        expect(b.y + b.height).toBeLessThanOrEqual(400);
      }
    } finally {
      await zoom.context.close();
    }
  });

  it('follows the host page language (zh-CN, zh-SG → 简; zh-HK, zh-TW → 繁; en-GB → EN); data-lang="zh-Hans" fixes it', async () => {
    const { context, page, errors } = await openPage(`${hostOrigin}/lang/zh-CN`);
    try {
      const launcherText = () => page.locator('factsheet-chat .launcher').innerText();
      expect(await launcherText()).toBe('有问题？问我');
      expect(await page.locator('factsheet-chat .root').getAttribute('lang')).toBe('zh-Hans');
      const tags: Array<[string, string]> = [
        ['zh-SG', '有问题？问我'], ['zh-HK', '有問題？問我'], ['zh-Hans', '有问题？问我'], ['zh-TW', '有問題？問我'],
        ['zh-Hans-HK', '有问题？问我'], ['zh-Hant', '有問題？問我'], ['en-GB', 'Ask a question'], ['zh-MO', '有問題？問我'],
      ];
      for (const [tag, label] of tags) {
        await page.evaluate((l) => document.documentElement.setAttribute('lang', l), tag);
        await expect.poll(launcherText, { message: `page lang ${tag}` }).toBe(label);
      }

      // Every text of the panel in Simplified Chinese.
      await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
      await page.getByRole('button', { name: '有问题？问我' }).click();
      expect(await page.getByRole('dialog', { name: '创新及科技便览问答' }).isVisible()).toBe(true);
      expect(await page.locator('factsheet-chat .note').innerText()).toBe('答案只根据香港特区政府《创新及科技》便览（更新日期：2023 年 6 月 30 日）的内容提供。');
      expect(await page.getByRole('textbox', { name: '输入你的问题' }).getAttribute('placeholder')).toBe('例如：香港有多少家初创企业？');
      expect(await page.locator('factsheet-chat .hintrow').innerText()).toContain('按 Enter 发送，Shift + Enter 换行');
      expect(await page.locator('factsheet-chat .suggest h3').innerText()).toBe('你可以问：');
      expect(await page.locator('factsheet-chat .sbtn').allInnerTexts()).toEqual([
        HANS_Q, '香港目前有多少家初创企业？', '“产学研 1+计划”是什么？', '“智方便”提供多少项网上服务？',
      ]);
      for (const name of ['发送', '新对话', '关闭问答窗口']) expect(await page.getByRole('button', { name }).isVisible(), name).toBe(true);
      expect(await page.getByRole('group', { name: '语言' }).isVisible()).toBe(true);
      await page.locator('factsheet-chat').evaluate((el) => (el as HTMLElement & { ask(q: string): void }).ask(''));
      expect(await page.locator('factsheet-chat .error').innerText()).toBe('请先输入问题。');
      expect(await unnamedControls(page)).toEqual([]);
      expect(await contrastFailures(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // data-lang on the script tag wins over the page's lang, also when the page changes it.
    const fixed = await openPage(`${hostOrigin}/lang/en?data-lang=zh-Hans`);
    try {
      expect(await fixed.page.locator('factsheet-chat').getAttribute('lang')).toBe('zh-Hans');
      expect(await fixed.page.locator('factsheet-chat .launcher').innerText()).toBe('有问题？问我');
      await fixed.page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-HK'));
      await fixed.page.waitForTimeout(100);
      expect(await fixed.page.locator('factsheet-chat .launcher').innerText()).toBe('有问题？问我');
    } finally {
      await fixed.context.close();
    }
  });

  it('switches language inside the widget (繁 / 简 / EN) by keyboard, remembered for the session', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    try {
      await page.getByRole('button', { name: '有問題？問我' }).click();
      const pressed = () =>
        page.locator('factsheet-chat .lbtn').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('aria-label')}:${b.getAttribute('aria-pressed')}`));
      expect(await page.getByRole('group', { name: '語言' }).isVisible()).toBe(true);
      expect(await page.locator('factsheet-chat .lbtn').allInnerTexts()).toEqual(['繁', '简', 'EN']);
      expect(await pressed()).toEqual(['繁體中文:true', '简体中文:false', 'English:false']);
      for (const b of await page.locator('factsheet-chat .lbtn').all()) {
        const box = (await b.boundingBox())!;
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
      }

      // From the question box back to 简, Enter: the whole UI changes, focus stays on the button.
      expect(await widgetFocus(page)).toBe('textarea');
      await tabToName(page, '简体中文', 'Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await pressed()).toEqual(['繁體中文:false', '简体中文:true', 'English:false']);
      expect(await focusedName(page)).toBe('简体中文');
      expect(await page.getByRole('dialog', { name: '创新及科技便览问答' }).isVisible()).toBe(true);
      expect(await page.getByRole('group', { name: '语言' }).isVisible()).toBe(true);
      expect(await page.locator('factsheet-chat .sbtn').first().innerText()).toBe(HANS_Q);
      expect(await reported(page, 'langs')).toEqual([{ lang: 'zh-Hans' }]);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant'); // the host page is left alone
      // Space works too: to EN and back.
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('English');
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'New conversation' }).isVisible()).toBe(true);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Space');
      expect(await pressed()).toEqual(['繁體中文:false', '简体中文:true', 'English:false']);

      // A suggested question in Simplified is answered from the fact sheet, with Simplified labels around it.
      await page.getByRole('button', { name: HANS_Q }).click();
      await waitForAnswers(page, 1);
      const [first] = await answers(page);
      expect(first!.answerable, first!.answer).toBe(true);
      expect(first!.language).toBe('zh-Hans');
      expect(await doneAnswers(page).first().locator('.text').innerText()).toMatch(/1,?900/);
      expect(await page.locator('factsheet-chat .msg.user').getAttribute('lang')).toBe('zh-Hans');
      expect(await page.getByRole('button', { name: /^来源 \d+$/ }).count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('button', { name: '复制答案' }).isVisible()).toBe(true);
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toMatch(/^答案：.*1,?900/s);
      expect(await unnamedControls(page)).toEqual([]);
      expect(await contrastFailures(page)).toEqual([]);

      // What is already on screen is re-translated.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByRole('button', { name: /^Source \d+$/ }).count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('button', { name: 'Copy answer' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: '简体中文' }).click();

      // Remembered for the session: after a reload (the demo page re-sets its own lang="zh-Hant") it is still 简.
      await page.reload();
      await page.getByRole('button', { name: '有问题？问我' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
      // The page changing language is the newer choice: the widget follows the page and forgets the pick.
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Ask a question' }).waitFor();
      await page.getByRole('link', { name: '繁體中文' }).click();
      await page.getByRole('button', { name: '有問題？問我' }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: '有問題？問我' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('labels a partial answer (uncovered parts) in the UI language and announces it; no `uncovered` means complete', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    try {
      const citations = [{ marker: 1, id: 'p-1', document: 'innovation-and-technology.zh-Hant', section: '金融科技', text: '香港有超過 800 間金融科技公司。', start: 0, end: 16, score: 1 }];
      const covered = '香港有超過 800 間金融科技公司。 [1]';
      const replies: Array<{ sse: boolean; done: Record<string, unknown> }> = [
        { sse: true, done: { answer: `${covered}\n便覽沒有提及澳門的金融科技公司數目，所以未能比較。`, answerable: true, citations, uncovered: ['澳門的金融科技公司數目'], mode: 'extractive', language: 'zh-Hant' } },
        // A reply without the field (a plain JSON answer, as from a server before partial answers): complete.
        { sse: false, done: { answer: covered, answerable: true, citations, mode: 'extractive', language: 'zh-Hant' } },
        { sse: true, done: { answer: covered, answerable: true, citations, uncovered: [], mode: 'extractive', language: 'zh-Hant' } },
      ];
      let n = 0;
      await page.route('**/api/chat', (route) => {
        const r = replies[n++]!;
        return route.fulfill(
          r.sse
            ? { status: 200, contentType: 'text/event-stream', body: sseBody(citations, r.done) }
            : { status: 200, contentType: 'application/json', body: JSON.stringify(r.done) },
        );
      });
      await page.addStyleTag({ content: 'factsheet-chat::part(partial-label) { text-transform: uppercase; }' });
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill('香港的金融科技公司比澳門多嗎？');
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      const msg = doneAnswers(page).first();
      expect(await msg.getAttribute('data-partial')).toBe('true');
      const label = msg.locator('.partial-label');
      expect(await label.isVisible()).toBe(true);
      expect(await label.innerText()).toBe('部分解答');
      // Read right after the "答案：" prefix, before the answer text.
      expect(await msg.evaluate((el) => Array.from(el.children).map((c) => c.className))).toEqual(['sr-only', 'partial-label', 'text', 'actions']);
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toMatch(/^部分解答：香港有超過 800 間金融科技公司。.*澳門/s);
      expect(await label.evaluate((el) => getComputedStyle(el).textTransform)).toBe('uppercase'); // ::part(partial-label)
      // No answerId in these replies: no feedback controls.
      expect(await msg.locator('.feedback').count()).toBe(0);
      expect(await contrastFailures(page)).toEqual([]);

      // The label follows the UI language.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await label.innerText()).toBe('PARTIAL ANSWER');
      expect(await label.textContent()).toBe('Partial answer');
      await page.getByRole('button', { name: '简体中文' }).click();
      expect(await label.textContent()).toBe('部分解答');
      await page.getByRole('button', { name: '繁體中文' }).click();

      for (let i = 2; i <= 3; i++) {
        await input(page).fill(`問題${i}`);
        await page.keyboard.press('Enter');
        await waitForAnswers(page, i);
      }
      expect(await doneAnswers(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('data-partial')))).toEqual(['true', null, null]);
      expect(await page.locator('factsheet-chat .partial-label').count()).toBe(1);
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toMatch(/^答案：香港有超過 800 間/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('labels a partial answer of the real server (a comparison with a place the fact sheet never mentions)', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    try {
      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill(PARTIAL_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      const [done] = await answers(page);
      expect(done!.answerable, done!.answer).toBe(true);
      expect(done!.uncovered!.length, `uncovered: ${JSON.stringify(done!.uncovered)}`).toBeGreaterThanOrEqual(1);
      const msg = doneAnswers(page).first();
      expect(await msg.getAttribute('data-partial')).toBe('true');
      expect(await msg.locator('.partial-label').innerText()).toBe('部分解答');
      expect(await msg.locator('.text').innerText()).toContain('17 個儲值支付工具牌照');
      await expect.poll(() => page.locator('factsheet-chat [aria-live="polite"]').innerText()).toMatch(/^部分解答：.*澳門/s);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('feedback 👍/👎 with an optional reason: keyboard, POST body, failures keep the reason, thanks, once per answer', async () => {
    const { context, page, errors } = await openPage(`${apiUrl}/`);
    try {
      // The real server answers; each reply's answerId is replaced by a known one, so the posts can be checked.
      let answerNo = 0;
      await page.route('**/api/chat', async (route) => {
        const res = await route.fetch();
        const id = `ans-${++answerNo}`;
        const body = (await res.text()).replace(/^event: done\ndata: (.*)$/m, (_m, data: string) => `event: done\ndata: ${JSON.stringify({ ...JSON.parse(data), answerId: id })}`);
        await route.fulfill({ response: res, body });
      });
      // POST /api/feedback: scripted answers, in order, to drive every outcome (tests/e2e/feedback.e2e.test.ts uses the real endpoint).
      const posts: Array<{ url: string; method: string; contentType: string | undefined; body: unknown }> = [];
      const outcomes: Array<number | 'offline'> = [500, 'offline', 204, 409, 204];
      await page.route('**/api/feedback', (route) => {
        const req = route.request();
        posts.push({ url: req.url(), method: req.method(), contentType: req.headers()['content-type'], body: req.postDataJSON() });
        const outcome = outcomes.shift();
        if (outcome === 'offline') return route.abort('internetdisconnected');
        if (outcome === 204) return route.fulfill({ status: 204 });
        return route.fulfill({ status: outcome, contentType: 'application/json', body: JSON.stringify({ error: { code: 'x', message: 'x' } }) });
      });

      await page.getByRole('button', { name: '有問題？問我' }).click();
      await input(page).fill(CYBERPORT_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      expect((await answers(page))[0]!.answerId).toBe('ans-1');
      const msg = doneAnswers(page).first();
      expect(await msg.locator('.text').innerText()).toMatch(/1,?900/);
      const group = msg.getByRole('group', { name: '這個答案有幫助嗎？' });
      expect(await group.isVisible()).toBe(true);
      const up = group.getByRole('button', { name: '有幫助', exact: true });
      const down = group.getByRole('button', { name: '沒有幫助' });
      expect([await up.getAttribute('aria-pressed'), await down.getAttribute('aria-pressed')]).toEqual(['false', 'false']);
      for (const b of [up, down]) {
        const box = (await b.boundingBox())!;
        expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      }

      // Keyboard: from the question box back to 👎, Enter: the reason field opens and takes focus.
      expect(await widgetFocus(page)).toBe('textarea');
      await tabToName(page, '沒有幫助', 'Shift+Tab');
      await page.keyboard.press('Enter');
      expect([await up.getAttribute('aria-pressed'), await down.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
      expect(await widgetFocus(page)).toBe('textarea.reason');
      const reason = msg.getByRole('textbox', { name: '原因（選填，最多 500 字）' });
      expect(await reason.getAttribute('maxlength')).toBe('500');
      const why = '沒有提到科學園的數字';
      await page.keyboard.type(why);
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe('送出意見');
      await page.keyboard.press('Enter');

      // 500: a retry message, the reason kept, the controls still there.
      const alert = msg.locator('.fberr[role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('未能送出你的意見，請再按「送出意見」重試。你輸入的內容已保留。');
      expect(await reason.inputValue()).toBe(why);
      const sent = { answerId: 'ans-1', rating: 'down', reason: why };
      expect(posts).toEqual([{ url: `${apiUrl}/api/feedback`, method: 'POST', contentType: 'application/json', body: sent }]);
      expect(await contrastFailures(page)).toEqual([]);

      // Switching language meanwhile re-translates the box.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await msg.getByRole('group', { name: 'Was this answer helpful?' }).isVisible()).toBe(true);
      expect(await msg.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe('true');
      expect(await msg.getByRole('textbox', { name: 'Reason (optional, up to 500 characters)' }).inputValue()).toBe(why);
      expect(await alert.innerText()).toContain('could not be sent');
      await page.getByRole('button', { name: '繁體中文' }).click();

      // Network failure: the same.
      await msg.getByRole('button', { name: '送出意見' }).click();
      await expect.poll(() => posts.length).toBe(2);
      await expect.poll(() => msg.locator('.feedback').getAttribute('aria-busy')).toBeNull();
      expect(await alert.isVisible()).toBe(true);
      expect(await alert.innerText()).toContain('未能送出你的意見');
      expect(await reason.inputValue()).toBe(why);

      // 204: thanks (focused, as the button it replaces had focus), no more controls: one feedback per answer.
      await msg.getByRole('button', { name: '送出意見' }).focus();
      await page.keyboard.press('Enter');
      const thanks = msg.locator('.fbthanks');
      await thanks.waitFor();
      expect(await thanks.innerText()).toBe('多謝你的意見！');
      expect(await widgetFocus(page)).toBe('p.fbthanks');
      expect(await msg.locator('.fbtn, .reason, .fsend, .fberr').count()).toBe(0);
      expect(posts.map((p) => p.body)).toEqual([sent, sent, sent]);
      expect(await reported(page, 'feedback')).toEqual([{ answerId: 'ans-1', rating: 'down' }]);
      expect(await contrastFailures(page)).toEqual([]);

      // Second answer: change of mind (👎 then 👍), a pasted reason is cut at 500 characters; 409 (the service
      // already has this answer's feedback: an earlier reply was lost) counts as done.
      await input(page).fill('香港有多少間初創企業？');
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 2);
      const msg2 = doneAnswers(page).nth(1);
      await msg2.getByRole('button', { name: '沒有幫助' }).click();
      await msg2.getByRole('button', { name: '有幫助', exact: true }).click();
      expect(await msg2.locator('.fbtn').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')))).toEqual(['true', 'false']);
      await msg2.getByRole('textbox', { name: '原因（選填，最多 500 字）' }).fill('長'.repeat(600));
      await msg2.getByRole('button', { name: '送出意見' }).click();
      await msg2.locator('.fbthanks').waitFor();
      expect(posts[3]!.body).toEqual({ answerId: 'ans-2', rating: 'up', reason: '長'.repeat(500) });

      // A decline offers feedback too ("this should have been answered"); no reason typed: the field is left out.
      // (A new conversation, so the question is not read as a follow-up of the answers above.)
      await page.getByRole('button', { name: '新對話' }).click();
      await input(page).fill(OUT_OF_SCOPE_Q);
      await page.keyboard.press('Enter');
      await waitForAnswers(page, 1);
      const decline = page.locator('factsheet-chat .msg.decline');
      await decline.getByRole('button', { name: '沒有幫助' }).click();
      await decline.getByRole('button', { name: '送出意見' }).click();
      await decline.locator('.fbthanks').waitFor();
      expect(posts[4]!.body).toEqual({ answerId: 'ans-3', rating: 'down' });
      expect(posts).toHaveLength(5);
      expect(await reported(page, 'feedback')).toHaveLength(3);
      expect(await unnamedControls(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
