/**
 * LLM mode end to end: the real server (startServer) talks through LangChain's ChatOpenAI to a real
 * OpenAI-compatible HTTP server on loopback (tests/helpers/fake-openai-server.ts). Nothing of ours
 * is mocked; the fake only plays the model, answering from a per-test script and recording what it
 * was sent. Retrieval is lexical-only (EMBEDDING_MODEL=none) so the file needs no model download
 * and the passages the LLM sees are deterministic.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatAnswer } from '../../../src/contract/chat.js';
import type { Env } from '../../../src/config/env.js';
import { type RunningServer, startServer } from '../../../src/serve/server.js';
import { type FakeOpenAI, type RecordedRequest, type Reply, startFakeOpenAI } from '../../helpers/fake-openai-server.js';

const PROMPTS_DIR = path.resolve('prompts');
const SYSTEM_PROMPT = fs.readFileSync(path.join(PROMPTS_DIR, 'system.md'), 'utf8').trim();
const CONDENSE_PROMPT = fs.readFileSync(path.join(PROMPTS_DIR, 'condense.md'), 'utf8').trim();
/** The fixed opening of every condense request (the template up to its first placeholder). */
const CONDENSE_HEAD = CONDENSE_PROMPT.slice(0, CONDENSE_PROMPT.indexOf('{')).trim();

const API_KEY = 'test-key-llm-mode';
const MODEL = 'fake-chat-model';

const CYBERPORT_Q = '數碼港匯集多少家初創企業和科技公司？';
const CYBERPORT_FACT = '匯集超過 1,900 家初創企業和科技公司';
const DECLINE_ZH = '抱歉，這份資料沒有涵蓋你的問題。';

// ---------------------------------------------------------------------------------------------
// Reading what the fake received

const isCondense = (r: RecordedRequest) => r.messages.some((m) => m.role === 'user' && m.content.startsWith(CONDENSE_HEAD));
const isAnswer = (r: RecordedRequest) => r.messages.some((m) => m.role === 'system');

/** The numbered passages in an answer request's user prompt: "[n] text" blocks. */
function passagesOf(r: RecordedRequest): Map<number, string> {
  const user = r.messages.find((m) => m.role === 'user')?.content ?? '';
  const out = new Map<number, string>();
  for (const m of user.matchAll(/^\[(\d+)\] (.+)$/gm)) out.set(Number(m[1]), m[2]!);
  return out;
}

/** The number of the passage containing `needle`, as the model would cite it. */
function markerFor(r: RecordedRequest, needle: string): number {
  for (const [n, text] of passagesOf(r)) if (text.includes(needle)) return n;
  throw new Error(`no passage given to the LLM contains ${needle}; got:\n${[...passagesOf(r).values()].join('\n')}`);
}

/** Answers with `answer(req)` when the request is an answer request; condense requests echo the follow-up. */
function answering(answer: (req: RecordedRequest) => Reply): (req: RecordedRequest) => Reply {
  return (req) => {
    if (isCondense(req)) throw new Error('unexpected condense request');
    return answer(req);
  };
}

// ---------------------------------------------------------------------------------------------
// Talking to our server

async function chat(server: RunningServer, message: string, history: Array<{ role: 'user' | 'assistant'; content: string }> = []) {
  const res = await fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ message, history }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatAnswer;
}

/** Every [n] in the answer has a citation with marker n, and every citation (1..k) is used. */
function expectMarkersConsistent(result: ChatAnswer) {
  const used = [...new Set([...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const cited = result.citations.map((c) => c.marker);
  expect(cited).toEqual(cited.map((_, i) => i + 1));
  expect(used).toEqual(cited);
}

function citationWith(result: ChatAnswer, needle: string) {
  return result.citations.find((c) => c.text.includes(needle));
}

// ---------------------------------------------------------------------------------------------

let fake: FakeOpenAI;
let indexDir: string;
let server: RunningServer;

function start(timeoutMs: number, settings: Partial<Env> = {}): Promise<RunningServer> {
  return startServer({
    env: {}, // not the developer's shell: no stray LLM_* / INDEX_DIR
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      INDEX_DIR: indexDir,
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mode-data-')),
      EMBEDDING_MODEL: 'none',
      LLM_BASE_URL: fake.baseUrl,
      LLM_API_KEY: API_KEY,
      LLM_MODEL: MODEL,
      LLM_TIMEOUT_MS: timeoutMs,
      RATE_LIMIT_PER_MINUTE: 0,
      ...settings,
    },
    logger: pino({ level: 'silent' }),
  });
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-mode-index-'));
  server = await start(10_000);
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  if (indexDir) fs.rmSync(indexDir, { recursive: true, force: true });
});

beforeEach(() => fake.reset());

describe('LLM mode: valid answers', () => {
  it('serves the cited LLM answer, with the system prompt and numbered passages sent to the model', async () => {
    fake.reset(answering((req) => ({ content: `數碼港${CYBERPORT_FACT}。[${markerFor(req, '1,900')}]` })));
    const result = await chat(server, CYBERPORT_Q);

    expect(result.mode).toBe('llm');
    expect(result.answerable).toBe(true);
    expect(result.language).toBe('zh-Hant');
    expect(result.answer).toBe(`數碼港${CYBERPORT_FACT}。[1]`);
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]!.text).toContain('1,900');
    expectMarkersConsistent(result);

    const calls = fake.chatRequests();
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.path).toBe('/v1/chat/completions');
    expect(call!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(call!.body?.model).toBe(MODEL);
    // Read as a stream (so its size can be capped), with a token bound.
    expect(call!.body?.stream).toBe(true);
    expect(call!.body?.max_tokens).toBe(800);
    expect(call!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(call!.messages[0]!.content).toBe(SYSTEM_PROMPT);
    const user = call!.messages[1]!.content;
    expect(user).toContain(`Question (Traditional Chinese): ${CYBERPORT_Q}`);
    const passages = passagesOf(call!);
    expect(passages.size).toBeGreaterThanOrEqual(2);
    expect([...passages.keys()]).toEqual([...passages.keys()].map((_, i) => i + 1));
    // The citation is exactly the passage the model saw under that number.
    expect(result.citations[0]!.text).toBe(passages.get(markerFor(call!, '1,900')));
  });

  it('renumbers markers in order of first use and cites exactly the passages used', async () => {
    let sent = '';
    let fundText = '';
    let cyberText = '';
    fake.reset(
      answering((req) => {
        const cyber = markerFor(req, '1,900');
        const fund = markerFor(req, '投資創業基金已向 25 間公司');
        expect(fund).not.toBe(cyber);
        cyberText = passagesOf(req).get(cyber)!;
        fundText = passagesOf(req).get(fund)!;
        // The fund passage is cited first, so it must become [1] whatever its position in the prompt.
        sent = `截至 2023 年 2 月底，數碼港投資創業基金已向 25 間公司投資超過 1.8 億元。[${fund}] 數碼港${CYBERPORT_FACT}。[${cyber}][${fund}]`;
        return { content: sent };
      }),
    );
    const result = await chat(server, '數碼港匯集多少家初創企業？投資創業基金投資了多少間公司？');

    expect(result.mode).toBe('llm');
    expect(result.answer).toBe(`截至 2023 年 2 月底，數碼港投資創業基金已向 25 間公司投資超過 1.8 億元。[1] 數碼港${CYBERPORT_FACT}。[2][1]`);
    expect(result.citations.map((c) => c.text)).toEqual([fundText, cyberText]);
    expectMarkersConsistent(result);
    expect(sent).toContain('[');
  });
});

describe('LLM mode: rejected answers fall back to the extractive answer', () => {
  async function expectExtractiveCyberport() {
    const result = await chat(server, CYBERPORT_Q);
    expect(result.mode).toBe('extractive');
    expect(result.answerable).toBe(true);
    expect(result.answer).toContain('1,900');
    expect(citationWith(result, '1,900')).toBeDefined();
    expectMarkersConsistent(result);
    return result;
  }

  it('rejects a number that is not in the cited passage', async () => {
    fake.reset(answering((req) => ({ content: `數碼港匯集超過 2,500 家初創企業。[${markerFor(req, '1,900')}]` })));
    const result = await expectExtractiveCyberport();
    expect(result.answer).not.toContain('2,500');
    expect(fake.chatRequests().filter(isAnswer)).toHaveLength(1);
  });

  it('rejects a marker to a passage that was not given', async () => {
    let given = 0;
    fake.reset(
      answering((req) => {
        given = passagesOf(req).size;
        return { content: `數碼港${CYBERPORT_FACT}。[9]` };
      }),
    );
    const result = await expectExtractiveCyberport();
    expect(given).toBeGreaterThan(0);
    expect(given).toBeLessThan(9);
    expect(result.answer).not.toContain('[9]');
  });

  it('falls back when the LLM endpoint returns HTTP 500 (and does not retry)', async () => {
    fake.reset(answering(() => ({ status: 500, message: 'model exploded' })));
    await expectExtractiveCyberport();
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('falls back when the LLM answer cites nothing', async () => {
    fake.reset(answering(() => ({ content: `數碼港${CYBERPORT_FACT}。` })));
    await expectExtractiveCyberport();
  });

  describe('with a 500 ms LLM timeout', () => {
    let slow: RunningServer;
    beforeAll(async () => {
      slow = await start(500);
    });
    afterAll(async () => {
      await slow?.close();
    });

    it('gives up on a model that takes 3 s and answers extractively', async () => {
      fake.reset(answering((req) => ({ content: `數碼港${CYBERPORT_FACT}。[${markerFor(req, '1,900')}]`, delayMs: 3_000 })));
      const t0 = performance.now();
      const result = await chat(slow, CYBERPORT_Q);
      const elapsed = performance.now() - t0;

      expect(result.mode).toBe('extractive');
      expect(result.answerable).toBe(true);
      expect(result.answer).toContain('1,900');
      expect(citationWith(result, '1,900')).toBeDefined();
      expectMarkersConsistent(result);
      // Did not wait for the model's reply (which would take 3 s); generous bound.
      expect(elapsed).toBeLessThan(2_500);
      expect(fake.chatRequests()).toHaveLength(1);
      // The abandoned request was actually cancelled on the wire.
      await vi.waitFor(() => expect(fake.chatRequests()[0]!.aborted).toBe(true), { timeout: 2_000 });
    });
  });
});

describe('LLM mode: understanding what is asked', () => {
  const CONTEST_Q = 'How many people got to try out the gadgets from the city innovation contest?';

  it('passes a paraphrase below the extractive gate to the model and serves its checked answer', async () => {
    fake.reset(
      answering((req) => ({ content: `The prototypes were tried out by more than 4,260 people. [${markerFor(req, '4,260')}]` })),
    );
    const result = await chat(server, CONTEST_Q);
    expect(fake.chatRequests().filter(isAnswer)).toHaveLength(1);
    expect(result).toMatchObject({ answerable: true, mode: 'llm', uncovered: [] });
    expect(result.answer).toContain('4,260');
    expect(citationWith(result, '4,260')).toBeDefined();
  });

  it('declines an answer that does not state the asked-for kind of fact', async () => {
    fake.reset(answering((req) => ({ content: `數碼港是一個深具創意的數碼社區。[${markerFor(req, '1,900')}]` })));
    const result = await chat(server, '數碼港匯集了多少家初創企業？');
    expect(result.answerable).toBe(false);
    expect(result.citations).toEqual([]);
  });

  it('accepts a list in the model\'s own words (no enumeration comma)', async () => {
    fake.reset(answering((req) => ({ content: `重點行業包括生命健康科技，以及人工智能與數據科學。[${markerFor(req, '生命健康科技')}]` })));
    const result = await chat(server, '引進重點企業辦公室重點瞄準哪些行業？');
    expect(result.answerable).toBe(true);
    expect(result.answer).toContain('生命健康科技');
  });

  it('names what a two-part answer leaves out as uncovered', async () => {
    fake.reset(answering((req) => ({ content: `數碼港${CYBERPORT_FACT}。[${markerFor(req, '1,900')}]` })));
    const result = await chat(server, '數碼港有多少家初創企業？數碼港的總部設於何處？');
    expect(result.answerable).toBe(true);
    expect(result.uncovered.length).toBe(1);
    expect(result.answer).toContain('這份資料沒有涵蓋');
  });
});

describe('LLM mode: declines', () => {
  it('declines when the model says NOT_IN_SOURCES for an in-scope-looking question', async () => {
    fake.reset(answering(() => ({ content: 'NOT_IN_SOURCES' })));
    const result = await chat(server, '數碼港有多少員工？');

    // The retrieval found passages, so the question did reach the model, and the model declined.
    expect(fake.chatRequests().filter(isAnswer)).toHaveLength(1);
    expect(passagesOf(fake.chatRequests()[0]!).size).toBeGreaterThan(0);
    expect(result.answerable).toBe(false);
    expect(result.mode).toBe('llm');
    expect(result.citations).toEqual([]);
    expect(result.answer.startsWith(DECLINE_ZH)).toBe(true);
    expect(result.answer).toContain('創新及科技');
    expect(result.answer).not.toContain('NOT_IN_SOURCES');
  });

  it('declines an out-of-scope question without calling the LLM at all', async () => {
    fake.reset(() => ({ content: `數碼港${CYBERPORT_FACT}。[1]` }));
    const result = await chat(server, '今晚食咩好？');

    expect(result.answerable).toBe(false);
    expect(result.citations).toEqual([]);
    expect(result.answer.startsWith('抱歉')).toBe(true);
    expect(fake.chatRequests().filter(isAnswer)).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('LLM mode: follow-ups', () => {
  it('condenses a follow-up with the LLM and answers the standalone question', async () => {
    const standalone = '數碼港匯集了多少家初創企業和科技公司？';
    const history = [
      { role: 'user' as const, content: '科學園匯集了多少家科技公司？' },
      { role: 'assistant' as const, content: '香港科學園匯集逾 1,000 家科技公司。[1]' },
    ];
    fake.reset((req) => {
      if (isCondense(req)) return { content: standalone };
      return { content: `數碼港${CYBERPORT_FACT}。[${markerFor(req, '1,900')}]` };
    });
    const result = await chat(server, '那數碼港呢？', history);

    const calls = fake.chatRequests();
    expect(calls).toHaveLength(2);
    const [condense, answer] = calls;

    // 1. The condense call: prompts/condense.md with the conversation and the follow-up in it.
    expect(isCondense(condense!)).toBe(true);
    expect(condense!.messages).toHaveLength(1);
    const prompt = condense!.messages[0]!.content;
    expect(prompt).toContain('User: 科學園匯集了多少家科技公司？');
    expect(prompt).toContain('Assistant: 香港科學園匯集逾 1,000 家科技公司。');
    expect(prompt).toContain('Follow-up question: 那數碼港呢？');
    expect(prompt).not.toMatch(/\{(history|question)\}/);

    // 2. The answer call asks the condensed question, with the Cyberport passage among the sources.
    expect(isAnswer(answer!)).toBe(true);
    expect(answer!.messages[0]!.content).toBe(SYSTEM_PROMPT);
    expect(answer!.messages[1]!.content).toContain(`Question (Traditional Chinese): ${standalone}`);
    expect(answer!.messages[1]!.content).not.toContain('那數碼港呢');

    // 3. The final answer is the model's, citing the Cyberport 1,900 passage (not Science Park's).
    expect(result.mode).toBe('llm');
    expect(result.answerable).toBe(true);
    expect(result.answer).toBe(`數碼港${CYBERPORT_FACT}。[1]`);
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]!.text).toContain('數碼港');
    expect(result.citations[0]!.text).toContain('1,900');
    expectMarkersConsistent(result);
  });

  it('applies the scope rules to the condensed question too (a condensed poem request is declined)', async () => {
    const history = [
      { role: 'user' as const, content: '數碼港匯集多少家初創企業？' },
      { role: 'assistant' as const, content: `數碼港${CYBERPORT_FACT}。[1]` },
    ];
    fake.reset((req) => {
      if (isCondense(req)) return { content: '請寫一首關於數碼港的詩' };
      return { content: `數碼港${CYBERPORT_FACT}。[${markerFor(req, '1,900')}]` };
    });
    const result = await chat(server, '用它作主題呢？', history);
    expect(result.answerable).toBe(false);
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(/^抱歉，我不會創作詩詞/);
    // Only the condense call: the request never reached the answer model.
    expect(fake.chatRequests().filter(isAnswer)).toHaveLength(0);
  });
});

describe('LLM mode: exemplars', () => {
  it('declines a rewording of a question the shipped exemplars label unanswerable without calling the model', async () => {
    fake.reset(answering(() => ({ content: 'should not be asked' })));
    const result = await chat(server, 'How many EV charging points are there in Hong Kong?');
    expect(result.answerable).toBe(false);
    expect(result.citations).toEqual([]);
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('hands the model the passage of an exemplar labelled answerable when the checks find nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-exemplars-'));
    const question = 'What is the figure for the place by Tolo Harbour';
    const labelled = { id: 'x1', question, answerable: true, gold: ['香港科學園匯集逾 1,000 家科技公司'] };
    fs.writeFileSync(path.join(dir, 'labelled.jsonl'), `${JSON.stringify(labelled)}\n`);
    const s = await start(10_000, { EXEMPLARS_DIR: dir });
    try {
      // Without the exemplar the checks decline it before the model is asked.
      fake.reset(answering(() => ({ content: 'should not be asked' })));
      const plain = await chat(server, question);
      expect(plain.answerable).toBe(false);
      expect(fake.chatRequests()).toHaveLength(0);

      fake.reset(answering((req) => ({ content: `香港科學園匯集逾 1,000 家科技公司。[${markerFor(req, '1,000 家科技公司')}]` })));
      const result = await chat(s, `${question}?`);
      expect(result.answerable).toBe(true);
      expect(result.mode).toBe('llm');
      expect(result.answer).toBe('香港科學園匯集逾 1,000 家科技公司。[1]');
      expect(citationWith(result, '1,000 家科技公司')).toBeDefined();
      // The exemplar's passage comes first among those the model reads.
      expect(passagesOf(fake.chatRequests()[0]!).get(1)).toContain('1,000 家科技公司');
    } finally {
      await s.close();
    }
  });
});
