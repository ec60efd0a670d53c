import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ChatAnswer, Citation } from '../../../src/contract/chat.js';
import { distinctMarkers } from '../../../src/contract/markers.js';
import { DIALECTS } from '../../../src/serve/render/dialects.js';
import { unrenderHistory, unrenderReply } from '../../../src/serve/render/history.js';
import { renderReply } from '../../../src/serve/render/reply.js';
import { parseMarkdownV2 } from '../../helpers/telegram-markdown-v2.js';

const BASE = 'https://qa.example.gov.hk/faq';
const url = (id: string) => `${BASE}/passages/${id}`;
const cite = (marker: number, section: string, text: string): Citation => ({
  marker,
  id: `p-${String(marker).padStart(12, '0')}`,
  document: 'innovation-and-technology.zh-Hant',
  section,
  text,
  start: 0,
  end: text.length,
  score: 1,
});

const answer: ChatAnswer = {
  answer: '根據《創新及科技》（2023年6月30日更新）：\n數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。 [1]\n相關段落：[2]',
  answerable: true,
  citations: [
    cite(1, '創科界持份者', '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。'),
    cite(2, '創科基建 (Infrastructure)', '香港科學園匯集逾 1,000 家科技公司，並提供研發設施及支援服務予科技公司進行研發工作。'),
  ],
  uncovered: [],
  mode: 'extractive',
  language: 'zh-Hant',
};

/** Every ASCII punctuation character, plus markup-like sequences, in an answer and a section name. */
const NASTY = 'Price *1* _2_ [x](http://e.vil) `c` ~s~ ||p|| <b>&amp; # - + = | {} . ! \\ 1. > ';
const nasty: ChatAnswer = {
  answer: `${NASTY}[1]\n# not a heading\n1. not a list\n===`,
  answerable: true,
  citations: [cite(1, `Section ${NASTY}`, `Quote ${NASTY}`)],
  uncovered: [],
  mode: 'llm',
  language: 'en',
};

const md = new MarkdownIt({ linkify: false });
/** The text a CommonMark reader sees (tags dropped, entities decoded). */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('renderReply: text', () => {
  it('keeps [n] markers and adds a numbered Sources footer with section, short quote and passage link', () => {
    const r = renderReply(answer, { format: 'text', passageUrl: url });
    const [body, footer] = r.text.split('\n\n');
    expect(body).toBe(answer.answer);
    expect(footer!.split('\n')).toEqual([
      '資料來源',
      `[1] 創科界持份者 — 「數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。」 原文: ${url(answer.citations[0]!.id)}`,
      `[2] 創科基建 (Infrastructure) — 「${answer.citations[1]!.text.slice(0, 40)}…」 原文: ${url(answer.citations[1]!.id)}`,
    ]);
    expect(answer.citations[1]!.text.length).toBeGreaterThan(40);
    expect(r).toMatchObject({ truncated: false, citations: answer.citations });
  });

  it('shortens long quotes with an ellipsis and labels the footer in the reply language', () => {
    const long = { ...answer, language: 'en' as const, citations: [cite(1, 'S', '一'.repeat(100)), answer.citations[1]!] };
    const r = renderReply(long, { format: 'text', passageUrl: url });
    expect(r.text).toContain('\n\nSources\n');
    expect(r.text).toContain(`[1] S — 「${'一'.repeat(40)}…」 passage: `);
  });

  it('adds no markup and no escapes, and leaves out links without a public base URL', () => {
    const r = renderReply(nasty, { format: 'text', passageUrl: () => null });
    expect(r.text.startsWith(nasty.answer)).toBe(true);
    expect(r.text).toContain(`[1] Section ${NASTY.trim()} — 「Quote ${NASTY.slice(0, 34)}…」`);
    expect(r.text).not.toContain('http://qa');
    expect(r.text).not.toContain(BASE);
  });

  it('sends a decline as it is, without a footer', () => {
    const decline = { ...answer, answer: '抱歉，這份資料沒有涵蓋你的問題。', answerable: false, citations: [] };
    expect(renderReply(decline, { format: 'text', platform: 'telegram', passageUrl: url })).toEqual({ text: decline.answer, citations: [], truncated: false });
  });
});

describe('renderReply: markdown', () => {
  it('generic markdown is CommonMark whose visible text is the answer verbatim, with bold sections and links', () => {
    const r = renderReply(answer, { format: 'markdown', passageUrl: url });
    const html = md.render(r.text);
    for (const line of answer.answer.split('\n')) expect(html).toContain(`<p>${line}</p>`);
    expect(html).toContain('<strong>資料來源</strong>');
    expect(html).toContain('<li>[1] <strong>創科界持份者</strong> — 「數碼港是一個深具創意的數碼社區');
    expect(html).toContain(`<a href="${url(answer.citations[0]!.id)}">原文</a>`);
    expect(html).toContain('<strong>創科基建 (Infrastructure)</strong>');
  });

  it('CommonMark escaping neutralises every markup character', () => {
    const r = renderReply(nasty, { format: 'markdown', passageUrl: url });
    const html = md.render(r.text);
    expect(html).not.toMatch(/<(em|code|h1|ol|del|hr|b|table|h2)>/);
    expect(html.match(/<a /g)).toHaveLength(1); // only the passage link
    const text = visible(html);
    for (const line of nasty.answer.split('\n')) expect(text).toContain(line.trim());
    expect(text).toContain(`[1] Section ${NASTY.trim()}`);
    for (const ch of '\\`*_[]<>()#+-=.!|~&') expect(visible(md.renderInline(DIALECTS.commonmark.text(ch)))).toBe(ch);
  });

  it('telegram markdown is valid MarkdownV2 whose visible text is the answer verbatim', () => {
    const r = renderReply(answer, { format: 'markdown', platform: 'telegram', passageUrl: url });
    const parsed = parseMarkdownV2(r.text);
    expect(parsed.text.startsWith(`${answer.answer}\n\n資料來源\n[1] 創科界持份者 — 「數碼港`)).toBe(true);
    expect(parsed.entities.filter((e) => e.type === 'text_link').map((e) => e.url)).toEqual(answer.citations.map((c) => url(c.id)));
    expect(parsed.entities.filter((e) => e.type === 'bold').map((e) => parsed.text.slice(e.offset, e.offset + e.length))).toEqual([
      '資料來源',
      '創科界持份者',
      '創科基建 (Infrastructure)',
    ]);
  });

  it('telegram escaping survives every reserved character and a URL with parentheses', () => {
    const r = renderReply(nasty, { format: 'markdown', platform: 'telegram', passageUrl: (id) => `https://x.example/a(b)\\/${id}` });
    const parsed = parseMarkdownV2(r.text);
    expect(parsed.text.startsWith(nasty.answer)).toBe(true);
    expect(parsed.entities.map((e) => e.type)).toEqual(['bold', 'bold', 'text_link']);
    expect(parsed.entities[2]!.url).toBe('https://x.example/a%28b%29%5C/p-000000000001');
  });

  it('the markdown checker used by these tests rejects an unescaped reserved character', () => {
    expect(() => parseMarkdownV2('1,900 家.')).toThrow(/Character '\.' is reserved/);
    expect(() => parseMarkdownV2('*bold')).toThrow(/Can't find end/);
  });
});

describe('renderReply: limits', () => {
  const sentences = Array.from({ length: 40 }, (_, i) => `第${i + 1}句：${'香港科學園、數碼港及InnoHK創新香港研發平台合共匯聚逾千家科技公司（示例文字），'.repeat(3)}完。 [${(i % 5) + 1}]`);
  const long: ChatAnswer = {
    ...answer,
    answer: ['根據《創新及科技》（2023年6月30日更新）：', ...sentences, '相關段落：[6]'].join('\n'),
    citations: Array.from({ length: 6 }, (_, i) => cite(i + 1, `第${i + 1}節 (section)`, '香港科學園匯集逾 1,000 家科技公司。'.repeat(3))),
  };

  it('keeps a Telegram reply within 4,096 characters, cutting at a sentence and listing only the markers kept', () => {
    for (const format of ['text', 'markdown'] as const) {
      const r = renderReply(long, { format, platform: 'telegram', passageUrl: url });
      expect(r.truncated).toBe(true);
      expect(r.text.length).toBeLessThanOrEqual(4096);
      expect(r.text.length).toBeGreaterThan(3000);
      const shown = format === 'markdown' ? parseMarkdownV2(r.text).text : r.text;
      const [body, footer] = shown.split('\n\n');
      expect(body).toMatch(/。 \[\d\]…$/);
      expect(body).not.toContain('[6]');
      expect(distinctMarkers(footer!)).toEqual(distinctMarkers(body!).sort((a, b) => a - b));
      expect(r.citations.map((c) => c.marker)).toEqual(distinctMarkers(footer!));
    }
  });

  it('honours maxChars from 200 upwards and never exceeds the lower of maxChars and the platform limit', () => {
    for (let maxChars = 200; maxChars <= 6000; maxChars += 347) {
      for (const format of ['text', 'markdown'] as const) {
        for (const platform of ['generic', 'telegram'] as const) {
          const r = renderReply(long, { format, platform, maxChars, passageUrl: url });
          expect(r.text.length).toBeLessThanOrEqual(Math.min(maxChars, platform === 'telegram' ? 4096 : Infinity));
          expect(r.text.length).toBeGreaterThan(Math.min(maxChars, 4096) * 0.5);
          if (format === 'markdown' && platform === 'telegram') expect(() => parseMarkdownV2(r.text)).not.toThrow();
        }
      }
    }
  });

  it('cuts a single over-long sentence by characters, keeping its marker and source', () => {
    const one = { ...answer, answer: `${'很長的句子'.repeat(200)}。 [1]`, citations: [answer.citations[0]!] };
    const r = renderReply(one, { format: 'markdown', platform: 'telegram', maxChars: 300, passageUrl: url });
    expect(r.text.length).toBeLessThanOrEqual(300);
    expect(r.text.length).toBeGreaterThan(250);
    expect(parseMarkdownV2(r.text).text).toMatch(/^(很長的句子)+[很長的句子]*… \[1\]\n\n資料來源\n\[1\] 創科界持份者/);
    expect(r).toMatchObject({ truncated: true, citations: [answer.citations[0]] });
  });
});

describe('unrenderReply (rendered replies sent back as history)', () => {
  it('gives back the answer text of every rendering, so follow-ups see the answer, not the footer', () => {
    for (const a of [answer, nasty, { ...answer, language: 'en' as const }, { ...answer, language: 'zh-Hans' as const }]) {
      for (const format of ['text', 'markdown'] as const) {
        for (const platform of ['generic', 'telegram'] as const) {
          const { text } = renderReply(a, { format, platform, passageUrl: url });
          expect(unrenderReply(text), `${format}/${platform}`).toBe(a.answer);
        }
      }
    }
  });

  it('leaves unrendered answers and user turns alone', () => {
    expect(unrenderReply(answer.answer)).toBe(answer.answer);
    const history = [
      { role: 'user' as const, content: `問題\n\n資料來源\n[1] x` },
      { role: 'assistant' as const, content: renderReply(answer, { format: 'markdown', platform: 'telegram', passageUrl: url }).text },
    ];
    expect(unrenderHistory(history)).toEqual([history[0], { role: 'assistant', content: answer.answer }]);
  });
});
