import { z } from 'zod';
import { ApiError } from './errors.js';

export interface Limits {
  maxMessageChars: number;
  maxHistoryTurns: number;
}

/** Per-turn ceiling for history: assistant answers quote passages, so allow more than a message. */
const MAX_TURN_CHARS = 8000;

export function chatRequestSchema(limits: Limits) {
  // Unknown fields are stripped (ignored), per the API contract.
  return z.object({
    message: z.string().trim().min(1).max(limits.maxMessageChars),
    history: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(MAX_TURN_CHARS) }))
      .max(limits.maxHistoryTurns)
      .default([]),
    stream: z.boolean().optional(),
  });
}
export type ChatRequest = z.infer<ReturnType<typeof chatRequestSchema>>;

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

export const openAiRequestSchema = z.object({
  model: z.string().optional(),
  messages: z
    .array(
      z
        .object({
          role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
          content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
        })
        .passthrough(),
    )
    .min(1),
  stream: z.boolean().optional(),
});
export type OpenAiRequest = z.infer<typeof openAiRequestSchema>;

/** Turns a zod failure into the most specific error code a client can act on. */
export function toApiError(error: z.ZodError, limits: Limits): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  if (issue.path[0] === 'message') {
    if (issue.code === 'too_small') return new ApiError(400, 'message_empty', 'message must not be empty.');
    if (issue.code === 'too_big') {
      return new ApiError(400, 'message_too_long', `message must be at most ${limits.maxMessageChars} characters.`);
    }
    if (issue.code === 'invalid_type' && issue.received === 'undefined') {
      return new ApiError(400, 'message_required', 'message is required.');
    }
  }
  if (issue.path[0] === 'history' && issue.path.length === 1 && issue.code === 'too_big') {
    return new ApiError(400, 'history_too_long', `history may hold at most ${limits.maxHistoryTurns} turns.`);
  }
  if (issue.path[0] === 'messages' && issue.code === 'too_small') {
    return new ApiError(400, 'messages_empty', 'messages must hold at least one message.');
  }
  return new ApiError(400, 'invalid_request', `${field}: ${issue.message}`);
}

export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown, limits: Limits): z.infer<T> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw toApiError(parsed.error, limits);
  return parsed.data;
}
