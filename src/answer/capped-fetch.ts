/**
 * A fetch whose response bodies error once they exceed `maxBytes`: the last line of defence against
 * an endpoint that sends one enormous completion (a 50 MB JSON body, or one giant stream event that
 * a parser would buffer whole). The reader sees a ReplyTooLargeError and the connection is dropped.
 */
export class ReplyTooLargeError extends Error {
  override name = 'ReplyTooLargeError';
  constructor(readonly limit: number, unit: 'bytes' | 'characters') {
    super(`The LLM reply exceeded ${limit} ${unit}`);
  }
}

export function cappedFetch(maxBytes: number, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (!res.body) return res;
    let seen = 0;
    const limited = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new ReplyTooLargeError(maxBytes, 'bytes'));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(limited, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
