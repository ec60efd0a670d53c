/** Bot-ready replies over HTTP: the format options on both chat endpoints, against the real server. */
import OpenAI from 'openai';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';
import { parseMarkdownV2 } from '../helpers/telegram-markdown-v2.js';

const PUBLIC = 'https://qa.example.gov.hk/faq';
const QUESTION = '數碼港匯集多少家初創企業和科技公司？';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: tempDir('format-index'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0, PUBLIC_BASE_URL: PUBLIC },
    logger: pino({ level: 'silent' }),
  });
});
afterAll(() => server?.close());

const chat = async (body: Record<string, unknown>) => {
  const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};

describe('format on POST /api/chat', () => {
  it('leaves the answer unchanged without format, with absolute passage links on citations', async () => {
    const { body } = await chat({ message: QUESTION });
    expect(body.answer).not.toContain('資料來源');
    expect(body.answer).toMatch(/公司。 \[1\]/);
    expect(body.citations[0].url).toBe(`${PUBLIC}/passages/${body.citations[0].id}`);
  });

  it('renders plain text with a numbered Sources footer linking each passage page', async () => {
    const plain = (await chat({ message: QUESTION })).body;
    const { body } = await chat({ message: QUESTION, format: 'text' });
    expect(body.answer.startsWith(`${plain.answer}\n\n資料來源\n[1] 創科界持份者 — 「數碼港是一個深具創意的數碼社區`)).toBe(true);
    for (const c of body.citations) expect(body.answer).toContain(`[${c.marker}] ${c.section}`);
    expect(body.answer).toContain(`原文: ${PUBLIC}/passages/${body.citations[0].id}`);
    expect(body.answer).not.toMatch(/[*_`\\]/);
  });

  it('renders Telegram MarkdownV2 that Telegram would accept, in the user language', async () => {
    const { body } = await chat({ message: 'How many start-ups does Cyberport host?', format: 'markdown', platform: 'telegram' });
    const parsed = parseMarkdownV2(body.answer);
    expect(parsed.text).toContain('\n\nSources\n[1] ');
    expect(parsed.entities.filter((e) => e.type === 'text_link').map((e) => e.url)).toEqual(
      body.citations.map((c: { id: string }) => `${PUBLIC}/passages/${c.id}`),
    );
    expect(body.answer.length).toBeLessThanOrEqual(4096);
  });

  it('keeps within maxChars and lists only the sources left in the reply', async () => {
    const { body } = await chat({ message: '香港科學園有甚麼設施？', format: 'text', maxChars: 200 });
    expect(body.answer.length).toBeLessThanOrEqual(200);
    const footer = body.answer.split('\n\n')[1] ?? '';
    expect(body.citations.map((c: { marker: number }) => `[${c.marker}]`).every((m: string) => footer.includes(m))).toBe(true);
  });

  it('streams the rendered reply: the deltas add up to the done event', async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: QUESTION, format: 'markdown', stream: true }),
    });
    const text = await res.text();
    const deltas = [...text.matchAll(/event: delta\ndata: (.*)/g)].map((m) => JSON.parse(m[1]!).text).join('');
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(text)![1]!);
    expect(deltas).toBe(done.answer);
    expect(done.answer).toContain('**資料來源**');
  });

  it.each([
    [{ message: QUESTION, platform: 'telegram' }, 'format'],
    [{ message: QUESTION, maxChars: 500 }, 'format'],
    [{ message: QUESTION, format: 'html' }, 'format'],
    [{ message: QUESTION, format: 'text', maxChars: 100 }, 'maxChars'],
    [{ message: QUESTION, format: 'text', platform: 'fax' }, 'platform'],
  ])('refuses %j with invalid_request naming %s', async (body, field) => {
    const { status, body: err } = await chat(body);
    expect(status).toBe(400);
    expect(err.error.code).toBe('invalid_request');
    expect(err.error.message).toMatch(new RegExp(`^${field}: `));
  });
});

describe('format on POST /v1/chat/completions', () => {
  it('puts the rendered reply in the message content, streamed or not', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused' });
    const params = { model: 'factsheet-qa', messages: [{ role: 'user' as const, content: QUESTION }], format: 'markdown', platform: 'telegram' };
    const r = await client.chat.completions.create(params as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const content = r.choices[0]!.message.content!;
    expect(parseMarkdownV2(content).text).toContain('\n\n資料來源\n[1] 創科界持份者');
    const stream = await client.chat.completions.create({ ...params, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming);
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(content);
  });
});
