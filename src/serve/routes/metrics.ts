import { Router } from 'express';
import type { ServiceMetrics } from '../metrics.js';

/** GET /metrics in the Prometheus text format. Restrict it to the scraper at the reverse proxy. */
export function metricsRouter(metrics: ServiceMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
