import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Project root, resolved from this file so CLIs work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('index'),
  PROMPTS_DIR: z.string().min(1).default('prompts'),
  /** Embedding model id; "none" disables dense retrieval outright. */
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/bge-small-zh-v1.5'),
  MODELS_DIR: z.string().min(1).default('models'),
  ALLOW_REMOTE_MODELS: bool.default('false'),
  /** Say of the dense ranking in rank fusion relative to BM25 (1 = equal); tune with `npm run eval`. */
  DENSE_FUSION_WEIGHT: z.coerce.number().min(0).max(10).default(1),
  RETRIEVAL_TOP_K: z.coerce.number().int().min(1).max(20).default(5),
  /** Minimum "answerability" confidence (0..1) below which the service declines. */
  ANSWERABLE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  ALLOWED_ORIGINS: csv.default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  TRUST_PROXY: z.string().default('false'),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(1).max(10_000).default(1000),
  MAX_HISTORY_TURNS: z.coerce.number().int().min(0).max(100).default(20),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Env = z.infer<typeof schema>;

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
  return env;
}

/** Resolve a configured path against the project root (absolute paths are kept). */
export function resolvePath(p: string): string {
  return path.isAbsolute(p) ? p : path.join(PROJECT_ROOT, p);
}
