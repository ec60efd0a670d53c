import diagnosticsChannel from 'node:diagnostics_channel';
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Turn } from '../contract/chat.js';
import { escapeSourceBrackets, stripMarkers } from '../contract/markers.js';
import { ReplyTooLargeError, cappedFetch } from './capped-fetch.js';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuit-breaker.js';
import { LlmBusyError, LlmGate } from './llm-gate.js';
import { type Prompts, fill } from './prompts.js';

export interface LlmConfig {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  temperature: number;
  /** Sent as max_tokens. */
  maxTokens: number;
  /** The streamed completion is abandoned past this many characters. */
  maxReplyChars: number;
  maxConcurrency: number;
  maxQueue: number;
  /** Consecutive failures that open the circuit breaker (0: never). */
  breakerFailures: number;
  breakerCooldownMs: number;
  onBreakerChange?: (state: CircuitState) => void;
}

/** Bytes of wire format (stream framing, JSON) allowed per character of content before the socket is cut. */
const WIRE_BYTES_PER_CHAR = 512;
/** Slack for responses that are not content at all (error bodies, a few empty events). */
const WIRE_BYTES_FLOOR = 1 << 20;

/** Whether an error is the LLM's fault (counts towards the breaker) rather than the caller's (abort). */
function isLlmFailure(err: unknown, signal: AbortSignal): boolean {
  // A deadline is the model being too slow; any other abort is the caller (client gone, shutdown).
  if (signal.aborted) return (signal.reason as Error | undefined)?.name === 'TimeoutError';
  return true;
}

/** How a failed call ended, for the metrics. */
function callResult(err: unknown, deadline: AbortSignal): LlmCallEvent['result'] {
  if (err instanceof LlmBusyError) return 'busy';
  if (err instanceof CircuitOpenError) return 'circuit_open';
  if (err instanceof ReplyTooLargeError) return 'too_large';
  // The deadline carries the request's timeout (a TimeoutError) or a client that left.
  if (deadline.aborted) return (deadline.reason as Error | undefined)?.name === 'TimeoutError' ? 'timeout' : 'aborted';
  return 'error';
}

export const NOT_IN_SOURCES = 'NOT_IN_SOURCES';

/** Every LLM call is published here (kind, result, duration; never text) for the metrics to count. */
export const LLM_CALL_CHANNEL = 'factsheet-qa:llm-call';
export interface LlmCallEvent {
  kind: 'condense' | 'answer';
  /** busy: refused by the concurrency gate; circuit_open: refused by the breaker; too_large: reply over the cap. */
  result: 'ok' | 'error' | 'timeout' | 'aborted' | 'busy' | 'circuit_open' | 'too_large';
  durationMs: number;
}
const llmCalls = diagnosticsChannel.channel(LLM_CALL_CHANNEL);

/**
 * Any OpenAI-compatible chat endpoint (OpenAI, Azure, DeepSeek, Qwen, Ollama, vLLM) through
 * LangChain. No retries: a slow or failing model falls back to the extractive answer instead.
 */
export class LlmClient {
  private readonly chat: ChatOpenAI;
  readonly gate: LlmGate;
  readonly breaker: CircuitBreaker;

  constructor(
    readonly config: LlmConfig,
    private readonly prompts: Prompts,
  ) {
    this.chat = new ChatOpenAI({
      model: config.model,
      // Local servers (Ollama, vLLM) accept any key, but the client insists on one.
      apiKey: config.apiKey ?? 'not-needed',
      temperature: config.temperature,
      maxTokens: config.maxTokens,
      maxRetries: 0,
      timeout: config.timeoutMs,
      // Read the completion as it arrives, so its size can be capped before it is all in memory.
      streaming: true,
      // stream_options is not understood by every OpenAI-compatible server; usage is not needed.
      streamUsage: false,
      configuration: {
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        fetch: cappedFetch(Math.max(WIRE_BYTES_FLOOR, config.maxReplyChars * WIRE_BYTES_PER_CHAR)),
      },
    });
    this.gate = new LlmGate({
      concurrency: config.maxConcurrency,
      maxQueue: config.maxQueue,
      // A running call frees its slot within one timeout at the latest.
      retryAfterSeconds: Math.max(1, Math.ceil(config.timeoutMs / 1000)),
    });
    this.breaker = new CircuitBreaker({ failures: config.breakerFailures, cooldownMs: config.breakerCooldownMs, onChange: config.onBreakerChange });
  }

  /** The prompt texts the model is given (an answer that quotes them is rejected). */
  get promptTexts(): string[] {
    return [this.prompts.system, this.prompts.answer, this.prompts.condense];
  }

  /**
   * One completion: fails at once while the breaker is open, waits for a slot (or is refused with
   * LlmBusyError when the queue is full), then streams the reply and stops past the size cap.
   */
  private async complete(kind: LlmCallEvent['kind'], messages: Array<SystemMessage | HumanMessage | AIMessage>, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const deadline = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const t0 = performance.now();
    const publish = (result: LlmCallEvent['result']) => llmCalls.publish({ kind, result, durationMs: performance.now() - t0 } satisfies LlmCallEvent);
    try {
      this.breaker.check();
      const out = await this.gate.run(() => this.breaker.run(() => this.stream(messages, deadline), (err) => isLlmFailure(err, deadline)), deadline);
      publish('ok');
      return out;
    } catch (err) {
      publish(callResult(err, deadline));
      throw err;
    }
  }

  private async stream(messages: Array<SystemMessage | HumanMessage | AIMessage>, deadline: AbortSignal): Promise<string> {
    const stop = new AbortController();
    const signal = AbortSignal.any([deadline, stop.signal]);
    let content = '';
    for await (const chunk of await this.chat.stream(messages, { signal })) {
      content += typeof chunk.content === 'string' ? chunk.content : chunk.content.map((c) => ('text' in c ? c.text : '')).join('');
      if (content.length > this.config.maxReplyChars) {
        const err = new ReplyTooLargeError(this.config.maxReplyChars, 'characters');
        stop.abort(err);
        throw err;
      }
    }
    return content.trim();
  }

  /** Rewrites a follow-up into a standalone question using the conversation. */
  async condense(question: string, history: Turn[], signal?: AbortSignal): Promise<string> {
    // Earlier answers' [n] markers point at citations the model never sees: drop them.
    const transcript = history
      .map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${stripMarkers(t.content)}`)
      .join('\n');
    const out = await this.complete('condense', [new HumanMessage(fill(this.prompts.condense, { history: transcript, question }))], signal);
    return out.split('\n')[0]!.trim() || question;
  }

  /** Answers from numbered passages; returns NOT_IN_SOURCES when they do not answer it. */
  async answer(
    input: { question: string; language: string; passages: string[]; title: string; updated: string },
    signal?: AbortSignal,
  ): Promise<string> {
    // The passages' own bracketed numbers (footnotes) must not read as passage numbers.
    const passages = input.passages.map((p, i) => `[${i + 1}] ${escapeSourceBrackets(p)}`).join('\n\n');
    const user = fill(this.prompts.answer, {
      passages,
      question: input.question,
      language: input.language,
      title: input.title,
      updated: input.updated,
    });
    return this.complete('answer', [new SystemMessage(this.prompts.system), new HumanMessage(user)], signal);
  }
}
