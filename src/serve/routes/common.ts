import type { Request, Response } from 'express';
import { ApiError } from '../errors.js';
import type { ServiceState } from '../state.js';

export function requireReady(state: ServiceState): NonNullable<ServiceState['ready']> {
  if (!state.ready) {
    throw new ApiError(503, 'not_ready', state.loadError ? 'The service failed to load its index.' : 'The service is still loading its index; try again shortly.');
  }
  return state.ready;
}

/** Aborted when the client goes away, so an LLM call for a closed connection stops early. */
export function requestSignal(req: Request, res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
