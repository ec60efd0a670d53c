/**
 * The last step of every chat request, shared by both chat endpoints: gives the answer its id and
 * passage links, renders it for a chat app when asked, records it for the content owners and counts it.
 */
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { AnswerTrace } from '../answer/answer-service.js';
import type { ChatAnswer, ChatResponse } from '../contract/chat.js';
import { passagePagePath } from '../contract/links.js';
import type { ReplyOptions } from '../contract/reply-format.js';
import type { AnswerRecords } from '../records/answer-records.js';
import { outcomeOf, uncoveredOf } from '../records/outcome.js';
import type { ServiceMetrics } from './metrics.js';
import { renderReply } from './render/reply.js';

/** What delivery needs beyond the answering services (ServiceState.delivery). */
export interface DeliveryContext {
  /** PUBLIC_BASE_URL without a trailing slash, or null. */
  publicBaseUrl: string | null;
  /** Null when the database could not be opened (recordsError says why). */
  records: AnswerRecords | null;
  recordsError: string | null;
  metrics: ServiceMetrics | null;
}

export interface Delivered {
  response: ChatResponse;
  /** Extra fields for the request's log line. */
  trace: Record<string, unknown>;
}

export function deliver(
  ctx: DeliveryContext,
  req: Request,
  input: { endpoint: 'chat' | 'openai'; message: string; result: ChatAnswer; trace: AnswerTrace; reply: ReplyOptions },
): Delivered {
  const { result, trace } = input;
  const answerId = randomUUID();
  const absolute = (id: string) => (ctx.publicBaseUrl ? `${ctx.publicBaseUrl}${passagePagePath(id)}` : null);
  const link = (id: string) => absolute(id) ?? passagePagePath(id);

  let answer = result.answer;
  let citations = result.citations;
  let truncated: boolean | undefined;
  if (input.reply.format) {
    const rendered = renderReply(result, { format: input.reply.format, platform: input.reply.platform, maxChars: input.reply.maxChars, passageUrl: absolute });
    ({ text: answer, citations, truncated } = rendered);
  }
  const outcome = outcomeOf(result);

  if (ctx.records) {
    try {
      ctx.records.record({
        id: answerId,
        at: new Date(),
        endpoint: input.endpoint,
        language: result.language,
        mode: result.mode,
        outcome,
        declineReason: trace.declineReason,
        fallbackReason: trace.fallbackReason,
        confidence: trace.confidence,
        followUp: trace.followUp,
        citations: result.citations.map((c) => ({ marker: c.marker, passageId: c.id, section: c.section })),
        question: input.message,
        uncovered: uncoveredOf(result),
      });
    } catch (err) {
      // The answer still goes out; the operator sees the error in the log and the metrics.
      ctx.metrics?.recordFailed('answer');
      req.log?.error({ err }, 'could not record the answer');
    }
  }
  ctx.metrics?.answered(input.endpoint, result, trace);
  // The request log keeps the gate's and the rescue's verdicts, not their forty-odd features.
  const { gate, rescue, ...logged } = trace;

  return {
    response: { ...result, answer, citations: citations.map((c) => ({ ...c, url: link(c.id) })), answerId },
    trace: { ...logged, ...(gate ? { gateProbability: gate.probability } : {}), ...(rescue ? { rescueProbability: rescue.probability } : {}), answerId, outcome, mode: result.mode, answerable: result.answerable, language: result.language, ...(input.reply.format ? { format: input.reply.format, truncated } : {}) },
  };
}
