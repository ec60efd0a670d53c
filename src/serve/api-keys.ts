import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApiKey } from '../config/env.js';
import { ApiError } from '../contract/errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Optional API keys for server-to-server clients: `Authorization: Bearer <key>` names the client
 * (`res.locals.apiClient`), whose own rate limit then applies. Without a header the request is an
 * anonymous one (the widget), limited per IP as before. With no keys configured the header is ignored
 * (OpenAI SDKs always send one). A key is compared in constant time and never logged.
 */
export function apiKeyClient(keys: ApiKey[]): RequestHandler {
  const known = keys.map((k) => ({ client: k, hash: digest(k.key) }));
  return (req, res, next) => {
    if (known.length === 0) return next();
    const header = req.get('authorization');
    if (!header) return next();
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const hash = m ? digest(m[1]!) : null;
    const match = hash ? known.find((k) => timingSafeEqual(k.hash, hash)) : undefined;
    if (!match) return next(new ApiError('invalid_api_key', 'The API key is not valid. Omit the Authorization header to call without one.'));
    res.locals.apiClient = match.client;
    next();
  };
}
