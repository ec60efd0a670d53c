import { z } from 'zod/v4';

export { PROJECT_ROOT, resolvePath } from './paths.js';

/**
 * Every setting, validated, with its default: the one place a default lives (.env.example documents
 * them). Values are read from the environment (and .env) as strings.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Express "trust proxy": a boolean, a hop count, or a subnet/address list. */
const trustProxy = z.string().transform((v): boolean | number | string => {
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') return true;
  if (v === 'false') return false;
  return v;
});

const httpUrl = z.string().url().refine((v) => /^https?:\/\//i.test(v), 'must be an http(s) URL');
/** An ISO date, or a range `YYYY-MM-DD..YYYY-MM-DD`. */
const dateRange = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/, 'a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD')
  .transform((v) => {
    const [a, b] = v.split('..') as [string, string | undefined];
    return b ? { from: a, to: b } : { to: a };
  });

/** One server-to-server client: `name:key` or `name:key:perMinute` (0 = unlimited). */
export interface ApiKey {
  name: string;
  key: string;
  perMinute: number;
}

const DEFAULT_KEY_PER_MINUTE = 600;

/** API_KEYS: comma-separated `name:key[:perMinute]`; names are what logs show, keys never are. */
const apiKeys = z.string().transform((v, ctx): ApiKey[] => {
  const out: ApiKey[] = [];
  for (const entry of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_.-]{1,64}):([^:\s]{16,256})(?::(\d{1,6}))?$/.exec(entry);
    if (!m) {
      // Never echo the entry: it holds a key.
      ctx.addIssue({ code: 'custom', message: `entry ${out.length + 1} is not name:key[:perMinute] (name letters/digits/._-, key at least 16 characters)` });
      return z.NEVER;
    }
    out.push({ name: m[1]!, key: m[2]!, perMinute: m[3] === undefined ? DEFAULT_KEY_PER_MINUTE : Number(m[3]) });
  }
  if (new Set(out.map((k) => k.name)).size !== out.length || new Set(out.map((k) => k.key)).size !== out.length) {
    ctx.addIssue({ code: 'custom', message: 'names and keys must be unique' });
    return z.NEVER;
  }
  return out;
});

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** true: a corpus file that cannot be used stops ingestion; false: it is skipped with a warning. */
  STRICT_CORPUS: bool.default(false),
  INDEX_DIR: z.string().min(1).default('index'),
  PROMPTS_DIR: z.string().min(1).default('prompts'),
  /** Labelled questions the service matches new ones against (question-set JSON Lines); "none" turns them off. */
  EXEMPLARS_DIR: z.string().default('exemplars'),
  /** Hand-written segmentation dictionary, stop words, synonyms and scope rules. */
  LEXICON_DIR: z.string().min(1).default('lexicon'),
  /** Generated files (converted dictionaries and other derived resources). */
  CACHE_DIR: z.string().min(1).default('.cache'),
  /** Embedding model id; "none" disables dense retrieval outright. */
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/bge-small-zh-v1.5'),
  MODELS_DIR: z.string().min(1).default('models'),
  /** Vector-store backend for dense retrieval (src/index/dense/): "hnsw" (hnswlib files under INDEX_DIR) or "pgvector" (DATABASE_URL). */
  VECTOR_STORE: z.string().min(1).default('hnsw'),
  /** PostgreSQL (with pgvector for VECTOR_STORE=pgvector): `npm run ingest` publishes the index there and every replica serves from it. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** HNSW graph parameters (links per node, insertion and search candidate lists); see README "Dense retrieval at scale". */
  HNSW_M: z.coerce.number().int().min(2).max(100).default(16),
  HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(4).max(2000).default(100),
  HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(2000).default(64),
  /** Worker threads that analyse documents at ingest (0: in the main thread). */
  INGEST_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  ALLOW_REMOTE_MODELS: bool.default(false),
  /** Say of the dense ranking in rank fusion relative to BM25 (1 = equal); tune with `npm run eval`. */
  DENSE_FUSION_WEIGHT: z.coerce.number().min(0).max(10).default(1),
  RETRIEVAL_TOP_K: z.coerce.number().int().min(1).max(20).default(5),
  /** Minimum "answerability" confidence (0..1) below which the service declines; calibrated with `npm run eval`. */
  ANSWERABLE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.3),
  /**
   * Character n-gram cosine similarity from which a question is a labelled exemplar reworded and takes
   * its label (answered or declined); measured with `npm run eval` (which holds each set's own exemplars out).
   */
  EXEMPLAR_SIMILARITY: z.coerce.number().min(0).max(1).default(0.7),
  /** Every exemplar within this much of the most similar one must agree on its label, or none decides. */
  EXEMPLAR_AGREEMENT_MARGIN: z.coerce.number().min(0).max(1).default(0.05),
  /** For a follow-up: the similarity both it and the user's previous message must reach with a labelled follow-up's. */
  EXEMPLAR_FOLLOW_UP_SIMILARITY: z.coerce.number().min(0).max(1).default(0.6),
  /**
   * The answer gate's models (`npm run train:gate` writes them), or `none`: a checked answer it judges
   * unlike the answers to questions the sheet answers is declined, and a declined question whose best
   * sentences it judges a right answer is answered with them.
   */
  ANSWER_GATE_FILE: z.string().default('exemplars/answer-gate.json'),
  /** Probability that the sheet answers a question below which the gate declines it (cross-validated by `npm run train:gate`). */
  ANSWER_GATE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.25),
  /** Probability that the best sentences answer a declined question from which the rescue answers it with them (cross-validated likewise). */
  ANSWER_RESCUE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  /**
   * The same gate in LLM mode, lower: the model reads paraphrases the word overlap misses and says
   * NOT_IN_SOURCES itself; its answer is then checked for what was asked.
   */
  LLM_ANSWERABLE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.15),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  /** Hosts (and subdomains) links in LLM answers may point to; every other link is removed. */
  LLM_ALLOWED_LINK_HOSTS: csv.default([]),
  /** Sent as max_tokens: an answer is one to three sentences, a condensed question one line. */
  LLM_MAX_TOKENS: z.coerce.number().int().min(16).max(32_768).default(800),
  /** The completion is read as a stream and abandoned (extractive fallback) past this many characters. */
  LLM_MAX_REPLY_CHARS: z.coerce.number().int().min(100).max(200_000).default(4000),
  /** LLM calls running at once; further calls wait in a queue. */
  LLM_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** LLM calls allowed to wait; beyond that a request gets 503 llm_busy with Retry-After. */
  LLM_MAX_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Consecutive LLM failures (errors, timeouts) that open the circuit breaker; 0 disables it. */
  LLM_BREAKER_FAILURES: z.coerce.number().int().min(0).max(1000).default(5),
  /** How long an open breaker answers extractively at once before letting one trial call through. */
  LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  ALLOWED_ORIGINS: csv.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /**
   * Express "trust proxy". Prefer the number of proxies in front (1 behind one nginx): `true` trusts
   * every X-Forwarded-For hop, so a client can pick its own IP and escape the rate limit.
   */
  TRUST_PROXY: trustProxy.default(false),
  /** Optional keys for server-to-server clients (bots), with their own rate limits; browsers need none. */
  API_KEYS: apiKeys.default([]),
  /** Content-Security-Policy upgrade-insecure-requests: only when every client reaches the service over HTTPS. */
  CSP_UPGRADE_INSECURE_REQUESTS: bool.default(false),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(1).max(10_000).default(1000),
  MAX_HISTORY_TURNS: z.coerce.number().int().min(0).max(100).default(20),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Public origin (and path prefix) of the service, for absolute passage links in rendered replies. */
  PUBLIC_BASE_URL: httpUrl.transform((v) => v.replace(/\/+$/, '')).optional(),
  /** Folder of the SQLite database (answers, feedback, the opt-in question log). */
  DATA_DIR: z.string().min(1).default('data'),
  /** Keep a row per answer (outcome, language, cited passages; no text) for feedback and the report. */
  RECORD_ANSWERS: bool.default(true),
  /** Keep the text of questions (personal data redacted first); off by default. */
  STORE_QUESTIONS: bool.default(false),
  /** Days a stored question text is kept. */
  QUESTION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Days answer records and feedback are kept. */
  DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Prometheus metrics at GET /metrics. */
  METRICS_ENABLED: bool.default(true),
  /** Where embeddings come from: the local ONNX model, or an OpenAI-compatible /v1/embeddings server. */
  EMBEDDING_PROVIDER: z.enum(['local', 'openai']).default('local'),
  /** Base URL of the embeddings server (ending in /v1), for EMBEDDING_PROVIDER=openai. */
  EMBEDDING_BASE_URL: httpUrl.optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  /** Ask the server for vectors of this length (models that support shortening, e.g. text-embedding-3). */
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(8192).optional(),
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** Hugging Face hub (or mirror) that `npm run models:fetch` downloads from. */
  HF_ENDPOINT: httpUrl.default('https://huggingface.co'),

  // What the service says it is (declines, OpenAPI). Defaults describe the shipped fact sheet; a
  // corpus of other documents sets these instead of inheriting a file name.
  SERVICE_NAME: z.string().min(1).default('創新及科技 fact-sheet Q&A'),
  /** What the answers come from, as a Chinese phrase (Simplified replies convert it). */
  SERVICE_SOURCE_ZH: z.string().min(1).default('香港特區政府《創新及科技》便覽'),
  SERVICE_SOURCE_EN: z.string().min(1).default('the government fact sheet "創新及科技"'),
  /** The subject the service answers about. */
  SERVICE_SCOPE_ZH: z.string().min(1).default('香港創新及科技'),
  SERVICE_SCOPE_EN: z.string().min(1).default('Hong Kong innovation and technology'),
  /** The date the sources are current to, or the range they span. */
  SERVICE_DATES: dateRange.default({ to: '2023-06-30' }),
  /** An example question offered when declining. */
  SERVICE_EXAMPLE_ZH: z.string().min(1).default('數碼港匯聚了多少家初創企業？'),
  SERVICE_EXAMPLE_EN: z.string().min(1).default('how many start-ups Cyberport hosts'),
});

export type Env = z.infer<typeof schema>;
export type EnvKey = keyof Env;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse and validate environment variables; empty strings count as unset. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') cleaned[k] = v;
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const llmVars = [env.LLM_BASE_URL, env.LLM_API_KEY, env.LLM_MODEL].filter(Boolean).length;
  if (llmVars > 0 && !(env.LLM_MODEL && (env.LLM_BASE_URL || env.LLM_API_KEY))) {
    throw new ConfigError('LLM mode needs LLM_MODEL and at least one of LLM_BASE_URL / LLM_API_KEY (see .env.example)');
  }
  if (env.EMBEDDING_PROVIDER === 'openai' && !env.EMBEDDING_BASE_URL && !env.EMBEDDING_API_KEY) {
    throw new ConfigError('EMBEDDING_PROVIDER=openai needs EMBEDDING_BASE_URL (a local server) and/or EMBEDDING_API_KEY (a hosted API)');
  }
  return env;
}
