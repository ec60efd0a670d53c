import type { Request, Response } from 'express';
import { errorBody } from '../contract/errors.js';
import { toApiError } from './errors.js';

export interface SseStream {
  /** One event: `event: name` (omitted for null) and `data:` as JSON (strings are sent as they are). */
  send(event: string | null, data: unknown): void;
}

/**
 * Owns a Server-Sent Events response: headers, framing, and the end. A failure inside `run` becomes
 * one `error` event (via `onError`, default `event: error` with { error }), so routes never write frames.
 */
export async function streamSSE(
  req: Request,
  res: Response,
  run: (stream: SseStream) => Promise<void>,
  onError: (stream: SseStream, error: ReturnType<typeof toApiError>) => void = (s, e) => s.send('error', errorBody(e.code, e.message)),
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // Reverse proxies (nginx) must not buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const stream: SseStream = {
    send(event, data) {
      const payload = typeof data === 'string' ? data : JSON.stringify(data);
      res.write(`${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`);
    },
  };
  try {
    await run(stream);
  } catch (err) {
    const e = toApiError(err);
    if (e.status >= 500) req.log?.error({ err }, 'stream failed');
    onError(stream, e);
  }
  res.end();
}

/**
 * Cuts an answer into stream deltas at natural breaks (line ends, after citation markers and
 * punctuation), so a client renders whole phrases; concatenated they give back the answer exactly.
 */
export function chunkAnswer(answer: string, max = 24): string[] {
  const pieces = answer.match(/[^\n。，；：！？.,;!?\]]*(?:\]|[\n。，；：！？.,;!?]+)?/g)?.filter(Boolean) ?? [answer];
  const out: string[] = [];
  for (const p of pieces) {
    const chars = [...p]; // code points: never split a surrogate pair
    for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  }
  return out;
}
