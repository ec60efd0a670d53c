/**
 * Prometheus metrics (prom-client) for operators: requests by route and status, latency, answer
 * outcomes, LLM calls and fallbacks, the index. Labels are bounded sets (route patterns, codes,
 * outcome names); no label or value ever holds message text.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnswerTrace } from '../answer/answer-service.js';
import { LLM_CALL_CHANNEL, type LlmCallEvent } from '../answer/llm-client.js';
import type { ChatAnswer } from '../contract/chat.js';
import { EMBEDDING_ERROR_CHANNEL } from '../index/remote-embeddings.js';
import type { LoadedIndex } from '../index/load-index.js';
import { outcomeOf } from '../records/outcome.js';

/** A fallback reason (free text) as one of a few label values. */
export function fallbackKind(reason: string): string {
  if (reason.startsWith('condense failed')) return 'condense_failed';
  if (reason.startsWith('LLM error')) return /time|abort/i.test(reason) ? 'llm_timeout' : 'llm_error';
  return 'verification_failed';
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern (streams: until the last byte)',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly answers = new Counter({
    name: 'factsheet_answers_total',
    help: 'Answers by outcome (answered, declined, partial), endpoint, answer mode and reply language',
    labelNames: ['outcome', 'endpoint', 'mode', 'language'] as const,
    registers: [this.registry],
  });
  private readonly declines = new Counter({
    name: 'factsheet_declines_total',
    help: 'Declined questions by reason (not_covered, fact_missing, premise, unlikely: the answer gate, opinion, instructions, creative, code, person)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly exemplarOverrules = new Counter({
    name: 'factsheet_exemplar_overrules_total',
    help: "Questions whose labelled exemplar overruled the checks' verdict, by what it made of them (answer, decline)",
    labelNames: ['to'] as const,
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'factsheet_answer_fallbacks_total',
    help: 'Answers where the LLM answer was replaced by the extractive one, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly llmCalls = new Counter({
    name: 'factsheet_llm_calls_total',
    help: 'Calls to the LLM by kind (condense, answer) and result (ok, error, timeout, aborted)',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });
  private readonly llmLatency = new Histogram({
    name: 'factsheet_llm_call_duration_seconds',
    help: 'LLM call latency by kind',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    registers: [this.registry],
  });
  private readonly embeddingErrors = new Counter({
    name: 'factsheet_embedding_errors_total',
    help: 'Query embeddings that failed (the request was served by lexical retrieval alone)',
    registers: [this.registry],
  });
  private readonly recordErrors = new Counter({
    name: 'factsheet_record_errors_total',
    help: 'Answer records or feedback that could not be written to the database',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  private readonly feedback = new Counter({
    name: 'factsheet_feedback_total',
    help: 'Feedback received, by rating',
    labelNames: ['rating'] as const,
    registers: [this.registry],
  });
  private readonly indexPassages = new Gauge({ name: 'factsheet_index_passages', help: 'Passages in the loaded index', registers: [this.registry] });
  private readonly indexBytes = new Gauge({ name: 'factsheet_index_size_bytes', help: 'Size of the index folder on disk', registers: [this.registry] });
  private readonly indexBuild = new Gauge({ name: 'factsheet_index_build_seconds', help: 'Time the loaded index took to build', registers: [this.registry] });
  private readonly indexBuiltAt = new Gauge({
    name: 'factsheet_index_built_timestamp_seconds',
    help: 'When the loaded index was built (Unix time)',
    registers: [this.registry],
  });
  private readonly indexInfo = new Gauge({
    name: 'factsheet_index_info',
    help: 'The loaded index: retrieval mode and embedding model (value 1)',
    labelNames: ['retrieval', 'model'] as const,
    registers: [this.registry],
  });

  private readonly onLlmCall = (message: unknown) => {
    const e = message as LlmCallEvent;
    this.llmCalls.inc({ kind: e.kind, result: e.result });
    this.llmLatency.observe({ kind: e.kind }, e.durationMs / 1000);
  };
  private readonly onEmbeddingError = () => this.embeddingErrors.inc();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    diagnosticsChannel.subscribe(LLM_CALL_CHANNEL, this.onLlmCall);
    diagnosticsChannel.subscribe(EMBEDDING_ERROR_CHANNEL, this.onEmbeddingError);
  }

  /** Express middleware: counts and times every request by its route pattern (never its URL). */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.latency.startTimer();
    res.on('close', () => {
      const route = routeLabel(req, res);
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };

  answered(endpoint: string, result: ChatAnswer, trace: AnswerTrace): void {
    this.answers.inc({ outcome: outcomeOf(result), endpoint, mode: result.mode, language: result.language });
    if (trace.declineReason) this.declines.inc({ reason: trace.declineReason });
    if (trace.fallbackReason) this.fallbacks.inc({ reason: fallbackKind(trace.fallbackReason) });
    if (trace.exemplar) this.exemplarOverrules.inc({ to: result.answerable ? 'answer' : 'decline' });
  }

  feedbackReceived(rating: string): void {
    this.feedback.inc({ rating });
  }

  recordFailed(operation: 'answer' | 'feedback' | 'purge'): void {
    this.recordErrors.inc({ operation });
  }

  indexLoaded(index: LoadedIndex, indexDir: string): void {
    const m = index.manifest;
    this.indexPassages.set(m.passageCount);
    this.indexBytes.set(folderBytes(indexDir));
    this.indexBuild.set(m.buildMs / 1000);
    this.indexBuiltAt.set(Date.parse(m.builtAt) / 1000);
    this.indexInfo.reset();
    this.indexInfo.set({ retrieval: index.dense ? 'hybrid' : 'lexical', model: index.dense?.embedder.settings.modelId ?? 'none' }, 1);
  }

  /** Stops listening to process-wide events (servers in one process each have their own metrics). */
  close(): void {
    diagnosticsChannel.unsubscribe(LLM_CALL_CHANNEL, this.onLlmCall);
    diagnosticsChannel.unsubscribe(EMBEDDING_ERROR_CHANNEL, this.onEmbeddingError);
  }
}

/**
 * The matched route pattern (/api/passages/:id); without one: "unmatched" for 404s, "static" for files
 * served, "unrouted" for requests refused before routing (415, 413, 429). A bounded set, never a URL.
 */
function routeLabel(req: Request, res: Response): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  if (res.statusCode === 404) return 'unmatched';
  return res.statusCode < 400 ? 'static' : 'unrouted';
}
