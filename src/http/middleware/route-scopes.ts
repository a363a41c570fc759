import type { Scope } from '../../auth/scopes';

/** Open to anyone: liveness, readiness and the contract. */
const OPEN_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/openapi.yaml']);

const ROUTE_SCOPES: Readonly<Record<string, readonly Scope[]>> = {
  'POST /v1/score': ['score', 'enrich'],
  'POST /v1/score/batch': ['enrich'],
  'POST /v1/identify': ['enrich'],
};

const ADMIN: readonly Scope[] = ['admin'];

/**
 * The scopes, any one of which lets a request through, or `open`. Express matches routes
 * ignoring case and a trailing slash, so the path is compared the same way. Everything not
 * listed (the rules endpoints, /metrics unless opened, unknown paths) needs `admin`: a route
 * added without an entry here is closed rather than open, and a stranger probing paths learns
 * nothing, getting 401 wherever they knock.
 */
export function scopesFor(
  method: string,
  path: string,
  metricsAccess: 'open' | 'admin',
): readonly Scope[] | 'open' {
  const normalised = path.toLowerCase().replace(/\/+$/, '');
  if (OPEN_PATHS.has(normalised)) return 'open';
  if (normalised === '/metrics' && metricsAccess === 'open') return 'open';
  return ROUTE_SCOPES[`${method.toUpperCase()} ${normalised}`] ?? ADMIN;
}

/** Whether a path is the one route browsers may call (with a publishable key). */
export function isBrowserRoute(path: string): boolean {
  return path.toLowerCase().replace(/\/+$/, '') === '/v1/score';
}
