/**
 * streamSSE ends every stream with done or error: a stream still running when the server is about
 * to close connections (res.locals.closing) gets a shutting_down error event and ends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamSSE } from '../../src/serve/sse.js';

const closing = new AbortController();
let server: http.Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.closing = closing.signal;
    next();
  });
  app.get('/stuck', (req, res) =>
    streamSSE(req, res, async (stream) => {
      stream.send('delta', { text: 'partial' });
      await new Promise((r) => setTimeout(r, 1_500)); // work that outlives the grace period
      stream.send('done', { late: true });
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('streamSSE at shutdown', () => {
  it('ends a running stream with a shutting_down error event', async () => {
    const res = await fetch(`${url}/stuck`);
    setTimeout(() => closing.abort(), 100);
    const text = await res.text();
    expect(text).toBe('event: delta\ndata: {"text":"partial"}\n\nevent: error\ndata: {"error":{"code":"shutting_down","message":"The service is restarting; please try again in a moment."}}\n\n');
  });
});
