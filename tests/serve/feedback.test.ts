/**
 * Answer ids, feedback and the opt-in question log over HTTP, against the real server and its SQLite
 * file: what a chat endpoint returns can be rated, and what is stored is what the settings allow.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import OpenAI from 'openai';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/records/database.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';

const indexDir = tempDir('feedback-index');
const quiet = pino({ level: 'silent' });
const start = (config: Record<string, unknown>) =>
  startServer({ config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0, ...config }, logger: quiet });

const post = (server: RunningServer, route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Reads the service's database file the way the report does: another connection, read-only. */
function query<T>(dataDir: string, sql: string): T[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('answer ids and feedback (question log off, the default)', () => {
  const dataDir = tempDir('feedback-data');
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ DATA_DIR: dataDir });
  });
  afterAll(() => server?.close());

  it('returns an answerId that is recorded with the outcome and cited passages, but not the question', async () => {
    const body = await (await post(server, '/api/chat', { message: '數碼港匯集多少家初創企業和科技公司？' })).json();
    expect(body.answerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = query<{ id: string; outcome: string; endpoint: string; language: string }>(dataDir, 'SELECT id, outcome, endpoint, language FROM answers');
    expect(rows).toEqual([{ id: body.answerId, outcome: 'answered', endpoint: 'chat', language: 'zh-Hant' }]);
    const cited = query<{ passage_id: string }>(dataDir, `SELECT passage_id FROM answer_citations WHERE answer_id = '${body.answerId}' ORDER BY marker`);
    expect(cited.map((c) => c.passage_id)).toEqual(body.citations.map((c: { id: string }) => c.id));
    expect(query(dataDir, 'SELECT * FROM questions')).toEqual([]);

    const declined = await (await post(server, '/api/chat', { message: '香港明天天氣如何？' })).json();
    expect(query(dataDir, `SELECT outcome, decline_reason AS r FROM answers WHERE id = '${declined.answerId}'`)).toEqual([{ outcome: 'declined', r: 'not_covered' }]);
  });

  it('takes 👍, then a 👎 with a reason that replaces it, and stores the reason redacted', async () => {
    const { answerId } = await (await post(server, '/api/chat', { message: '轉數快有多少個帳戶登記？' })).json();
    const up = await post(server, '/api/feedback', { answerId, rating: 'up' });
    expect(up.status).toBe(201);
    expect(await up.json()).toEqual({ answerId, rating: 'up', replaced: false });
    const down = await post(server, '/api/feedback', { answerId, rating: 'down', reason: '數字不是最新的，請電郵 someone@example.com', extra: 1 });
    expect(down.status).toBe(200);
    expect(await down.json()).toEqual({ answerId, rating: 'down', replaced: true });
    expect(query(dataDir, `SELECT rating, reason FROM feedback WHERE answer_id = '${answerId}'`)).toEqual([
      { rating: 'down', reason: '數字不是最新的，請電郵 [EMAIL]' },
    ]);
  });

  it('gives answer ids on the OpenAI-compatible endpoint too (JSON and stream), usable for feedback', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused' });
    const r = (await client.chat.completions.create({ model: 'factsheet-qa', messages: [{ role: 'user', content: 'What is InnoHK?' }] })) as unknown as {
      id: string;
      answerId: string;
    };
    expect(r.id).toBe(`chatcmpl-${r.answerId}`);
    expect((await post(server, '/api/feedback', { answerId: r.answerId, rating: 'up' })).status).toBe(201);
    const stream = await client.chat.completions.create({ model: 'factsheet-qa', stream: true, messages: [{ role: 'user', content: 'What is InnoHK?' }] });
    let last: { answerId?: string } = {};
    for await (const chunk of stream) last = chunk as unknown as typeof last;
    expect(last.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(query(dataDir, `SELECT endpoint FROM answers WHERE id = '${last.answerId}'`)).toEqual([{ endpoint: 'openai' }]);
  });

  it('puts the answerId in the SSE done event', async () => {
    const res = await post(server, '/api/chat', { message: '轉數快有多少個帳戶登記？', stream: true });
    const text = await res.text();
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(text)![1]!);
    expect(done.answerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(query(dataDir, `SELECT count(*) AS n FROM answers WHERE id = '${done.answerId}'`)).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ answerId: '3f1c2a56-8f1e-4a8b-9c3d-2b1a0f9e8d7c', rating: 'up' }, 404, 'answer_not_found'],
    [{ answerId: 'not-a-uuid', rating: 'up' }, 400, 'invalid_request'],
    [{ answerId: '3f1c2a56-8f1e-4a8b-9c3d-2b1a0f9e8d7c', rating: 'meh' }, 400, 'invalid_request'],
    [{ answerId: '3f1c2a56-8f1e-4a8b-9c3d-2b1a0f9e8d7c', rating: 'down', reason: 'x'.repeat(501) }, 400, 'invalid_request'],
    [{ rating: 'up' }, 400, 'invalid_request'],
    [[1, 2], 400, 'invalid_request'],
  ])('refuses %j with %i %s', async (body, status, code) => {
    const res = await post(server, '/api/feedback', body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await fetch(`${server.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'up' });
    expect(res.status).toBe(415);
  });
});

describe('question log (STORE_QUESTIONS=true)', () => {
  const dataDir = tempDir('questions-data');
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ DATA_DIR: dataDir, STORE_QUESTIONS: true });
  });
  afterAll(() => server?.close());

  it('stores the question with HKID, phone and e-mail redacted before storage', async () => {
    const message = '我是陳大文，身份證A123456(7)，電話 9123 4567，電郵 chan@example.com。數碼港匯集多少家初創企業？';
    const { answerId } = await (await post(server, '/api/chat', { message })).json();
    expect(query(dataDir, `SELECT text, redactions FROM questions WHERE answer_id = '${answerId}'`)).toEqual([
      { text: '我是陳大文，身份證[HKID]，電話 [PHONE]，電郵 [EMAIL]。數碼港匯集多少家初創企業？', redactions: 3 },
    ]);
    const files = fs.readdirSync(dataDir).map((f) => fs.readFileSync(path.join(dataDir, f)));
    for (const secret of ['A123456(7)', '9123 4567', 'chan@example.com']) {
      expect(files.some((b) => b.includes(Buffer.from(secret)))).toBe(false);
    }
  });
});

describe('without a usable database', () => {
  let server: RunningServer;
  const notADir = path.join(tempDir('blocked'), 'file');
  beforeAll(async () => {
    fs.writeFileSync(notADir, 'a file where the data folder should be');
    server = await start({ DATA_DIR: notADir });
  });
  afterAll(() => server?.close());

  it('still answers, and says feedback is unavailable with a 503', async () => {
    const chat = await post(server, '/api/chat', { message: '轉數快有多少個帳戶登記？' });
    expect(chat.status).toBe(200);
    const { answerId, answerable } = await chat.json();
    expect(answerable).toBe(true);
    const fb = await post(server, '/api/feedback', { answerId, rating: 'up' });
    expect(fb.status).toBe(503);
    expect((await fb.json()).error.code).toBe('feedback_unavailable');
  });
});
