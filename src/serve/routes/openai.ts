import { Router } from 'express';
import type { Turn } from '../../contract/chat.js';
import { type OpenAiRequest, chatRequestSchema, openAiRequestSchema } from '../../contract/chat.js';
import { ApiError } from '../../contract/errors.js';
import { parseBody } from '../../contract/validate.js';
import { deliver } from '../deliver.js';
import { unrenderHistory } from '../render/history.js';
import { chunkAnswer, streamSSE } from '../sse.js';
import type { ServiceState } from '../state.js';
import { requireReady, requestSignal } from './common.js';

export const OPENAI_MODEL_ID = 'factsheet-qa';

function text(content: OpenAiRequest['messages'][number]['content']): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((p) => (p.type === 'text' ? (p.text ?? '') : '')).join('');
}

/** System and developer messages a client may send besides the conversation (they are ignored). */
const MAX_OTHER_MESSAGES = 4;

/**
 * The last user message is the question; earlier user/assistant turns are history, held to the same
 * limits as /api/chat (the same schema validates both). System prompts are ignored.
 */
function toChat(body: OpenAiRequest, state: ServiceState): { message: string; history: Turn[] } {
  if (body.messages.length > state.limits.maxHistoryTurns + 1 + MAX_OTHER_MESSAGES) {
    throw new ApiError('history_too_long', `messages may hold at most ${state.limits.maxHistoryTurns} earlier turns plus the question.`);
  }
  const turns = body.messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role as Turn['role'], content: text(m.content) }));
  const last = turns.pop();
  if (!last || last.role !== 'user') throw new ApiError('invalid_request', 'The last message must come from the user.');
  return parseBody(chatRequestSchema(state.limits), { message: last.content, history: turns }, state.limits);
}

/** OpenAI chat-completions compatible endpoint; citations ride along in an extra `citations` field. */
export function openAiRouter(state: ServiceState): Router {
  const router = Router();

  router.get('/v1/models', (_req, res) => {
    res.json({ object: 'list', data: [{ id: OPENAI_MODEL_ID, object: 'model', created: 0, owned_by: 'factsheet-qa' }] });
  });

  router.post('/v1/chat/completions', async (req, res) => {
    const body = parseBody(openAiRequestSchema, req.body, state.limits);
    const { message, history } = toChat(body, state);
    const { answers } = requireReady(state);
    const answered = await answers.answer(message, unrenderHistory(history), requestSignal(req, res, state.stopping));
    const delivered = deliver(state.delivery, req, { endpoint: 'openai', message, ...answered, reply: body });
    res.locals.trace = delivered.trace;
    const result = delivered.response;
    const id = `chatcmpl-${result.answerId}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model ?? OPENAI_MODEL_ID;
    const extra = { citations: result.citations, answerable: result.answerable, language: result.language, mode: result.mode, answerId: result.answerId };
    if (!body.stream) {
      res.json({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: result.answer }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        ...extra,
      });
      return;
    }
    await streamSSE(req, res, async (stream) => {
      const chunk = (delta: object, finish: string | null, more: object = {}) =>
        stream.send(null, { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...more });
      chunk({ role: 'assistant', content: '' }, null);
      for (const piece of chunkAnswer(result.answer)) chunk({ content: piece }, null);
      chunk({}, 'stop', extra);
      stream.send(null, '[DONE]');
    });
  });
  return router;
}
