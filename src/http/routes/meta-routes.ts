import { Router } from 'express';

/** Liveness and the API contract: open to all, cheap, no dependencies. */
export function metaRoutes(openapiDocument: string): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openapiDocument);
  });
  return router;
}
