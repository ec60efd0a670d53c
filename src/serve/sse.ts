import type { Request, Response } from 'express';
import { ApiError, errorBody } from '../contract/errors.js';
import { toApiError } from './errors.js';

export interface SseStream {
  /** One event: `event: name` (omitted for null) and `data:` as JSON (strings are sent as they are). */
  send(event: string | null, data: unknown): void;
}

/**
 * Owns a Server-Sent Events response: headers, framing, and the end. A failure inside `run` becomes
 * one `error` event (via `onError`, default `event: error` with { error }), so routes never write frames.
 * A stream still open when the server is about to close connections (`res.locals.closing`, set by
 * the app) gets a `shutting_down` error event and ends: a stream always ends with done or error.
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
  let ended = false;
  const stream: SseStream = {
    send(event, data) {
      if (ended) return;
      const payload = typeof data === 'string' ? data : JSON.stringify(data);
      res.write(`${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`);
    },
  };
  const end = () => {
    ended = true;
    res.end();
  };
  const closing = res.locals.closing as AbortSignal | undefined;
  const onClosing = () => {
    onError(stream, new ApiError('shutting_down'));
    end();
  };
  if (closing?.aborted) return onClosing();
  closing?.addEventListener('abort', onClosing, { once: true });
  try {
    await run(stream);
  } catch (err) {
    const e = toApiError(err);
    if (e.status >= 500) req.log?.error({ err }, 'stream failed');
    onError(stream, e);
  } finally {
    closing?.removeEventListener('abort', onClosing);
  }
  end();
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
