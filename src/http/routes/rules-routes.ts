import { Router } from 'express';
import type { RuleSetProvider } from '../../domain/ports';

export function rulesRoutes(rules: RuleSetProvider): Router {
  const router = Router();
  router.get('/v1/rules', (_req, res) => {
    const active = rules.current();
    res.json({
      version: active.version,
      loadedAt: active.loadedAt.toISOString(),
      policy: active.policy,
      rules: active.rules.map(({ name, priority, file, description, event }) => ({
        name,
        priority,
        file,
        ...(description === undefined ? {} : { description }),
        event,
      })),
      sources: active.sources.map(({ name, kind, costPerCall }) => ({ name, kind, costPerCall })),
    });
  });
  return router;
}
