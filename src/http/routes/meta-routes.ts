import { Router } from 'express';
import type { RuleSetProvider } from '../../domain/ports';
import type { LookupSource } from '../../domain/lookups/lookup-source';
import { sendProblem } from '../problem';
import type { ServiceLifecycle } from '../service-lifecycle';

export interface MetaRouteDeps {
  openapiDocument: string;
  rules: RuleSetProvider;
  lifecycle: ServiceLifecycle;
}

/** Liveness, readiness and the API contract: open to all, cheap. */
export function metaRoutes(deps: MetaRouteDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready once a rule set is active (the app is only built after one is) and until shutdown
  // starts. A degraded source does not make the service unready: decisions still come out,
  // marked degraded, and pulling every instance out of rotation would not bring the source back.
  router.get('/readyz', (_req, res) => {
    if (deps.lifecycle.shuttingDown) {
      sendProblem(res, 'shutting_down', 'The service is shutting down; try another instance.');
      return;
    }
    const ruleSet = deps.rules.current();
    res.json({
      status: 'ready',
      ruleset: { version: ruleSet.version, loadedAt: ruleSet.loadedAt.toISOString() },
      sources: ruleSet.sources.map((source) => ({ name: source.name, state: stateOf(source) })),
    });
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(deps.openapiDocument);
  });
  return router;
}

function stateOf(source: LookupSource): 'ok' | 'degraded' | 'open' {
  const health = source.health?.();
  if (health === undefined) return 'ok';
  if (health.breaker === 'open') return 'open';
  return health.breaker === 'half-open' || health.consecutiveFailures > 0 ? 'degraded' : 'ok';
}
