/**
 * Bounded LLM work, end to end: the real server talks through LangChain's ChatOpenAI to the
 * loopback fake (tests/helpers/fake-openai-server.ts), which plays a misbehaving model: huge,
 * slow or failing completions. Each server here gets its own limits; they share one lexical index.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config/env.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { type FakeOpenAI, type RecordedRequest, startFakeOpenAI } from '../helpers/fake-openai-server.js';
import { tempDir } from '../helpers/paths.js';

const CYBERPORT_Q = '數碼港匯集多少家初創企業和科技公司？';
const CYBERPORT_SENTENCE = '數碼港匯集超過 1,900 家初創企業和科技公司。';

let fake: FakeOpenAI;
const indexDir = tempDir('llm-bounds-index');
const servers: RunningServer[] = [];

async function start(config: Partial<Env> = {}, logger = pino({ level: 'silent' })): Promise<RunningServer> {
  const s = await startServer({
    env: {},
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      INDEX_DIR: indexDir,
      DATA_DIR: tempDir('llm-bounds-data'),
      EMBEDDING_MODEL: 'none',
      LLM_BASE_URL: fake.baseUrl,
      LLM_API_KEY: 'k',
      LLM_MODEL: 'fake',
      RATE_LIMIT_PER_MINUTE: 0,
      ...config,
    },
    logger,
  });
  servers.push(s);
  return s;
}

/** The number the model must cite for the Cyberport passage in this request. */
function cyberportMarker(r: RecordedRequest): number {
  const user = r.messages.find((m) => m.role === 'user')?.content ?? '';
  for (const m of user.matchAll(/^\[(\d+)\] (.+)$/gm)) if (m[2]!.includes('1,900')) return Number(m[1]);
  throw new Error('the Cyberport passage was not given to the model');
}

const ask = (s: RunningServer, message = CYBERPORT_Q) =>
  fetch(`${s.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });

/** Polls /healthz until `until` settles; returns the slowest answer in ms. */
async function slowestHealthz(s: RunningServer, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  let worst = 0;
  while (!done) {
    const t0 = performance.now();
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    worst = Math.max(worst, performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return worst;
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await fake?.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

describe('a bounded completion', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ LLM_MAX_TOKENS: 321, LLM_MAX_REPLY_CHARS: 2000, LLM_TIMEOUT_MS: 10_000 });
  });

  it('asks for max_tokens (LLM_MAX_TOKENS) and reads the reply as a stream', async () => {
    fake.reset((req) => ({ content: `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]` }));
    const body = await (await ask(server)).json();
    expect(body.mode).toBe('llm');
    expect(fake.chatRequests()[0]!.body).toMatchObject({ max_tokens: 321, stream: true });
  });

  it('stops reading a 50 MB completion past the cap: small reply, /healthz answers meanwhile', async () => {
    const sentence = (n: number) => `${CYBERPORT_SENTENCE}[${n}]`;
    fake.reset((req) => {
      const piece = sentence(cyberportMarker(req)).repeat(200); // ~7 KB per stream event
      const times = Math.ceil((50 * 2 ** 20) / Buffer.byteLength(piece));
      return { pieces: (function* () { for (let i = 0; i < times; i++) yield piece; })() };
    });
    const reply = ask(server);
    const worst = await slowestHealthz(server, reply);
    const res = await reply;
    const text = await res.text();
    const body = JSON.parse(text);
    expect(res.status).toBe(200);
    expect(body.mode).toBe('extractive');
    expect(body.answer).toContain('1,900');
    expect(text.length).toBeLessThan(16_000);
    const call = fake.chatRequests()[0]!;
    // The model was cut off long before it had sent its 50 MB.
    expect(call.bytesSent).toBeLessThan(5 * 2 ** 20);
    expect(call.aborted).toBe(true);
    // Generous: the old code stalled the event loop for seconds parsing the reply.
    expect(worst).toBeLessThan(1_000);
  });

  it('cuts one giant stream event at the byte cap instead of buffering it', async () => {
    fake.reset((req) => ({ pieces: [`${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]`.repeat(150_000)] }));
    const res = await ask(server);
    const body = await res.json();
    expect(body.mode).toBe('extractive');
    expect(JSON.stringify(body).length).toBeLessThan(16_000);
  });

  it('gives up on a completion that trickles past the deadline', async () => {
    const s = await start({ LLM_TIMEOUT_MS: 600 });
    fake.reset((req) => ({ pieces: Array.from({ length: 50 }, () => `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]`), pieceDelayMs: 100 }));
    const t0 = performance.now();
    const body = await (await ask(s)).json();
    expect(body.mode).toBe('extractive');
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});

describe('concurrent LLM calls', () => {
  it('runs at most LLM_MAX_CONCURRENCY at once, queues LLM_MAX_QUEUE, and refuses the rest with 503 llm_busy + Retry-After', async () => {
    const s = await start({ LLM_MAX_CONCURRENCY: 1, LLM_MAX_QUEUE: 1, LLM_TIMEOUT_MS: 10_000 });
    let running = 0;
    let most = 0;
    fake.reset(async (req) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 400));
      running--;
      return { content: `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]` };
    });
    const responses = await Promise.all([ask(s), ask(s), ask(s)]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const busy = responses.find((r) => r.status === 503)!;
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await busy.json()).error.code).toBe('llm_busy');
    for (const r of responses.filter((x) => x.status === 200)) expect((await r.json()).mode).toBe('llm');
    expect(most).toBe(1);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('streams the refusal as an error event with the same code', async () => {
    const s = await start({ LLM_MAX_CONCURRENCY: 1, LLM_MAX_QUEUE: 0, LLM_TIMEOUT_MS: 10_000 });
    fake.reset((req) => ({ content: `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]`, delayMs: 400 }));
    const first = ask(s);
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: CYBERPORT_Q, stream: true }),
    });
    const text = await res.text();
    expect(text).toMatch(/event: error\ndata: \{"error":\{"code":"llm_busy"/);
    expect((await first).status).toBe(200);
  });
});

describe('circuit breaker', () => {
  it('after repeated failures answers extractively at once without calling the LLM, then half-opens', async () => {
    const s = await start({ LLM_BREAKER_FAILURES: 2, LLM_BREAKER_COOLDOWN_MS: 1_500, LLM_TIMEOUT_MS: 400 });
    fake.reset(() => ({ content: 'late', delayMs: 5_000 })); // an outage: every call times out
    for (let i = 0; i < 2; i++) expect((await (await ask(s)).json()).mode).toBe('extractive');
    expect(fake.chatRequests()).toHaveLength(2);

    const t0 = performance.now();
    const body = await (await ask(s)).json();
    const elapsed = performance.now() - t0;
    expect(body.mode).toBe('extractive');
    expect(body.answer).toContain('1,900');
    expect(fake.chatRequests()).toHaveLength(2); // not called while open
    expect(elapsed).toBeLessThan(300); // not the 400 ms timeout

    // After the cooldown one trial call goes through; it succeeds, so the circuit closes.
    await new Promise((r) => setTimeout(r, 1_600));
    fake.reset((req) => ({ content: `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]` }));
    expect((await (await ask(s)).json()).mode).toBe('llm');
    expect((await (await ask(s)).json()).mode).toBe('llm');
    expect(fake.chatRequests()).toHaveLength(2);
  });
});

describe('per-request work', () => {
  it('reads only the newest turns of a long history, each cut to a bounded length', async () => {
    const s = await start({ LLM_TIMEOUT_MS: 10_000 });
    const history = Array.from({ length: 20 }, (_, i) => ({
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: `turn-${i} ${'science park innovation '.repeat(100).slice(0, 2400)} tail-${i}`,
    }));
    fake.reset((req) =>
      req.messages.some((m) => m.role === 'system') ? { content: `${CYBERPORT_SENTENCE}[${cyberportMarker(req)}]` } : { content: CYBERPORT_Q },
    );
    const res = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '那數碼港呢？', history }),
    });
    expect(res.status).toBe(200);
    const condense = fake.chatRequests()[0]!.messages[0]!.content;
    expect(condense).toContain('turn-19');
    expect(condense).toContain('turn-14');
    expect(condense).not.toContain('turn-13');
    expect(condense).not.toContain('tail-19');
    expect(condense.length).toBeLessThan(6 * 1100 + 2000);
  });
});

describe('logging upstream failures', () => {
  it('logs the status and error class only: no API key, no prompt text', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const s = await start({ LLM_API_KEY: 'sk-secret-key-123456', LLM_TIMEOUT_MS: 10_000 }, logger);
    // Upstreams that echo what they were sent: the Authorization header, the prompt.
    fake.reset((req) => ({ status: 401, message: `Incorrect API key provided: ${String(req.headers.authorization)}` }));
    expect((await (await ask(s)).json()).mode).toBe('extractive');
    fake.reset((req) => ({ status: 500, message: `model failed on: ${req.messages.map((m) => m.content).join(' ')}` }));
    expect((await (await ask(s)).json()).mode).toBe('extractive');

    const logs = lines.join('\n');
    expect(logs).toMatch(/HTTP 401/);
    expect(logs).toMatch(/HTTP 500/);
    expect(logs).not.toContain('sk-secret-key');
    expect(logs).not.toContain('Incorrect API key');
    expect(logs).not.toContain('數碼港');
    expect(logs).not.toContain('You are the question-answering assistant');
  });
});

describe('shutdown with an LLM call in flight', () => {
  it('falls back before a SHUTDOWN_GRACE_MS shorter than LLM_TIMEOUT_MS ends, and ends the stream with done', async () => {
    const s = await start({ LLM_TIMEOUT_MS: 20_000, SHUTDOWN_GRACE_MS: 1_000 });
    fake.reset(() => ({ content: 'never in time', delayMs: 30_000 }));
    const t0 = performance.now();
    const res = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: CYBERPORT_Q, stream: true }),
    });
    await new Promise((r) => setTimeout(r, 200));
    const closed = s.close();
    const text = await res.text();
    await closed;
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.at(-1)).toBe('done');
    const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!);
    expect(done.mode).toBe('extractive');
    expect(done.answer).toContain('1,900');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
