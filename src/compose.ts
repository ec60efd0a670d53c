/**
 * The composition root: turns the validated configuration into the pipeline's parts (index,
 * retriever, answer modes, answer service). The server and every CLI build their parts here.
 */
import type { Logger } from 'pino';
import { AnswerService } from './answer/answer-service.js';
import { LlmClient } from './answer/llm-client.js';
import { ExtractiveMode } from './answer/modes/extractive.js';
import { LlmMode } from './answer/modes/llm.js';
import type { ServiceIdentity } from './answer/messages.js';
import type { AnswerMode } from './answer/modes/mode.js';
import { loadPrompts } from './answer/prompts.js';
import { type Env, resolvePath } from './config/env.js';
import type { BuildOptions } from './index/build-index.js';
import { type LoadedIndex, loadIndex } from './index/load-index.js';
import { configureCorpus } from './ingest/corpus.js';
import { Retriever } from './retrieve/retriever.js';
import { configureLexicon } from './text/lexicon.js';

/**
 * Index build/load options from the configuration (also points the text layer at the lexicon, and
 * tells the corpus reader whether a bad file is skipped with a warning or stops ingestion).
 */
export function indexOptions(env: Env, log?: (line: string) => void, warn?: (line: string) => void): BuildOptions {
  configureLexicon({ lexiconDir: resolvePath(env.LEXICON_DIR), cacheDir: resolvePath(env.CACHE_DIR) });
  configureCorpus({ strict: env.STRICT_CORPUS, ...((warn ?? log) ? { warn: warn ?? log } : {}) });
  return {
    corpusDir: resolvePath(env.CORPUS_DIR),
    indexDir: resolvePath(env.INDEX_DIR),
    embedding: {
      model: env.EMBEDDING_MODEL,
      modelsDir: resolvePath(env.MODELS_DIR),
      allowRemote: env.ALLOW_REMOTE_MODELS,
      store: env.VECTOR_STORE,
      provider: env.EMBEDDING_PROVIDER,
      baseUrl: env.EMBEDDING_BASE_URL,
      apiKey: env.EMBEDDING_API_KEY,
      dimensions: env.EMBEDDING_DIMENSIONS,
      timeoutMs: env.EMBEDDING_TIMEOUT_MS,
    },
    log,
  };
}

/**
 * The LLM client when LLM mode is configured. Prompts load here, before the server listens: a broken
 * prompt file is a start-up error, not a runtime one.
 */
export function llmClient(env: Env, logger?: Logger): LlmClient | null {
  if (!env.LLM_MODEL) return null;
  return new LlmClient(
    {
      baseUrl: env.LLM_BASE_URL,
      apiKey: env.LLM_API_KEY,
      model: env.LLM_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      temperature: env.LLM_TEMPERATURE,
      maxTokens: env.LLM_MAX_TOKENS,
      maxReplyChars: env.LLM_MAX_REPLY_CHARS,
      maxConcurrency: env.LLM_MAX_CONCURRENCY,
      maxQueue: env.LLM_MAX_QUEUE,
      breakerFailures: env.LLM_BREAKER_FAILURES,
      breakerCooldownMs: env.LLM_BREAKER_COOLDOWN_MS,
      onBreakerChange: (state) =>
        state === 'open'
          ? logger?.warn({ breaker: state, cooldownMs: env.LLM_BREAKER_COOLDOWN_MS }, 'LLM circuit breaker opened: answering extractively')
          : logger?.info({ breaker: state }, 'LLM circuit breaker closed'),
    },
    loadPrompts(resolvePath(env.PROMPTS_DIR)),
  );
}

/** The service's own identity (SERVICE_* settings; defaults describe the shipped fact sheet). */
export function serviceIdentity(env: Env): ServiceIdentity {
  return {
    name: env.SERVICE_NAME,
    source: { zh: env.SERVICE_SOURCE_ZH, en: env.SERVICE_SOURCE_EN },
    scope: { zh: env.SERVICE_SCOPE_ZH, en: env.SERVICE_SCOPE_EN },
    dates: env.SERVICE_DATES,
    example: { zh: env.SERVICE_EXAMPLE_ZH, en: env.SERVICE_EXAMPLE_EN },
  };
}

export interface Services {
  index: LoadedIndex;
  retriever: Retriever;
  answers: AnswerService;
}

/** Everything that answers questions, from an index already loaded. */
export function createServices(env: Env, index: LoadedIndex, llm: LlmClient | null, logger: Logger): Services {
  const retriever = new Retriever(index, env.DENSE_FUSION_WEIGHT);
  const extractive = new ExtractiveMode({ documents: index.documents });
  const mode: AnswerMode = llm
    ? new LlmMode(llm, index.documents, { prompts: llm.promptTexts, allowedLinkHosts: env.LLM_ALLOWED_LINK_HOSTS })
    : extractive;
  const answers = new AnswerService({
    documents: index.documents,
    retriever,
    threshold: env.ANSWERABLE_THRESHOLD,
    readerThreshold: env.LLM_ANSWERABLE_THRESHOLD,
    topK: env.RETRIEVAL_TOP_K,
    mode,
    fallback: extractive,
    logger,
    identity: serviceIdentity(env),
  });
  return { index, retriever, answers };
}

/** Loads (and, when `rebuildIfStale`, rebuilds) the index, then wires the services. */
export async function loadServices(
  env: Env,
  logger: Logger,
  opts: { rebuildIfStale: boolean; llm?: LlmClient | null } = { rebuildIfStale: true },
): Promise<Services> {
  const index = await loadIndex({
    ...indexOptions(env, (line) => logger.info(line), (line) => logger.warn(line)),
    rebuildIfStale: opts.rebuildIfStale,
  });
  return createServices(env, index, opts.llm === undefined ? llmClient(env, logger) : opts.llm, logger);
}
