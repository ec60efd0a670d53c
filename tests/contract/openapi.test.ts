import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { chatRequestSchema } from '../../src/contract/chat.js';
import { ERRORS } from '../../src/contract/errors.js';
import { buildOpenApi } from '../../src/contract/openapi.js';

const limits = { maxMessageChars: 321, maxHistoryTurns: 7 };
const doc = buildOpenApi({ title: 't', description: 'd', version: '1.2.3' }, limits);

describe('generated OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('carries the limits of the schemas that validate requests', () => {
    const req = doc.components.schemas.ChatRequest as { properties: Record<string, { maxLength?: number; maxItems?: number }> };
    expect(req.properties.message!.maxLength).toBe(321);
    expect(req.properties.history!.maxItems).toBe(7);
    // The same schema object rejects what the document says is too long.
    expect(chatRequestSchema(limits).safeParse({ message: 'x'.repeat(322) }).success).toBe(false);
  });

  it('names every error code a chat request can get, with its status', () => {
    const responses = doc.paths['/api/chat'].post.responses as Record<string, { description: string }>;
    for (const code of ['message_too_long', 'rate_limited', 'not_ready', 'payload_too_large'] as const) {
      expect(responses[String(ERRORS[code].status)]!.description).toContain(code);
    }
  });
});
