import { Router } from 'express';
import { ApiError } from '../../contract/errors.js';
import { feedbackRequestSchema } from '../../contract/feedback.js';
import { parseBody } from '../../contract/validate.js';
import type { ServiceState } from '../state.js';

/** POST /api/feedback: 👍/👎 (and an optional reason) on an answer, by the answerId the chat endpoints returned. */
export function feedbackRouter(state: ServiceState): Router {
  const router = Router();
  router.post('/api/feedback', (req, res) => {
    const body = parseBody(feedbackRequestSchema, req.body, state.limits);
    const { records, metrics } = state.delivery;
    if (!records) throw new ApiError('feedback_unavailable');
    let stored: { replaced: boolean } | null;
    try {
      stored = records.feedback({ answerId: body.answerId, rating: body.rating, reason: body.reason || undefined });
    } catch (err) {
      metrics?.recordFailed('feedback');
      req.log?.error({ err }, 'could not store feedback');
      throw new ApiError('feedback_unavailable');
    }
    if (!stored) throw new ApiError('answer_not_found');
    metrics?.feedbackReceived(body.rating);
    res.locals.trace = { answerId: body.answerId, rating: body.rating, replaced: stored.replaced };
    res.status(stored.replaced ? 200 : 201).json({ answerId: body.answerId, rating: body.rating, replaced: stored.replaced });
  });
  return router;
}
