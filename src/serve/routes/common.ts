import type { Request, Response } from 'express';
import { ApiError } from '../../contract/errors.js';
import type { ServiceState } from '../state.js';

export function requireReady(state: ServiceState): NonNullable<ServiceState['ready']> {
  if (!state.ready) {
    throw new ApiError('not_ready', state.loadError ? 'The service failed to load its index.' : undefined);
  }
  return state.ready;
}

/**
 * Aborted when the client goes away (an LLM call for a closed connection stops early) or when the
 * server is shutting down (`stopping`: the answer falls back to the extractive one in time).
 */
export function requestSignal(_req: Request, res: Response, stopping?: AbortSignal): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return stopping ? AbortSignal.any([controller.signal, stopping]) : controller.signal;
}
