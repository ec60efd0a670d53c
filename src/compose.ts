/**
 * The composition root: turns the validated configuration into the pipeline's parts (index,
 * retriever, answer modes, answer service). The server and every CLI build their parts here.
 */
import type { Logger } from 'pino';
import { AnswerService } from './answer/answer-service.js';
import { LlmClient } from './answer/llm-client.js';
import { KeyTerms } from './answer/key-terms.js';
import { ExtractiveMode } from './answer/modes/extractive.js';
import { LlmMode } from './answer/modes/llm.js';
import type { ServiceIdentity } from './answer/messages.js';
import type { AnswerMode } from './answer/modes/mode.js';
import { loadPrompts } from './answer/prompts.js';
import { type Env, resolvePath } from './config/env.js';
import { indexOptions } from './index/options.js';
import { type LoadProgress, type LoadedIndex, loadIndex } from './index/load-index.js';
import { Retriever } from './retrieve/retriever.js';
import { ExemplarBank, type ExemplarLoadReport } from './retrieve/exemplars/exemplar-bank.js';
import { AnswerGate, readGateModel } from './answer/answer-gate.js';
import { type Steps, drain, runInSlices } from './util/cooperative.js';

export { indexOptions };

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

/** Banks already read for an index (tests and tools wire services on one index many times). */
const banks = new WeakMap<LoadedIndex, Map<string, ExemplarBank>>();

/**
 * The labelled exemplars (EXEMPLARS_DIR), their answers located in this index's passages. Lines that
 * are not valid rows and answers the corpus lacks are logged and left out; the rest still serve.
 */
export function exemplarBank(env: Env, index: LoadedIndex, logger?: Logger): ExemplarBank {
  return drain(readingBank(env, index, logger));
}

/** `exemplarBank` a slice at a time: a starting server keeps answering /healthz while it reads the bank. */
export function loadExemplarBank(env: Env, index: LoadedIndex, logger?: Logger): Promise<ExemplarBank> {
  return runInSlices(readingBank(env, index, logger));
}

function* readingBank(env: Env, index: LoadedIndex, logger?: Logger): Steps<ExemplarBank> {
  const settings = { similarity: env.EXEMPLAR_SIMILARITY, agreementMargin: env.EXEMPLAR_AGREEMENT_MARGIN, followUpSimilarity: env.EXEMPLAR_FOLLOW_UP_SIMILARITY };
  if (env.EXEMPLARS_DIR === 'none') return ExemplarBank.empty(settings);
  const dir = resolvePath(env.EXEMPLARS_DIR);
  const key = [dir, settings.similarity, settings.agreementMargin, settings.followUpSimilarity].join('\u0000');
  const cached = banks.get(index)?.get(key);
  if (cached) return cached;
  let loaded: { bank: ExemplarBank; report: ExemplarLoadReport };
  try {
    // One passage decoded at a time: a large corpus is never held whole for this.
    const passages = function* () {
      for (let i = 0; i < index.store.count; i++) yield index.store.passage(i);
    };
    loaded = yield* ExemplarBank.loading(dir, passages(), settings);
  } catch (err) {
    // Labelled questions refine answers; a fault reading them must not keep the service from answering.
    logger?.error({ err }, 'exemplars could not be read: answering without them');
    return ExemplarBank.empty(settings);
  }
  const { bank, report } = loaded;
  for (const line of report.invalid.slice(0, 5)) logger?.warn(`exemplars: skipped ${line}`);
  logger?.info(
    { files: report.files, exemplars: report.exemplars, followUps: report.followUps, invalid: report.invalid.length, unlocated: report.unlocated },
    report.files ? 'exemplars loaded' : `no exemplars (${env.EXEMPLARS_DIR} has no .jsonl files)`,
  );
  if (!banks.has(index)) banks.set(index, new Map());
  banks.get(index)!.set(key, bank);
  return bank;
}

/** The answer gate (ANSWER_GATE_FILE); a missing or invalid model is logged and the service answers without it. */
export function answerGate(env: Env, logger?: Logger): AnswerGate | null {
  if (env.ANSWER_GATE_FILE === 'none') return null;
  const file = resolvePath(env.ANSWER_GATE_FILE);
  try {
    const gate = new AnswerGate(readGateModel(file), env.ANSWER_GATE_THRESHOLD, env.ANSWER_RESCUE_THRESHOLD);
    logger?.info({ file: env.ANSWER_GATE_FILE, trainedAt: gate.model.trainedAt, threshold: gate.threshold, rescueThreshold: gate.rescueThreshold }, 'answer gate loaded');
    return gate;
  } catch (err) {
    logger?.error({ err }, `answer gate ${env.ANSWER_GATE_FILE} could not be read: answering without it (npm run train:gate)`);
    return null;
  }
}

/** Everything that answers questions, from an index already loaded. */
export function createServices(env: Env, index: LoadedIndex, llm: LlmClient | null, logger: Logger): Services {
  const retriever = new Retriever(index, env.DENSE_FUSION_WEIGHT);
  const extractive = new ExtractiveMode({ documents: index.documents, keyTerms: new KeyTerms(index.english, (w) => retriever.passagesMentioning(w)) });
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
    exemplars: exemplarBank(env, index, logger),
    gate: answerGate(env, logger),
  });
  return { index, retriever, answers };
}

/**
 * Loads (and, when `rebuildIfStale`, rebuilds) the index, then wires the services. Checking, building
 * and reading the files run on a worker thread, so a server keeps answering meanwhile.
 */
export async function loadServices(
  env: Env,
  logger: Logger,
  opts: { rebuildIfStale: boolean; llm?: LlmClient | null; onProgress?: (p: LoadProgress) => void } = { rebuildIfStale: true },
): Promise<Services> {
  const index = await loadIndex({
    ...indexOptions(env, (line) => logger.info(line), (line) => logger.warn(line)),
    rebuildIfStale: opts.rebuildIfStale,
    inWorker: true,
    onProgress: opts.onProgress,
  });
  // Read here in slices, so that createServices finds it read.
  await loadExemplarBank(env, index, logger);
  return createServices(env, index, opts.llm === undefined ? llmClient(env, logger) : opts.llm, logger);
}
