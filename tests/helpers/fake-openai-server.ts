/**
 * A real OpenAI-compatible chat-completions server on loopback (plain node:http), for tests that
 * drive the LLM path end to end. It records every request and answers from a per-test script.
 *
 *   const fake = await startFakeOpenAI();
 *   fake.script = (req) => ({ content: 'An answer [1]' });
 *   new ChatOpenAI({ configuration: { baseURL: fake.baseUrl }, ... })
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /v1/chat/completions. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (null when the body was not JSON). */
  body: Record<string, unknown> | null;
  /** body.messages with content flattened to text (array-of-parts content joined). */
  messages: ChatMessage[];
  /** True when the client aborted before the reply was sent (e.g. its timeout fired). */
  aborted: boolean;
  /** Bytes of reply body written to the socket (a capped client stops reading early). */
  bytesSent: number;
}

export type Reply =
  /** A normal completion with this assistant text (streamed as SSE if the client asked for stream). */
  | { content: string; delayMs?: number }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; message?: string; delayMs?: number }
  /**
   * A completion whose text is the concatenation of `pieces`, produced lazily and written with
   * backpressure (one stream event per piece, or one JSON body), `pieceDelayMs` apart: huge or
   * slow completions without holding them in memory. Stops when the client goes away.
   */
  | { pieces: Iterable<string>; pieceDelayMs?: number; delayMs?: number };

export type Script = (req: RecordedRequest) => Reply | Promise<Reply>;

export interface FakeOpenAI {
  /** Base URL to hand to the OpenAI client (ends in /v1). */
  baseUrl: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** How the next requests are answered; replace per test. */
  script: Script;
  /** Chat-completion requests only. */
  chatRequests(): RecordedRequest[];
  reset(script?: Script): void;
  close(): Promise<void>;
}

const DEFAULT_SCRIPT: Script = () => ({ status: 500, message: 'fake-openai: no script set for this test' });

function flatten(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('');
  }
  return '';
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a `pieces` reply with backpressure; resolves when done or when the client went away. */
async function writePieces(
  res: http.ServerResponse,
  record: RecordedRequest,
  reply: { pieces: Iterable<string>; pieceDelayMs?: number },
  stream: boolean,
  ids: { id: string; created: number; model: string },
): Promise<void> {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const write = async (text: string) => {
    if (closed) return;
    record.bytesSent += Buffer.byteLength(text);
    if (!res.write(text)) await new Promise<void>((r) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        r();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  const event = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ ...ids, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
  if (stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    await write(event({ role: 'assistant', content: '' }, null));
  } else {
    res.writeHead(200, { 'content-type': 'application/json' });
    await write(`{"id":"${ids.id}","object":"chat.completion","created":${ids.created},"model":${JSON.stringify(ids.model)},"choices":[{"index":0,"finish_reason":"stop","logprobs":null,"message":{"role":"assistant","content":"`);
  }
  for (const piece of reply.pieces) {
    if (closed) return;
    if (reply.pieceDelayMs) await new Promise((r) => setTimeout(r, reply.pieceDelayMs));
    await write(stream ? event({ content: piece }, null) : JSON.stringify(piece).slice(1, -1));
  }
  if (closed) return;
  if (stream) {
    await write(event({}, 'stop'));
    res.end('data: [DONE]\n\n');
  } else {
    res.end('"}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}');
  }
}

export async function startFakeOpenAI(initial: Script = DEFAULT_SCRIPT): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const fake: FakeOpenAI = {
    baseUrl: '',
    requests,
    script: initial,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')),
    reset(script = DEFAULT_SCRIPT) {
      requests.length = 0;
      fake.script = script;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const wait = (ms: number, res: http.ServerResponse) =>
    new Promise<boolean>((resolve) => {
      if (!ms) return resolve(true);
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(true);
      }, ms);
      timers.add(t);
      res.on('close', () => {
        if (!res.writableFinished) {
          clearTimeout(t);
          timers.delete(t);
          resolve(false);
        }
      });
    });

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = null;
    }
    const messages = Array.isArray(body?.messages)
      ? (body.messages as Array<{ role?: unknown; content?: unknown }>).map((m) => ({ role: String(m.role), content: flatten(m.content) }))
      : [];
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0]!,
      headers: req.headers,
      body,
      messages,
      aborted: false,
      bytesSent: 0,
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });

    if (!(record.method === 'POST' && record.path.endsWith('/chat/completions'))) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `fake-openai: no route ${record.method} ${record.path}`, type: 'invalid_request_error' } }));
      return;
    }

    let reply: Reply;
    try {
      reply = await fake.script(record);
    } catch (err) {
      reply = { status: 500, message: `fake-openai: script threw: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!(await wait(reply.delayMs ?? 0, res))) return; // the client gave up meanwhile

    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: reply.message ?? 'fake-openai error', type: 'server_error', code: null, param: null } }));
      return;
    }

    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = typeof body?.model === 'string' ? body.model : 'fake-model';
    if ('pieces' in reply) {
      await writePieces(res, record, reply, body?.stream === true, { id, created, model });
      return;
    }
    if (body?.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      res.write(chunk({ content: reply.content }, null));
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  const port = await listenOnLoopback(server, sockets);
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  return fake;
}
