import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { AnswerService } from '../answer/answer-service.js';
import { LlmClient } from '../answer/llm.js';
import { loadPrompts } from '../answer/prompts.js';
import { type Env, PROJECT_ROOT, loadEnv, resolvePath } from '../config/env.js';
import { loadIndex } from '../index/load-index.js';
import { Retriever } from '../retrieve/retriever.js';
import { createApp } from './app.js';
import type { ServiceState } from './state.js';

/** Default "nothing here" threshold, calibrated with `npm run eval` (see README, Evaluation). */
export const DEFAULT_ANSWERABLE_THRESHOLD = 0.3;

export interface StartOptions {
  /** Environment to validate (default process.env); the fields below override it. */
  env?: NodeJS.ProcessEnv;
  port?: number;
  host?: string;
  allowedOrigins?: string[];
  indexDir?: string;
  corpusDir?: string;
  embeddingModel?: string;
  modelsDir?: string;
  llm?: { baseUrl?: string; apiKey?: string; model: string; timeoutMs?: number } | null;
  rateLimitPerMinute?: number;
  logger?: Logger;
  /** Resolve only once the index is loaded (default true); false serves 503 on /readyz meanwhile. */
  waitUntilReady?: boolean;
  /** Delay before loading starts (tests of readiness use it). */
  loadDelayMs?: number;
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

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const base = loadEnv(opts.env ?? process.env);
  const env: Env = {
    ...base,
    PORT: opts.port ?? base.PORT,
    HOST: opts.host ?? base.HOST,
    ALLOWED_ORIGINS: opts.allowedOrigins ?? base.ALLOWED_ORIGINS,
    INDEX_DIR: opts.indexDir ?? base.INDEX_DIR,
    CORPUS_DIR: opts.corpusDir ?? base.CORPUS_DIR,
    EMBEDDING_MODEL: opts.embeddingModel ?? base.EMBEDDING_MODEL,
    MODELS_DIR: opts.modelsDir ?? base.MODELS_DIR,
    RATE_LIMIT_PER_MINUTE: opts.rateLimitPerMinute ?? base.RATE_LIMIT_PER_MINUTE,
  };
  if (opts.llm !== undefined) {
    env.LLM_BASE_URL = opts.llm?.baseUrl;
    env.LLM_API_KEY = opts.llm?.apiKey;
    env.LLM_MODEL = opts.llm?.model;
    if (opts.llm?.timeoutMs) env.LLM_TIMEOUT_MS = opts.llm.timeoutMs;
  }
  const logger = opts.logger ?? pino({ level: env.LOG_LEVEL });
  // Prompts load before listening: a broken prompt file is a start-up error, not a runtime one.
  const llm = env.LLM_MODEL
    ? new LlmClient(
        { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL, timeoutMs: env.LLM_TIMEOUT_MS, temperature: env.LLM_TEMPERATURE },
        loadPrompts(resolvePath(env.PROMPTS_DIR)),
      )
    : null;

  const state: ServiceState = {
    ready: null,
    loadError: null,
    limits: { maxMessageChars: env.MAX_MESSAGE_CHARS, maxHistoryTurns: env.MAX_HISTORY_TURNS },
  };
  const trustProxy = /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY;
  const app = createApp({
    state,
    logger,
    allowedOrigins: env.ALLOWED_ORIGINS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy,
    version: packageVersion(),
  });

  let active = 0;
  const server = http.createServer((req, res) => {
    active++;
    res.on('close', () => active--);
    app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${addr.port}`;
  logger.info({ url }, 'listening');

  const ready = (async () => {
    if (opts.loadDelayMs) await new Promise((r) => setTimeout(r, opts.loadDelayMs));
    try {
      const index = await loadIndex({
        corpusDir: resolvePath(env.CORPUS_DIR),
        indexDir: resolvePath(env.INDEX_DIR),
        embedding: { model: env.EMBEDDING_MODEL, modelsDir: resolvePath(env.MODELS_DIR), allowRemote: env.ALLOW_REMOTE_MODELS },
        rebuildIfStale: true,
        log: (line) => logger.info(line),
      });
      const retriever = new Retriever(index, env.DENSE_FUSION_WEIGHT);
      const answers = new AnswerService({
        index,
        retriever,
        threshold: env.ANSWERABLE_THRESHOLD ?? DEFAULT_ANSWERABLE_THRESHOLD,
        topK: env.RETRIEVAL_TOP_K,
        llm,
        logger,
      });
      state.ready = { index, answers };
      logger.info(
        { retrieval: retriever.mode, model: index.dense?.embedder.settings.modelId ?? null, passages: index.passages.length, answerMode: answers.mode },
        `ready: retrieval mode ${retriever.mode}${index.denseNote ? ` (${index.denseNote})` : ''}`,
      );
    } catch (err) {
      state.loadError = err instanceof Error ? err.message : String(err);
      logger.error({ err }, 'index failed to load');
      throw err;
    }
  })();
  if (opts.waitUntilReady ?? true) await ready;
  else ready.catch(() => {});

  return {
    url,
    state,
    env,
    ready,
    inFlight: () => active,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), env.SHUTDOWN_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          void state.ready?.index.dense?.embedder.dispose();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
