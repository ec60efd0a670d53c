import type { z } from 'zod/v4';
import { ApiError } from './errors.js';
import type { Limits } from './chat.js';

/** Turns a zod failure into the most specific error code a client can act on. */
export function toApiError(error: z.ZodError, body: Record<string, unknown>, limits: Limits): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  if (issue.path[0] === 'message') {
    if (issue.code === 'too_small') return new ApiError('message_empty');
    if (issue.code === 'too_big') return new ApiError('message_too_long', `message must be at most ${limits.maxMessageChars} characters.`);
    if (issue.code === 'invalid_type' && body.message === undefined) return new ApiError('message_required');
  }
  if (issue.path[0] === 'history' && issue.path.length === 1 && issue.code === 'too_big') {
    return new ApiError('history_too_long', `history may hold at most ${limits.maxHistoryTurns} turns.`);
  }
  if (issue.path[0] === 'messages' && issue.code === 'too_small') return new ApiError('messages_empty');
  return new ApiError('invalid_request', `${field}: ${issue.message}`);
}

/** Validates a JSON request body against a contract schema, or throws the matching ApiError. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, limits: Limits): z.infer<T> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('invalid_request');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw toApiError(parsed.error, body as Record<string, unknown>, limits);
  return parsed.data;
}
