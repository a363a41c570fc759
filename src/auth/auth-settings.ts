import type { ApiKeyRegistry } from './api-key-registry';
import type { RateLimitStore } from './rate-limit-store';

/** Requests a client may make per minute, unless its entry in the keys file says otherwise. */
export interface RateLimits {
  /** Per client, whatever the key kind. */
  perMinute: number;
  /** Per publishable client and client IP, so one browser cannot spend a form's whole quota. */
  publishablePerIpPerMinute: number;
}

/**
 * Who may call what. `open` lets every request through and exists for development only (a
 * fresh clone with no keys); production refuses to start without keys (see config.ts).
 */
export type AuthSettings =
  | { mode: 'open' }
  | {
      mode: 'keys';
      registry: ApiKeyRegistry;
      limits: RateLimits;
      store: RateLimitStore;
      /** `admin`: /metrics needs an admin key; `open`: scrapers need none. */
      metricsAccess: 'open' | 'admin';
    };
