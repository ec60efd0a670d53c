import type { ErrorRequestHandler, RequestHandler } from 'express';
import { LlmBusyError } from '../answer/llm-gate.js';
import { ApiError, type ErrorCode, errorBody } from '../contract/errors.js';

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `No route for ${req.method} ${req.path}`));
};

/** body-parser's error types, mapped to our codes. */
const BODY_PARSER_CODES: Record<string, ErrorCode> = {
  'entity.parse.failed': 'invalid_json',
  'entity.too.large': 'payload_too_large',
  'encoding.unsupported': 'unsupported_encoding',
  'charset.unsupported': 'unsupported_encoding',
};

/** Any thrown value as an ApiError: ours as they are, body-parser's mapped, anything else a 500 without internals. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof LlmBusyError) return new ApiError('llm_busy', undefined, err.retryAfterSeconds);
  const e = err as { type?: string; status?: number };
  const code = e?.type ? BODY_PARSER_CODES[e.type] : undefined;
  if (code) return new ApiError(code);
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new ApiError('bad_request');
  return new ApiError('internal_error');
}

/** Maps body-parser and our own errors to 4xx JSON; anything else is a 500 without internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const e = toApiError(err);
  if (e.status >= 500) req.log?.error({ err }, 'unhandled error');
  if (res.headersSent) {
    res.end();
    return;
  }
  if (e.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(e.retryAfterSeconds));
  res.status(e.status).json(errorBody(e.code, e.message));
};
