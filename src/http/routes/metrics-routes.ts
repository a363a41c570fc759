import { Router, type RequestHandler } from 'express';

/** Whatever renders the metrics in the Prometheus text format (the metrics adapter). */
export interface MetricsSource {
  contentType(): string;
  scrape(): Promise<string>;
}

/** GET /metrics, behind `guard` when given (e.g. an API key scope check); open otherwise. */
export function metricsRoutes(metrics: MetricsSource, guard?: RequestHandler): Router {
  const router = Router();
  const guards = guard === undefined ? [] : [guard];
  router.get('/metrics', ...guards, async (_req, res) => {
    const text = await metrics.scrape();
    res.setHeader('content-type', metrics.contentType());
    res.send(text);
  });
  return router;
}
