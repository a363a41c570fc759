import { Router } from 'express';

/** Whatever renders the metrics in the Prometheus text format (the metrics adapter). */
export interface MetricsSource {
  contentType(): string;
  scrape(): Promise<string>;
}

/** GET /metrics; who may read it (METRICS_ACCESS) is decided by the app's authentication. */
export function metricsRoutes(metrics: MetricsSource): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const text = await metrics.scrape();
    res.setHeader('content-type', metrics.contentType());
    res.send(text);
  });
  return router;
}
