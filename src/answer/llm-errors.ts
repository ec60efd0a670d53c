// Kept apart from the LLM client so extractive mode never loads @langchain/openai to log an error.

/** Our own errors, whose messages say nothing but what went wrong (sizes, breaker state). */
const OWN_ERRORS = new Set(['ReplyTooLargeError', 'CircuitOpenError', 'LlmBusyError']);

/**
 * What may be logged about an LLM failure: the error class and HTTP status, never the upstream
 * message (a 401 body can echo the Authorization header; a 500 body can quote the prompt).
 */
export function errorLine(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  if (OWN_ERRORS.has(err.name)) return `${err.name}: ${err.message}`;
  const status = (err as { status?: unknown }).status;
  const cls = err.name && err.name !== 'Error' ? err.name : err.constructor.name;
  return typeof status === 'number' ? `${cls} (HTTP ${status})` : cls;
}
