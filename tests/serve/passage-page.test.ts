/** The human-readable passage pages (/passages/:id), on a corpus with hostile text and on the fact sheet. */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/types.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const corpusDir = tempDir('page-corpus');
const indexDir = tempDir('page-index');
fs.copyFileSync(path.join(CORPUS_DIR, 'innovation-and-technology.zh-Hant.txt'), path.join(corpusDir, 'innovation-and-technology.zh-Hant.txt'));
fs.copyFileSync(path.join(CORPUS_DIR, 'innovation-and-technology.zh-Hant.meta.json'), path.join(corpusDir, 'innovation-and-technology.zh-Hant.meta.json'));
fs.writeFileSync(
  path.join(corpusDir, 'zz-hostile.md'),
  [
    '# 測試章節 <i>A</i>',
    '',
    '- 第一段：香港有「<script>alert(1)</script>」這樣的字串 & "引號"。',
    '- 第二段：量子測試平台匯集超過 1,900 家初創企業。',
    '- 第三段：<img src=x onerror=alert(2)> 的第三段文字。',
    '',
    '# 另一章節',
    '',
    '- 另一章節的文字。',
    '',
  ].join('\n'),
);
fs.writeFileSync(
  path.join(corpusDir, 'zz-hostile.meta.json'),
  JSON.stringify({ title: '測試<b>文件</b> & "引號"', language: 'zh-Hant', publisher: '測試署', updated: '2024-01-15', source: '測試來源 <u>x</u>', url: 'https://www.example.gov.hk/doc?a=1&b="2"' }),
);

let server: RunningServer;
let passages: Passage[];
const page = async (id: string, query = '') => {
  const res = await fetch(`${server.url}/passages/${encodeURIComponent(id)}${query}`);
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), html: await res.text() };
};

beforeAll(async () => {
  server = await startServer({
    config: { PORT: 0, HOST: '127.0.0.1', CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
    logger: pino({ level: 'silent' }),
  });
  passages = server.state.ready!.index.passages;
});
afterAll(() => server?.close());

describe('GET /passages/:id', () => {
  it('shows the passage highlighted within its section, with the document title, date, publisher and source link — all escaped', async () => {
    const second = passages.find((p) => p.text.startsWith('第二段'))!;
    const { status, type, csp, html } = await page(second.id);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(csp).toContain("script-src 'self'");
    // No tag from the corpus survives as markup (the ingest names the first section after the document title).
    expect(html).not.toMatch(/<(script|img|i|b|u)[\s>]/);
    expect(second.section).toBe('測試<b>文件</b> & "引號"');
    const escaped = '測試&lt;b&gt;文件&lt;/b&gt; &amp; &quot;引號&quot;';
    expect(html).toContain(`<title>${escaped} — 《${escaped}》</title>`);
    expect(html).toContain(`<h1>${escaped}</h1>`);
    expect(html).toContain('香港有「&lt;script&gt;alert(1)&lt;/script&gt;」這樣的字串 &amp; &quot;引號&quot;。');
    expect(html).toContain(`<p class="passage cited" id="${second.id}" data-label="引用段落"><mark>第二段：量子測試平台匯集超過 1,900 家初創企業。</mark></p>`);
    expect(html.match(/<mark>/g)).toHaveLength(1);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; 的第三段文字');
    expect(html).not.toContain('另一章節的文字');
    expect(html).toContain('<time datetime="2024-01-15">2024年1月15日</time>');
    expect(html).toContain('<dt>發布機構</dt><dd>測試署</dd>');
    // The metadata's URL arrives normalised by validation (quotes percent-encoded), then escaped.
    expect(html).toContain('<a href="https://www.example.gov.hk/doc?a=1&amp;b=%222%22" rel="noopener noreferrer">測試來源 &lt;u&gt;x&lt;/u&gt;</a>');
    expect(html).toContain(`<a href="/api/passages/${second.id}">`);
  });

  it('labels the page in English or Simplified Chinese on request', async () => {
    const p = passages.find((x) => x.text.startsWith('第一段'))!;
    const en = (await page(p.id, '?lang=en')).html;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<dt>Updated</dt><dd><time datetime="2024-01-15">15 January 2024</time></dd>');
    const hans = (await page(p.id, '?lang=zh-Hans')).html;
    expect(hans).toContain('<dt>发布机构</dt>');
  });

  it('is where citation links point: the cited text appears highlighted on the fact sheet page', async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '數碼港匯集多少家初創企業和科技公司？' }),
    });
    const { citations } = await res.json();
    const first = citations[0];
    const { status, html } = await (async () => {
      const r = await fetch(`${server.url}${first.url}`);
      return { status: r.status, html: await r.text() };
    })();
    expect(status).toBe(200);
    expect(html).toContain(`<mark>${first.text}</mark>`);
    expect(html).toContain(`<h1>${first.section}</h1>`);
    expect(html).toContain('<time datetime="2023-06-30">2023年6月30日</time>');
    expect(html).toContain('<dd>香港便覽：創新及科技 (Hong Kong: The Facts — Innovation and Technology)</dd>');
  });

  it('answers an unknown id with a 404 HTML page', async () => {
    const { status, type, html } = await page('p-<script>');
    expect(status).toBe(404);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('找不到這個段落');
    expect(html).not.toContain('<script>');
  });
});

describe('document metadata', () => {
  it('refuses a source url that is not http(s): the document is skipped with a warning, or stops a strict corpus', () => {
    const dir = tempDir('bad-url');
    fs.writeFileSync(path.join(dir, 'a.md'), '# A\n\n- text\n');
    fs.writeFileSync(path.join(dir, 'a.meta.json'), JSON.stringify({ url: 'javascript:alert(1)' }));
    const warnings: string[] = [];
    expect(readCorpus(dir, { strict: false, warn: (l) => warnings.push(l) })).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/a\.meta\.json: invalid metadata: url must be http\(s\)/)]);
    expect(() => readCorpus(dir, { strict: true, warn: () => {} })).toThrow(/url must be http\(s\)/);
  });
});
