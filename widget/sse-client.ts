/**
 * Talking to POST {endpoint}/api/chat: a streaming fetch read as Server-Sent Events (`citations`, `delta`,
 * `done`, `error`), with a plain JSON reply accepted too, and failures mapped to a ChatError kind.
 */

export type ErrorKind = 'network' | 'timeout' | 'rate' | 'server' | 'bad' | 'empty' | 'toolong';

export interface Citation {
  marker: number;
  id?: string;
  document?: string;
  section?: string;
  text?: string;
}

/** The `done` payload (or the JSON reply): the complete answer. */
export interface Done {
  answer?: string;
  answerable?: boolean;
  citations?: Citation[];
  mode?: string;
  language?: string;
  /** Parts of the question the documents do not cover: non-empty marks a partial answer. */
  uncovered?: unknown;
  /** Id the feedback refers to; without it the answer offers no feedback. */
  answerId?: unknown;
  [key: string]: unknown;
}

export class ChatError {
  kind: ErrorKind;
  status: number;
  code: string;
  message: string;
  retryAfter: number;
  constructor(kind: ErrorKind, info?: { status?: number; code?: string; message?: string; retryAfter?: number }) {
    this.kind = kind;
    this.status = (info && info.status) || 0;
    this.code = (info && info.code) || '';
    this.message = (info && info.message) || kind;
    this.retryAfter = (info && info.retryAfter) || 0;
  }
}

/** Incremental SSE parser (any chunking, \n, \r\n or \r line ends); calls onEvent(name, data) per event. */
export class SSEParser {
  private buf = '';
  private event = '';
  private data: string[] = [];
  constructor(private readonly onEvent: (name: string, data: string) => void) {}

  push(chunk: string): void {
    this.buf += chunk;
    let idx: number;
    while ((idx = this.buf.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buf.slice(0, idx);
      const nl = this.buf[idx] === '\r' && this.buf[idx + 1] === '\n' ? 2 : 1;
      if (this.buf[idx] === '\r' && idx + 1 >= this.buf.length) break; // wait: could be \r\n split across chunks
      this.buf = this.buf.slice(idx + nl);
      this.line(line);
    }
  }

  end(): void {
    if (this.buf) {
      this.line(this.buf.replace(/\r$/, ''));
      this.buf = '';
    }
    this.line('');
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length) this.onEvent(this.event || 'message', this.data.join('\n'));
      this.event = '';
      this.data = [];
      return;
    }
    if (line[0] === ':') return;
    const c = line.indexOf(':');
    const field = c === -1 ? line : line.slice(0, c);
    let value = c === -1 ? '' : line.slice(c + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}

function readErrorBody(res: Response): Promise<{ code?: string; message?: string }> {
  return res.text().then(
    (t) => {
      try {
        const j = JSON.parse(t);
        return j && j.error ? j.error : {};
      } catch {
        return {};
      }
    },
    () => ({}),
  );
}

export interface StreamHandlers {
  citations(list: Citation[]): void;
  delta(text: string): void;
}

export interface ChatRequest {
  url: string;
  body: unknown;
  /** Aborts the request (a new conversation); also used for the timeout. */
  controller: AbortController | null;
  timeoutMs: number;
  handlers: StreamHandlers;
}

/**
 * Sends the question and streams the answer into `handlers`. Resolves with the `done` payload (null if
 * the stream ended without one); rejects with a ChatError, or with whatever aborted the request.
 */
export function streamChat(req: ChatRequest): Promise<Done | null> {
  const { controller, handlers } = req;
  let done: Done | null = null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (controller) controller.abort();
  }, req.timeoutMs);

  function onEvent(name: string, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = null;
    }
    if (name === 'citations') {
      if (Array.isArray(payload)) handlers.citations(payload);
    } else if (name === 'delta') {
      const text = payload && (payload as { text?: unknown }).text;
      if (typeof text === 'string') handlers.delta(text);
    } else if (name === 'done') {
      if (payload && typeof payload === 'object') done = payload as Done;
    } else if (name === 'error') {
      const err = ((payload && (payload as { error?: { code?: string; message?: string } }).error) || {}) as { code?: string; message?: string };
      throw new ChatError(/rate/i.test(err.code || '') ? 'rate' : 'server', { code: err.code, message: err.message });
    }
  }

  let request: Promise<Response>;
  try {
    request = fetch(req.url, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
      body: JSON.stringify(req.body),
      signal: controller ? controller.signal : undefined,
    });
  } catch (e) {
    request = Promise.reject(e);
  }

  return request
    .then((res): Promise<unknown> => {
      if (!res.ok) {
        return readErrorBody(res).then((err) => {
          const kind = res.status === 429 ? 'rate' : res.status >= 500 ? 'server' : 'bad';
          const ra = parseInt(res.headers.get('Retry-After') || '', 10);
          throw new ChatError(kind, { status: res.status, code: err.code, message: err.message, retryAfter: ra > 0 && ra < 3600 ? ra : 0 });
        });
      }
      const ctype = (res.headers.get('Content-Type') || '').toLowerCase();
      if (ctype.indexOf('text/event-stream') === -1 || !res.body || !res.body.getReader) {
        // Server (or a proxy) answered without streaming: accept the plain JSON answer.
        return res.json().then((j: Done) => {
          done = j;
          handlers.citations((j && j.citations) || []);
        });
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder('utf-8');
      const parser = new SSEParser(onEvent);
      const pump = (): Promise<void> =>
        reader.read().then((r) => {
          if (r.done) {
            parser.push(decoder.decode());
            parser.end();
            return;
          }
          parser.push(decoder.decode(r.value, { stream: true }));
          if (done) {
            try {
              reader.cancel().catch(() => undefined);
            } catch {
              /* ignore */
            }
            return;
          }
          return pump();
        });
      return pump();
    })
    .then(
      () => done,
      (err: unknown) => {
        throw err instanceof ChatError || !timedOut ? err : new ChatError('timeout', { message: 'timed out' });
      },
    )
    .finally(() => clearTimeout(timer));
}
