import { z } from 'zod/v4';
import {
  type Limits,
  chatRequestSchema,
  chatResponseSchema,
  citationSchema,
  errorSchema,
  metaSchema,
  openAiRequestSchema,
  passageResponseSchema,
  readySchema,
  turnSchema,
} from './chat.js';
import { ERRORS, type ErrorCode } from './errors.js';
import { feedbackRequestSchema, feedbackResponseSchema } from './feedback.js';

export interface ServiceInfo {
  title: string;
  description: string;
  version: string;
}

/** Component schemas, generated from the same zod schemas that validate requests. */
function components(limits: Limits) {
  const registry = z.registry<{ id: string }>();
  registry.add(turnSchema, { id: 'Turn' });
  registry.add(chatRequestSchema(limits), { id: 'ChatRequest' });
  registry.add(citationSchema, { id: 'Citation' });
  registry.add(chatResponseSchema, { id: 'ChatResponse' });
  registry.add(feedbackRequestSchema, { id: 'FeedbackRequest' });
  registry.add(feedbackResponseSchema, { id: 'FeedbackResponse' });
  registry.add(passageResponseSchema, { id: 'Passage' });
  registry.add(readySchema, { id: 'Ready' });
  registry.add(metaSchema, { id: 'Meta' });
  registry.add(openAiRequestSchema, { id: 'OpenAiRequest' });
  registry.add(errorSchema, { id: 'Error' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input', unrepresentable: 'any' });
  // Inside an OpenAPI document the components are not standalone JSON Schema resources.
  for (const s of Object.values(schemas)) {
    delete (s as Record<string, unknown>).$schema;
    delete (s as Record<string, unknown>).$id;
  }
  return schemas;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });

/** Error responses for the given codes, grouped by status, naming each code. */
function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(ERRORS[c].status, [...(byStatus.get(ERRORS[c].status) ?? []), c]);
  return Object.fromEntries(
    [...byStatus].map(([status, cs]) => [String(status), { description: `Error (codes: ${cs.join(', ')})`, content: json('Error') }]),
  );
}

const CHAT_ERRORS: ErrorCode[] = [
  'invalid_json',
  'invalid_request',
  'message_required',
  'message_empty',
  'message_too_long',
  'history_too_long',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_encoding',
  'rate_limited',
  'internal_error',
  'not_ready',
  'llm_busy',
  'shutting_down',
  'invalid_api_key',
  'uri_too_long',
  'headers_too_large',
];

/** OpenAPI 3.1 description of the HTTP API; limits come from the running configuration. */
export function buildOpenApi(info: ServiceInfo, limits: Limits) {
  return {
    openapi: '3.1.0',
    info,
    paths: {
      '/api/chat': {
        post: {
          summary: 'Ask a question (JSON, or Server-Sent Events with stream: true / Accept: text/event-stream)',
          requestBody: { required: true, content: json('ChatRequest') },
          responses: {
            '200': {
              description:
                'The answer. As text/event-stream: events `citations` (Citation[]), `delta` ({text}) in order, then `done` (ChatResponse), or `error` ({error}).',
              content: { ...json('ChatResponse'), 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...errorResponses(CHAT_ERRORS),
          },
        },
      },
      '/v1/chat/completions': {
        post: {
          summary: 'OpenAI chat-completions compatible endpoint (messages, stream); citations in an extra field',
          requestBody: { required: true, content: json('OpenAiRequest') },
          responses: {
            '200': {
              description:
                'chat.completion object (or chat.completion.chunk stream ending with [DONE]) plus `citations`, `answerable`, `language`, `mode`, `answerId` (the id is `chatcmpl-{answerId}`). With `format`, the message content is the rendered reply.',
            },
            ...errorResponses([...CHAT_ERRORS, 'messages_empty']),
          },
        },
      },
      '/api/feedback': {
        post: {
          summary: '👍/👎 on an answer, with an optional reason; a second call for the same answer replaces the first',
          requestBody: { required: true, content: json('FeedbackRequest') },
          responses: {
            '201': { description: 'Stored', content: json('FeedbackResponse') },
            '200': { description: 'Replaced earlier feedback on the same answer', content: json('FeedbackResponse') },
            ...errorResponses(['invalid_json', 'invalid_request', 'answer_not_found', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'feedback_unavailable']),
          },
        },
      },
      '/passages/{id}': {
        get: {
          summary: 'The human-readable page of a passage (HTML): highlighted in its section, with the document title, date and source link',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh-Hant', 'zh-Hans', 'en'] }, description: 'Language of the page labels' },
          ],
          responses: {
            '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
            '404': { description: 'No such passage (HTML page)', content: { 'text/html': { schema: { type: 'string' } } } },
            '503': { description: 'Still loading (HTML page)', content: { 'text/html': { schema: { type: 'string' } } } },
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (text format; when METRICS_ENABLED)',
          responses: { '200': { description: 'Prometheus exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/v1/models': { get: { summary: 'The single model id this endpoint serves', responses: { '200': { description: 'OpenAI model list' } } } },
      '/api/passages/{id}': {
        get: {
          summary: 'One indexed passage, verbatim, with its offsets in the cleaned document',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The passage', content: json('Passage') }, ...errorResponses(['passage_not_found', 'not_ready']) },
        },
      },
      '/api/meta': {
        get: {
          summary: 'The documents answered from, their dates, and the request limits (for clients such as the widget)',
          responses: { '200': { description: 'Corpus and limits', content: json('Meta') }, ...errorResponses(['not_ready']) },
        },
      },
      '/healthz': { get: { summary: 'Liveness: the process is up', responses: { '200': { description: '{ "status": "ok" }' } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: 200 once the index is loaded',
          responses: { '200': { description: 'Ready', content: json('Ready') }, '503': { description: 'Loading: { status: "loading", phase, progress } (checking, building, verifying, reading, opening), or { status: "failed", error }' } },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/widget.js': { get: { summary: 'Embeddable chat widget script', responses: { '200': { description: 'JavaScript' } } } },
    },
    components: { schemas: components(limits) },
  };
}
