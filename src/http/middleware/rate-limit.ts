import type { RequestHandler, Response } from 'express';
import type { AuthSettings } from '../../auth/auth-settings';
import type { RateLimitCount } from '../../auth/rate-limit-store';
import type { Clock } from '../../domain/ports';
import { AppError } from '../../errors/app-error';
import { callerOf } from '../caller';

const WINDOW_MS = 60_000;

/**
 * Counts each authenticated request (a batch counts as one) against its client, and a
 * publishable client's requests also against the client IP (as Express reads it behind
 * TRUSTED_PROXIES). Runs after authentication, so floods without a key are turned away at 401
 * without touching the store. Over the limit: 429 with Retry-After.
 */
export function rateLimit(auth: AuthSettings, clock: Clock): RequestHandler {
  return async (req, res, next) => {
    const client = callerOf(res);
    if (auth.mode === 'open' || client === undefined) {
      next();
      return;
    }
    const now = clock.now().getTime();
    const checks: Array<{ key: string; limit: number }> = [
      { key: `client:${client.name}`, limit: client.rateLimit.perMinute ?? auth.limits.perMinute },
    ];
    if (client.kind === 'publishable') {
      checks.push({
        key: `client-ip:${client.name}:${req.ip ?? 'unknown'}`,
        limit: client.rateLimit.perIpPerMinute ?? auth.limits.publishablePerIpPerMinute,
      });
    }
    let tightest: { limit: number; count: RateLimitCount } | undefined;
    for (const { key, limit } of checks) {
      const count = await auth.store.hit(key, WINDOW_MS, now);
      if (tightest === undefined || limit - count.count < tightest.limit - tightest.count.count) {
        tightest = { limit, count };
      }
      if (count.count > limit) break;
    }
    if (tightest === undefined) {
      next();
      return;
    }
    const resetSeconds = Math.max(1, Math.ceil((tightest.count.resetAtMs - now) / 1000));
    setLimitHeaders(res, tightest.limit, tightest.limit - tightest.count.count, resetSeconds);
    if (tightest.count.count > tightest.limit) {
      res.setHeader('Retry-After', String(resetSeconds));
      throw new AppError(
        'rate_limited',
        `At most ${tightest.limit} requests a minute; retry after ${resetSeconds} s.`,
      );
    }
    next();
  };
}

function setLimitHeaders(res: Response, limit: number, remaining: number, reset: number): void {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, remaining)));
  res.setHeader('RateLimit-Reset', String(reset));
}
