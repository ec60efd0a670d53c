import type { Limits } from './schemas.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** OpenAPI 3.1 description of the HTTP API; limits come from the running configuration. */
export function buildOpenApi(version: string, limits: Limits) {
  return {
    openapi: '3.1.0',
    info: {
      title: '創新及科技 fact-sheet Q&A',
      version,
      description:
        'Answers questions grounded only in the Hong Kong government fact sheet 「創新及科技」 (updated 2023-06-30), with numbered citations of the passages used, or declines when the fact sheet does not cover the question.',
    },
    paths: {
      '/api/chat': {
        post: {
          summary: 'Ask a question (JSON, or Server-Sent Events with stream: true / Accept: text/event-stream)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatRequest' } } } },
          responses: {
            '200': {
              description:
                'The answer. As text/event-stream: events `citations` (Citation[]), `delta` ({text}) in order, then `done` (ChatResponse), or `error` ({error}).',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ChatResponse' } },
                'text/event-stream': { schema: { type: 'string' } },
              },
            },
            '400': errorResponse('Invalid JSON, wrong types, empty or over-long message, too much history (codes: invalid_json, invalid_request, message_required, message_empty, message_too_long, history_too_long)'),
            '413': errorResponse('Body too large (payload_too_large)'),
            '415': errorResponse('Body is not JSON (unsupported_media_type)'),
            '429': errorResponse('Rate limited (rate_limited)'),
            '503': errorResponse('Index still loading (not_ready)'),
          },
        },
      },
      '/v1/chat/completions': {
        post: {
          summary: 'OpenAI chat-completions compatible endpoint (messages, stream); citations in an extra field',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OpenAiRequest' } } } },
          responses: {
            '200': { description: 'chat.completion object (or chat.completion.chunk stream ending with [DONE]) plus `citations`, `answerable`, `language`, `mode`' },
            '400': errorResponse('Invalid request'),
            '429': errorResponse('Rate limited'),
            '503': errorResponse('Index still loading'),
          },
        },
      },
      '/v1/models': { get: { summary: 'The single model id this endpoint serves', responses: { '200': { description: 'OpenAI model list' } } } },
      '/api/passages/{id}': {
        get: {
          summary: 'One indexed passage, verbatim, with its offsets in the cleaned document',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The passage', content: { 'application/json': { schema: { $ref: '#/components/schemas/Passage' } } } },
            '404': errorResponse('Unknown passage (passage_not_found)'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness: the process is up', responses: { '200': { description: '{ "status": "ok" }' } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: 200 once the index is loaded',
          responses: {
            '200': { description: 'Ready', content: { 'application/json': { schema: { $ref: '#/components/schemas/Ready' } } } },
            '503': { description: 'Loading (or failed to load)' },
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/widget.js': { get: { summary: 'Embeddable chat widget script', responses: { '200': { description: 'JavaScript' } } } },
    },
    components: {
      schemas: {
        Turn: {
          type: 'object',
          required: ['role', 'content'],
          properties: { role: { enum: ['user', 'assistant'] }, content: { type: 'string', maxLength: 8000 } },
        },
        ChatRequest: {
          type: 'object',
          required: ['message'],
          properties: {
            message: { type: 'string', minLength: 1, maxLength: limits.maxMessageChars },
            history: { type: 'array', maxItems: limits.maxHistoryTurns, items: { $ref: '#/components/schemas/Turn' } },
            stream: { type: 'boolean' },
          },
          description: 'Unknown fields are ignored.',
        },
        Citation: {
          type: 'object',
          required: ['marker', 'id', 'document', 'section', 'text', 'start', 'end', 'score'],
          properties: {
            marker: { type: 'integer', minimum: 1 },
            id: { type: 'string' },
            document: { type: 'string' },
            section: { type: 'string' },
            text: { type: 'string', description: 'The passage verbatim, as indexed' },
            start: { type: 'integer', description: 'Offset in the cleaned document' },
            end: { type: 'integer' },
            score: { type: 'number' },
          },
        },
        ChatResponse: {
          type: 'object',
          required: ['answer', 'answerable', 'citations', 'mode', 'language'],
          properties: {
            answer: { type: 'string', description: 'Every [n] refers to the citation with marker n; every citation is cited.' },
            answerable: { type: 'boolean' },
            citations: { type: 'array', items: { $ref: '#/components/schemas/Citation' } },
            mode: { enum: ['extractive', 'llm'] },
            language: { enum: ['zh-Hant', 'zh-Hans', 'en'] },
          },
        },
        Passage: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            docId: { type: 'string' },
            document: { type: 'string' },
            documentTitle: { type: 'string' },
            section: { type: 'string' },
            text: { type: 'string' },
            start: { type: 'integer' },
            end: { type: 'integer' },
            ordinal: { type: 'integer' },
            updated: { type: ['string', 'null'] },
          },
        },
        Ready: {
          type: 'object',
          properties: {
            status: { const: 'ready' },
            retrieval: { enum: ['lexical', 'hybrid'] },
            model: { type: ['string', 'null'] },
            modelNote: { type: ['string', 'null'] },
            answerMode: { enum: ['extractive', 'llm'] },
            passages: { type: 'integer' },
            corpusUpdated: { type: ['string', 'null'] },
            documents: { type: 'array', items: { type: 'object' } },
            indexBuiltAt: { type: 'string' },
          },
        },
        OpenAiRequest: {
          type: 'object',
          required: ['messages'],
          properties: {
            model: { type: 'string' },
            messages: {
              type: 'array',
              minItems: 1,
              items: { type: 'object', required: ['role'], properties: { role: { type: 'string' }, content: {} } },
            },
            stream: { type: 'boolean' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}
