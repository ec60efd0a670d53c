import type { Response } from 'express';

export function startSse(res: Response): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // Reverse proxies (nginx) must not buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
}

export function sendEvent(res: Response, event: string | null, data: unknown): void {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  res.write(`${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`);
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
