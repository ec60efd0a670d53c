import path from 'node:path';
import cors from 'cors';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { PROJECT_ROOT } from '../config/paths.js';
import { MAX_BODY_BYTES } from '../contract/chat.js';
import { errorBody } from '../contract/errors.js';
import { errorHandler, notFound } from './errors.js';
import { chatRouter } from './routes/chat.js';
import { feedbackRouter } from './routes/feedback.js';
import { infoRouter } from './routes/info.js';
import { metricsRouter } from './routes/metrics.js';
import { openAiRouter } from './routes/openai.js';
import { passagePageRouter } from './routes/passage-page.js';
import type { ServiceState } from './state.js';

export interface AppOptions {
  state: ServiceState;
  logger: Logger;
  /** Origins allowed to call the API from a browser; '*' allows any. Same-origin needs no entry. */
  allowedOrigins: string[];
  /** Requests per minute per client IP on the answering endpoints; 0 disables. */
  rateLimitPerMinute: number;
  trustProxy: boolean | number | string;
  publicDir?: string;
}

/** Static assets: the widget URL is unversioned, so caches must revalidate it soon. */
function cacheHeaders(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
}

export function createApp(opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy);
  const { metrics } = opts.state.delivery;
  if (metrics) app.use(metrics.middleware);

  app.use(
    pinoHttp({
      logger: opts.logger,
      // One line per request; never the message text (it may hold personal data).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (_req, res) => {
        const trace = (res as express.Response).locals?.trace;
        return trace ? { chat: trace } : {};
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
      // widget.js is meant to be loaded by other sites.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );

  const allowAny = opts.allowedOrigins.includes('*');
  const corsMiddleware = cors({
    origin: (origin, cb) => cb(null, !origin || allowAny || opts.allowedOrigins.includes(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Accept'],
    maxAge: 600,
  });
  app.use(['/api', '/v1', '/openapi.json'], corsMiddleware);

  if (opts.rateLimitPerMinute > 0) {
    const limiter = rateLimit({
      windowMs: 60_000,
      limit: opts.rateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json(errorBody('rate_limited'));
      },
    });
    app.use(['/api/chat', '/v1/chat/completions', '/api/feedback'], limiter);
  }

  // Only JSON bodies are accepted on POST routes; a wrong content type is a clear 415.
  app.use((req, res, next) => {
    if (req.method === 'POST' && !req.is('application/json')) {
      res.status(415).json(errorBody('unsupported_media_type'));
      return;
    }
    next();
  });
  app.use(express.json({ limit: MAX_BODY_BYTES }));

  app.use(infoRouter(opts.state));
  app.use(chatRouter(opts.state));
  app.use(openAiRouter(opts.state));
  app.use(feedbackRouter(opts.state));
  app.use(passagePageRouter(opts.state));
  if (metrics) app.use(metricsRouter(metrics));
  app.use(express.static(opts.publicDir ?? path.join(PROJECT_ROOT, 'public'), { setHeaders: cacheHeaders, index: 'index.html' }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
