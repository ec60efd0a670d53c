/**
 * A real OpenAI-compatible `POST /v1/embeddings` server on loopback (plain node:http), standing in for
 * Ollama / vLLM / text-embeddings-inference. Its "model" hashes characters into a 64-dimensional bag
 * (TEST FIXTURE ONLY: it ranks by shared characters), so dense retrieval through it is deterministic.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

export const FAKE_DIMENSIONS = 64;

export interface EmbeddingsRequest {
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string | string[]; encoding_format?: string; dimensions?: number };
}

export interface FakeEmbeddings {
  /** Ends in /v1. */
  baseUrl: string;
  requests: EmbeddingsRequest[];
  /** When set, every request fails with this status. */
  failWith: number | null;
  close(): Promise<void>;
}

function embed(text: string): number[] {
  const v = new Array<number>(FAKE_DIMENSIONS).fill(0);
  for (const ch of text) {
    const h = createHash('md5').update(ch).digest();
    v[h[0]! % FAKE_DIMENSIONS]! += h[1]! > 127 ? 1 : 0.5;
  }
  return v;
}

export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const sockets = new Set<Socket>();
  const fake: FakeEmbeddings = {
    baseUrl: '',
    requests: [],
    failWith: null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      let body: EmbeddingsRequest['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EmbeddingsRequest['body'];
      } catch {
        /* answered below */
      }
      fake.requests.push({ path, authorization: req.headers.authorization, body });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || path !== '/v1/embeddings') return reply(404, { error: { message: `no route ${req.method} ${path}` } });
      if (fake.failWith) return reply(fake.failWith, { error: { message: 'fake-embeddings: failing on purpose', type: 'server_error' } });
      const inputs = typeof body.input === 'string' ? [body.input] : body.input;
      if (!Array.isArray(inputs) || !body.model) return reply(400, { error: { message: 'model and input are required' } });
      reply(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })),
        usage: { prompt_tokens: 0, total_tokens: 0 },
      });
    });
  });
  const port = await listenOnLoopback(server, sockets);
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  return fake;
}
