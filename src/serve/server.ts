import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { llmClient, loadServices, serviceIdentity } from '../compose.js';
import { type Env, loadEnv } from '../config/env.js';
import { PROJECT_ROOT, resolvePath } from '../config/paths.js';
import { configureLexicon } from '../text/lexicon.js';
import { loadSegmenter } from '../text/segment.js';
import { errorBody } from '../contract/errors.js';
import { createApp } from './app.js';
import { openDelivery } from './delivery-context.js';
import type { ServiceState } from './state.js';

export interface StartOptions {
  /** Environment to validate (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Settings that override the environment's, already typed (tests, benchmarks). */
  config?: Partial<Env>;
  logger?: Logger;
  /** Resolve only once the index is loaded (default true); false serves 503 on /readyz meanwhile. */
  waitUntilReady?: boolean;
  /** Delay before loading starts (tests of readiness use it). */
  loadDelayMs?: number;
  /** Rebuild a missing, stale or damaged index (default true, `npm start`); false refuses it (`npm run serve`). */
  rebuild?: boolean;
}

export interface RunningServer {
  url: string;
  state: ServiceState;
  env: Env;
  /** Resolves when the index is loaded (rejects if loading failed). */
  ready: Promise<void>;
  /** Stops accepting connections, lets in-flight requests finish (up to the grace period), then resolves. */
  close(): Promise<void>;
  inFlight(): number;
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The OpenAPI info block, from the configured identity. */
function describeService(env: Env): ServiceState['info'] {
  const id = serviceIdentity(env);
  const dates = id.dates.from ? `${id.dates.from} to ${id.dates.to}` : `as of ${id.dates.to}`;
  return {
    title: id.name,
    version: packageVersion(),
    description: `Answers questions about ${id.scope.en} grounded only in ${id.source.en} (${dates}), with numbered citations of the passages used, or declines when the sources do not cover the question.`,
  };
}

/** The HTTP lifecycle: listen, load the services in the background, drain on close. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env: Env = { ...loadEnv(opts.env ?? process.env), ...opts.config };
  const logger = opts.logger ?? pino({ level: env.LOG_LEVEL });
  const llm = llmClient(env, logger);
  const delivery = openDelivery(env, logger);

  const stopping = new AbortController();
  const closing = new AbortController();
  const state: ServiceState = {
    ready: null,
    loadError: null,
    loading: { phase: 'checking', detail: 'starting' },
    stopping: stopping.signal,
    closing: closing.signal,
    limits: { maxMessageChars: env.MAX_MESSAGE_CHARS, maxHistoryTurns: env.MAX_HISTORY_TURNS },
    info: describeService(env),
    delivery: delivery.context,
  };
  // The index loads on a worker thread from here on, while jieba's dictionary loads on this thread
  // (queries need it here) before the port opens: once the port is open, /healthz always answers.
  configureLexicon({ lexiconDir: resolvePath(env.LEXICON_DIR), cacheDir: resolvePath(env.CACHE_DIR) });
  const ready = (async () => {
    if (opts.loadDelayMs) await new Promise((r) => setTimeout(r, opts.loadDelayMs));
    try {
      const services = await loadServices(env, logger, { rebuildIfStale: opts.rebuild ?? true, llm, onProgress: (p) => (state.loading = p) });
      state.ready = services;
      state.loading = null;
      delivery.context.metrics?.indexLoaded(services.index, resolvePath(env.INDEX_DIR));
      const { index, retriever, answers } = services;
      logger.info(
        { retrieval: retriever.mode, model: index.dense?.embedder.settings.modelId ?? null, passages: index.byId.size, answerMode: answers.mode.name },
        `ready: retrieval mode ${retriever.mode}${index.denseNote ? ` (${index.denseNote})` : ''}`,
      );
    } catch (err) {
      state.loadError = err instanceof Error ? err.message : String(err);
      logger.error({ err }, 'index failed to load');
      throw err;
    }
  })();
  ready.catch(() => undefined); // awaited below, or by the caller; never an unhandled rejection
  loadSegmenter();

  const app = createApp({
    state,
    logger,
    allowedOrigins: env.ALLOWED_ORIGINS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    apiKeys: env.API_KEYS,
    upgradeInsecureRequests: env.CSP_UPGRADE_INSECURE_REQUESTS,
  });
  if (env.TRUST_PROXY === true) {
    logger.warn(
      'TRUST_PROXY=true trusts every X-Forwarded-For hop: any client can set its own IP and escape the rate limit. Set the number of proxies in front instead (TRUST_PROXY=1 behind one reverse proxy).',
    );
  }

  let active = 0;
  const server = http.createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    active++;
    res.on('close', () => active--);
    app(req, res);
  });
  // Requests Node refuses before Express sees them (a URL or headers past maxHeaderSize): answer in
  // JSON like every other error instead of Node's empty 431, then close the connection.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, code] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large' as const] : [400, 'bad_request' as const];
    const body = JSON.stringify(errorBody(code));
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  }).catch((err: unknown) => {
    delivery.close();
    throw err;
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${addr.port}`;
  logger.info({ url }, 'listening');

  if (opts.waitUntilReady ?? true) await ready;

  return {
    url,
    state,
    env,
    ready,
    inFlight: () => active,
    close: () =>
      new Promise<void>((resolve) => {
        const grace = env.SHUTDOWN_GRACE_MS;
        // Before the grace period ends: stop LLM work (in-flight answers fall back to the extractive
        // one, which takes milliseconds), then end any stream still open with an error event, then
        // cut what is left. A grace shorter than LLM_TIMEOUT_MS therefore never cuts an answer off.
        const timers = [
          setTimeout(() => stopping.abort(new Error('shutting down')), Math.max(grace / 2, grace - 1000)),
          setTimeout(() => closing.abort(new Error('shutting down')), Math.max(grace * 0.9, grace - 100)),
          setTimeout(() => server.closeAllConnections(), grace),
        ];
        for (const t of timers) t.unref();
        server.close(() => {
          for (const t of timers) clearTimeout(t);
          void state.ready?.index.close();
          delivery.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
