/**
 * GET /metrics against the real server in LLM mode (a loopback OpenAI-protocol fake): request counts
 * and latency by route pattern, answer outcomes, LLM calls, fallbacks and the index — never message text.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerTrace } from '../../src/answer/answer-service.js';
import type { ChatAnswer } from '../../src/contract/chat.js';
import { ServiceMetrics, fallbackKind } from '../../src/serve/metrics.js';
import { type RunningServer, startServer } from '../../src/serve/server.js';
import { type FakeOpenAI, startFakeOpenAI } from '../helpers/fake-openai-server.js';
import { tempDir } from '../helpers/paths.js';

const SECRET_QUESTION = '數碼港匯集多少家初創企業和科技公司？我的電話是 9123 4567';
let fake: FakeOpenAI;
let server: RunningServer;

const start = (config: Record<string, unknown>) =>
  startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', INDEX_DIR: tempDir('metrics-index'), DATA_DIR: tempDir('metrics-data'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0, ...config },
    logger: pino({ level: 'silent' }),
  });

beforeAll(async () => {
  fake = await startFakeOpenAI();
  server = await start({ LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: 'k', LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: 5000 });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

const chat = (message: string) =>
  fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });

/** `name{labels} value` lines as a map from "name{labels}" to the number. */
async function scrape(s: RunningServer): Promise<{ text: string; value: (key: string) => number | undefined }> {
  const res = await fetch(`${s.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+?(?:\{.*\})?) (\S+)$/.exec(line);
    if (m && !line.startsWith('#')) values.set(m[1]!, Number(m[2]));
  }
  return { text, value: (key) => values.get(key) };
}

describe('GET /metrics', () => {

  it('counts requests, outcomes, LLM calls and fallbacks, and describes the index', async () => {
    fake.reset(() => ({ content: '數碼港匯集超過 1,900 家初創企業和科技公司。[1]' }));
    expect((await chat('數碼港匯集多少家初創企業和科技公司？')).status).toBe(200);
    fake.reset(() => ({ content: '數碼港匯集超過 5,000 家公司。[1]' })); // a number no passage has: verification fails
    expect((await chat(SECRET_QUESTION)).status).toBe(200);
    fake.reset(() => ({ status: 500, message: 'model crashed' }));
    expect((await chat(SECRET_QUESTION)).status).toBe(200);
    expect((await chat('香港明天天氣如何？')).status).toBe(200);
    expect((await chat('請寫一首關於數碼港的詩')).status).toBe(200);
    await fetch(`${server.url}/api/passages/p-nope`);
    await fetch(`${server.url}/no/such/page`);
    await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });

    const { text, value } = await scrape(server);
    expect(value('http_requests_total{method="POST",route="/api/chat",status="200"}')).toBe(5);
    expect(value('http_requests_total{method="GET",route="/api/passages/:id",status="404"}')).toBe(1);
    expect(value('http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(value('http_requests_total{method="POST",route="unrouted",status="415"}')).toBe(1);
    expect(value('http_request_duration_seconds_count{method="POST",route="/api/chat"}')).toBe(5);
    expect(value('http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/chat"}')).toBe(5);

    // The two fallbacks are answered by the extractive mode, and partially: the fact sheet has no phone number.
    expect(value('factsheet_answers_total{outcome="answered",endpoint="chat",mode="llm",language="zh-Hant"}')).toBe(1);
    expect(value('factsheet_answers_total{outcome="partial",endpoint="chat",mode="extractive",language="zh-Hant"}')).toBe(2);
    expect(value('factsheet_answers_total{outcome="declined",endpoint="chat",mode="llm",language="zh-Hant"}')).toBe(2);
    expect(value('factsheet_declines_total{reason="not_covered"}')).toBe(1);
    expect(value('factsheet_declines_total{reason="creative"}')).toBe(1);
    expect(value('factsheet_llm_calls_total{kind="answer",result="ok"}')).toBe(2);
    expect(value('factsheet_llm_calls_total{kind="answer",result="error"}')).toBe(1);
    expect(value('factsheet_llm_call_duration_seconds_count{kind="answer"}')).toBe(3);
    expect(value('factsheet_answer_fallbacks_total{reason="verification_failed"}')).toBe(1);
    expect(value('factsheet_answer_fallbacks_total{reason="llm_error"}')).toBe(1);

    expect(value('factsheet_index_passages')).toBe(server.state.ready!.index.passages.length);
    expect(value('factsheet_index_size_bytes')).toBeGreaterThan(100_000);
    expect(value('factsheet_index_build_seconds')).toBeGreaterThan(0);
    expect(value('factsheet_index_built_timestamp_seconds')).toBeCloseTo(Date.parse(server.state.ready!.index.manifest.builtAt) / 1000, 0);
    expect(value('factsheet_index_info{retrieval="lexical",model="none"}')).toBe(1);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(0);

    // (Names, labels and help text, not the sampled values: a memory size may hold the digits 9123.)
    const described = text.replace(/ [-+\d.e]+$/gm, '');
    expect(described).toContain('process_virtual_memory_bytes');
    for (const secret of ['數碼港', '9123', '天氣', 'p-nope', '/no/such']) expect(described).not.toContain(secret);
  });

  it('counts timeouts apart from errors', async () => {
    const quick = await start({ LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: 'k', LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: 300 });
    try {
      fake.reset(() => ({ content: '數碼港匯集超過 1,900 家初創企業和科技公司。[1]', delayMs: 2000 }));
      await fetch(`${quick.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: SECRET_QUESTION }) });
      const { value } = await scrape(quick);
      expect(value('factsheet_llm_calls_total{kind="answer",result="timeout"}')).toBe(1);
      expect(value('factsheet_answer_fallbacks_total{reason="llm_timeout"}')).toBe(1);
    } finally {
      await quick.close();
    }
  });

  it('is off with METRICS_ENABLED=false', async () => {
    const off = await start({ METRICS_ENABLED: false });
    try {
      expect((await fetch(`${off.url}/metrics`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('ServiceMetrics', () => {
  it('counts an answerable answer with uncovered parts as partial (a missing field is not partial)', async () => {
    const m = new ServiceMetrics();
    const base: ChatAnswer = { answer: 'a [1]', answerable: true, citations: [], uncovered: [], mode: 'extractive', language: 'en' };
    const trace: AnswerTrace = { confidence: 1, passageIds: [] };
    m.answered('chat', { ...base, uncovered: ['the weather'] }, trace);
    m.answered('chat', base, trace);
    const { uncovered: _, ...withoutField } = base;
    m.answered('chat', withoutField as ChatAnswer, trace);
    const text = await m.registry.metrics();
    m.close();
    expect(text).toContain('factsheet_answers_total{outcome="partial",endpoint="chat",mode="extractive",language="en"} 1');
    expect(text).toContain('factsheet_answers_total{outcome="answered",endpoint="chat",mode="extractive",language="en"} 2');
  });

  it('maps free-text fallback reasons to a few label values', () => {
    expect(fallbackKind('condense failed: LLM error: timeout')).toBe('condense_failed');
    expect(fallbackKind('LLM error: Request timed out.')).toBe('llm_timeout');
    expect(fallbackKind('LLM error: 500 model crashed')).toBe('llm_error');
    expect(fallbackKind('the number 5,000 does not appear in any cited passage')).toBe('verification_failed');
  });
});

describe('GET /metrics, after the counts above', () => {
  it('counts the questions an exemplar overruled the checks on', async () => {
    const before = (await scrape(server)).value('factsheet_exemplar_overrules_total{to="decline"}') ?? 0;
    // The checks answer it; the shipped exemplars label it unanswerable (no LLM call is made).
    expect((await chat('How many EV charging points are there in Hong Kong?')).status).toBe(200);
    expect((await scrape(server)).value('factsheet_exemplar_overrules_total{to="decline"}')).toBe(before + 1);
  });
});
