/**
 * Every error code the API can return, with its HTTP status and default message: the one map routes,
 * middleware and the OpenAPI document read. Adding a code is one line here.
 */
export const ERRORS = {
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_request: { status: 400, message: 'The request body must be a JSON object.' },
  bad_request: { status: 400, message: 'The request could not be processed.' },
  message_required: { status: 400, message: 'message is required.' },
  message_empty: { status: 400, message: 'message must not be empty.' },
  message_too_long: { status: 400, message: 'message is too long.' },
  history_too_long: { status: 400, message: 'history holds too many turns.' },
  messages_empty: { status: 400, message: 'messages must hold at least one message.' },
  not_found: { status: 404, message: 'No such route.' },
  invalid_api_key: { status: 401, message: 'The API key is not valid.' },
  passage_not_found: { status: 404, message: 'No passage with that id.' },
  answer_not_found: { status: 404, message: 'No answer with that answerId (it may be older than the retention period).' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  uri_too_long: { status: 414, message: 'The request URL is too long.' },
  headers_too_large: { status: 431, message: 'The request URL or headers are too large.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  unsupported_encoding: { status: 415, message: 'Send the body as UTF-8 JSON.' },
  rate_limited: { status: 429, message: 'Too many questions in a short time; please wait a moment and try again.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  not_ready: { status: 503, message: 'The service is still loading its index; try again shortly.' },
  feedback_unavailable: { status: 503, message: 'Feedback cannot be stored right now; please try again later.' },
  shutting_down: { status: 503, message: 'The service is restarting; please try again in a moment.' },
  llm_busy: { status: 503, message: 'Too many questions are being answered right now; please try again shortly (see Retry-After).' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** An error with an HTTP status and a machine-readable code, sent as { error: { code, message } }. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    /** Sent as the Retry-After header (seconds) with 429 and 503 answers. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = ERRORS[code].status;
  }
}

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message) {
  return { error: { code, message } };
}
