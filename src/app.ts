import express, { type Express } from 'express';
import type { AuthSettings } from './auth/auth-settings';
import type { Logger, RuleSetProvider } from './domain/ports';
import type { ScoringDeps } from './domain/score-prospect';
import type { RuleOperations } from './engine/rule-ops/rule-operations';
import { authenticate } from './http/middleware/authenticate';
import { corsPreflight } from './http/middleware/cors-preflight';
import type { JsonBodyOptions } from './http/middleware/json-body';
import { rateLimit } from './http/middleware/rate-limit';
import { requestId } from './http/middleware/request-id';
import { securityHeaders } from './http/middleware/security-headers';
import { requestLogger, type RequestObserver } from './http/middleware/request-logger';
import { metricsRoutes, type MetricsSource } from './http/routes/metrics-routes';
import { ServiceLifecycle, closeConnectionsWhenStopping } from './http/service-lifecycle';
import { problemHandler, sendProblem } from './http/problem';
import { metaRoutes } from './http/routes/meta-routes';
import { rulesRoutes } from './http/routes/rules-routes';
import { batchRoutes, type BatchRouteDeps } from './http/routes/batch-routes';
import { scoreRoutes } from './http/routes/score-routes';

export interface AppDeps {
  scoring: ScoringDeps & { rules: RuleSetProvider };
  ruleOps: RuleOperations;
  batch: Omit<BatchRouteDeps, 'scoring' | 'logger'>;
  logger: Logger;
  /** Where the one line per request goes (see requestLineLogger); `logger` when left out. */
  requestLog?: Logger;
  /** The text of openapi.yaml, served as the contract. */
  openapiDocument: string;
  body?: Partial<JsonBodyOptions>;
  /** API keys and rate limits, or `open` (development only: no keys configured). */
  auth: AuthSettings;
  /** Reverse proxies in front of the service whose X-Forwarded-For is believed (hops). */
  trustedProxies: number;
  /** Serves GET /metrics and times every request; without it there is no /metrics. */
  metrics?: MetricsSource & RequestObserver;
  /** Readiness and shutdown state, driven by the process entry. */
  lifecycle?: ServiceLifecycle;
}

export const DEFAULT_BODY_LIMITS: JsonBodyOptions = { limit: 100 * 1024, maxDepth: 16 };

/** Builds the HTTP app from injected parts; it reads no environment and never listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustedProxies);
  const body = { ...DEFAULT_BODY_LIMITS, ...deps.body };

  const lifecycle = deps.lifecycle ?? new ServiceLifecycle();

  app.use(requestId());
  app.use(requestLogger(deps.requestLog ?? deps.logger, deps.metrics));
  app.use(closeConnectionsWhenStopping(lifecycle));
  // Before any body is parsed: a stranger's body is never read.
  app.use(securityHeaders());
  app.use(corsPreflight(deps.auth));
  app.use(authenticate(deps.auth));
  app.use(rateLimit(deps.auth, deps.scoring.clock));
  // The scoring routes first: they carry nearly all traffic, and no path is shared between
  // routers, so the order only decides how many routers a request walks past.
  app.use(scoreRoutes(deps.scoring, body));
  app.use(
    metaRoutes({ openapiDocument: deps.openapiDocument, rules: deps.scoring.rules, lifecycle }),
  );
  if (deps.metrics !== undefined) app.use(metricsRoutes(deps.metrics));
  app.use(batchRoutes({ ...deps.batch, scoring: deps.scoring, logger: deps.logger, lifecycle }));
  app.use(rulesRoutes(deps.scoring.rules, deps.ruleOps));
  app.use((req, res) => {
    sendProblem(res, 'not_found', `No route for ${req.method} ${req.path.slice(0, 200)}.`);
  });
  app.use(problemHandler(deps.logger));
  return app;
}
