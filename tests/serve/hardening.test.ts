/**
 * Smaller defects of the HTTP layer, on the real server over loopback: invisible-only messages,
 * /v1 limits, long URLs, the CSP upgrade directive, TRUST_PROXY, absolute paths in /readyz, API keys.
 */
import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config/env.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { tempDir } from '../helpers/paths.js';

const indexDir = tempDir('hardening-index');
const servers: RunningServer[] = [];

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
  return { logger, lines };
}

async function start(config: Partial<Env> = {}, env: NodeJS.ProcessEnv = {}, logger: Logger = pino({ level: 'silent' })) {
  const s = await startServer({
    env,
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: indexDir, DATA_DIR: tempDir('hardening-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0, ...config },
    logger,
  });
  servers.push(s);
  return s;
}

let server: RunningServer;
const log = capture();
beforeAll(async () => {
  // A model that is not there: the index notes why dense retrieval is off, naming the folder it looked in.
  server = await start({ EMBEDDING_MODEL: 'Xenova/not-here', TRUST_PROXY: true }, {}, log.logger);
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

const post = (s: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('messages of invisible characters only', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['a right-to-left override', '\u202E'],
    ['NUL characters', '\u0000\u0000'],
    ['a mix with a BOM, a word joiner and a Hangul filler', '\uFEFF\u2060\u3164 \u200D'],
  ])('answers %s with message_empty on /api/chat and /v1/chat/completions', async (_name, message) => {
    const chat = await post(server, '/api/chat', { message });
    expect(chat.status).toBe(400);
    expect((await chat.json()).error.code).toBe('message_empty');
    const v1 = await post(server, '/v1/chat/completions', { messages: [{ role: 'user', content: message }] });
    expect(v1.status).toBe(400);
    expect((await v1.json()).error.code).toBe('message_empty');
  });

  it('still answers a question with an invisible character inside', async () => {
    const res = await post(server, '/api/chat', { message: '數碼港\u200B匯集多少家初創企業？' });
    expect(res.status).toBe(200);
  });
});

describe('/v1/chat/completions enforces the /api/chat limits', () => {
  it('refuses 1,000 messages with history_too_long', async () => {
    const messages = Array.from({ length: 1000 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'x' }));
    messages.push({ role: 'user', content: '數碼港？' });
    const res = await post(server, '/v1/chat/completions', { messages });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('history_too_long');
  });

  it('refuses 21 earlier turns, as /api/chat does', async () => {
    const history = Array.from({ length: 21 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'x' }));
    const v1 = await post(server, '/v1/chat/completions', { messages: [...history, { role: 'user', content: '數碼港？' }] });
    const chat = await post(server, '/api/chat', { message: '數碼港？', history });
    expect([v1.status, chat.status]).toEqual([400, 400]);
    expect((await v1.json()).error.code).toBe((await chat.json()).error.code);
  });

  it('refuses an earlier turn over the per-turn limit, as /api/chat does', async () => {
    const long = 'a'.repeat(20_000);
    const v1 = await post(server, '/v1/chat/completions', { messages: [{ role: 'assistant', content: long }, { role: 'user', content: '數碼港？' }] });
    const chat = await post(server, '/api/chat', { message: '數碼港？', history: [{ role: 'assistant', content: long }] });
    expect([v1.status, chat.status]).toEqual([400, 400]);
    expect((await v1.json()).error.code).toBe((await chat.json()).error.code);
  });

  it('refuses a message over the message limit', async () => {
    const res = await post(server, '/v1/chat/completions', { messages: [{ role: 'user', content: '數'.repeat(1001) }] });
    expect((await res.json()).error.code).toBe('message_too_long');
  });
});

describe('long URLs', () => {
  it('answers a 10 KB URL with JSON 414', async () => {
    const res = await fetch(`${server.url}/api/passages/${'x'.repeat(10_000)}`);
    expect(res.status).toBe(414);
    expect((await res.json()).error.code).toBe('uri_too_long');
  });

  it("answers a 20 KB URL (past Node's header limit) with JSON 431, not an empty body", async () => {
    const res = await fetch(`${server.url}/api/passages/${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe('headers_too_large');
    // The server is still fine.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('configuration-dependent behaviour', () => {
  it('leaves upgrade-insecure-requests out of the CSP unless configured', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const https = await start({ CSP_UPGRADE_INSECURE_REQUESTS: true });
    expect((await fetch(`${https.url}/`)).headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('warns at start when TRUST_PROXY=true', () => {
    const warning = log.lines.find((l) => l.includes('TRUST_PROXY=true'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!).level).toBe(40);
  });

  it('shows no absolute path in /readyz modelNote', async () => {
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready.retrieval).toBe('lexical');
    expect(ready.modelNote).toContain('models/Xenova/not-here');
    expect(ready.modelNote).not.toContain(PROJECT_ROOT);
    expect(ready.modelNote).not.toMatch(/(^|\s)\//);
  });
});

describe('optional API keys', () => {
  const KEY = 'sk-bot-a-0123456789abcdef';
  let keyed: RunningServer;
  const keyLog = capture();
  beforeAll(async () => {
    keyed = await start({ RATE_LIMIT_PER_MINUTE: 1, ALLOWED_ORIGINS: ['http://widget.example'] }, { API_KEYS: `bot-a:${KEY}:3` }, keyLog.logger);
  });
  const ask = (headers: Record<string, string> = {}) => post(keyed, '/api/chat', { message: '數碼港匯集多少家初創企業？' }, headers);

  it('limits a keyed client by its own limit, anonymous callers (the widget) by IP, and never logs the key', async () => {
    // The widget: no key, from an allowed origin, limited per IP (1 a minute here).
    const widget = await ask({ origin: 'http://widget.example' });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe('http://widget.example');
    expect((await ask()).status).toBe(429);
    // The bot: 3 a minute, whatever the IP has used.
    for (let i = 0; i < 3; i++) expect((await ask({ authorization: `Bearer ${KEY}` })).status).toBe(200);
    const limited = await ask({ authorization: `Bearer ${KEY}` });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    const v1 = await post(keyed, '/v1/chat/completions', { messages: [{ role: 'user', content: '數碼港？' }] }, { authorization: `Bearer ${KEY}` });
    expect(v1.status).toBe(429);

    const logs = keyLog.lines.join('\n');
    expect(logs).toContain('"client":"bot-a"');
    expect(logs).not.toContain(KEY);
  });

  it('refuses a wrong key with 401 invalid_api_key', async () => {
    const res = await ask({ authorization: 'Bearer sk-not-a-key-000000000000' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_api_key');
    expect(keyLog.lines.join('\n')).not.toContain('sk-not-a-key');
  });

  it('rejects a malformed API_KEYS without echoing it', async () => {
    await expect(start({}, { API_KEYS: 'bot-b:short' })).rejects.toThrow(/API_KEYS: entry 1 is not name:key/);
    await expect(start({}, { API_KEYS: 'bot-b:short' })).rejects.not.toThrow(/short/);
  });
});
