import { Router } from 'express';
import type { Request, Response } from 'express';
import { ApiError } from '../errors.js';
import { chatRequestSchema, parseBody } from '../schemas.js';
import { chunkAnswer, sendEvent, startSse } from '../sse.js';
import type { ServiceState } from '../state.js';
import { requireReady, requestSignal } from './common.js';

function wantsStream(req: Request, bodyStream: boolean | undefined): boolean {
  return bodyStream ?? (req.get('accept') ?? '').includes('text/event-stream');
}

export function chatRouter(state: ServiceState): Router {
  const router = Router();
  const schema = chatRequestSchema(state.limits);

  router.post('/api/chat', async (req: Request, res: Response) => {
    const body = parseBody(schema, req.body, state.limits);
    const { answers } = requireReady(state);
    const stream = wantsStream(req, body.stream);
    const signal = requestSignal(req, res);
    if (!stream) {
      const { result, trace } = await answers.answer(body.message, body.history, signal);
      res.locals.trace = { ...trace, mode: result.mode, answerable: result.answerable, language: result.language };
      res.json(result);
      return;
    }
    startSse(res);
    try {
      const { result, trace } = await answers.answer(body.message, body.history, signal);
      res.locals.trace = { ...trace, mode: result.mode, answerable: result.answerable, language: result.language };
      sendEvent(res, 'citations', result.citations);
      for (const text of chunkAnswer(result.answer)) sendEvent(res, 'delta', { text });
      sendEvent(res, 'done', result);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
      if (!(err instanceof ApiError)) req.log.error({ err }, 'stream failed');
      sendEvent(res, 'error', { error: { code: e.code, message: e.message } });
    }
    res.end();
  });
  return router;
}
