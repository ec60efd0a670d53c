import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error with an HTTP status and a machine-readable code, sent as { error: { code, message } }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `No route for ${req.method} ${req.path}`));
};

/** Maps body-parser and our own errors to 4xx JSON; anything else is a 500 without internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  let status = 500;
  let code = 'internal_error';
  let message = 'Something went wrong on our side. Please try again.';
  if (err instanceof ApiError) {
    ({ status, code } = err);
    message = err.message;
  } else if (e.type === 'entity.parse.failed') {
    status = 400;
    code = 'invalid_json';
    message = 'The request body is not valid JSON.';
  } else if (e.type === 'entity.too.large') {
    status = 413;
    code = 'payload_too_large';
    message = 'The request body is too large.';
  } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    status = 415;
    code = 'unsupported_encoding';
    message = 'Send the body as UTF-8 JSON.';
  } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    status = e.status;
    code = 'bad_request';
    message = 'The request could not be processed.';
  }
  if (status >= 500) req.log?.error({ err }, 'unhandled error');
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json(errorBody(code, message));
};
