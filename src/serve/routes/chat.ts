import { Router } from 'express';
import type { Request } from 'express';
import { chatRequestSchema } from '../../contract/chat.js';
import { parseBody } from '../../contract/validate.js';
import { deliver } from '../deliver.js';
import { unrenderHistory } from '../render/history.js';
import { chunkAnswer, streamSSE } from '../sse.js';
import type { ServiceState } from '../state.js';
import { requireReady, requestSignal } from './common.js';

function wantsStream(req: Request, bodyStream: boolean | undefined): boolean {
  return bodyStream ?? (req.get('accept') ?? '').includes('text/event-stream');
}

export function chatRouter(state: ServiceState): Router {
  const router = Router();
  const schema = chatRequestSchema(state.limits);

  router.post('/api/chat', async (req, res) => {
    const body = parseBody(schema, req.body, state.limits);
    const { answers } = requireReady(state);
    const signal = requestSignal(req, res, state.stopping);
    const ask = async () => {
      const { result, trace } = await answers.answer(body.message, unrenderHistory(body.history), signal);
      const delivered = deliver(state.delivery, req, { endpoint: 'chat', message: body.message, result, trace, reply: body });
      res.locals.trace = delivered.trace;
      return delivered.response;
    };
    if (!wantsStream(req, body.stream)) {
      res.json(await ask());
      return;
    }
    await streamSSE(req, res, async (stream) => {
      const result = await ask();
      stream.send('citations', result.citations);
      for (const text of chunkAnswer(result.answer)) stream.send('delta', { text });
      stream.send('done', result);
    });
  });
  return router;
}
