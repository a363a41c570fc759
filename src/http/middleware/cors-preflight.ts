import type { RequestHandler } from 'express';
import type { AuthSettings } from '../../auth/auth-settings';
import { isBrowserRoute } from './route-scopes';

const ALLOWED_HEADERS = 'Authorization, X-API-Key, Content-Type, X-Request-Id';

/**
 * Answers browsers' preflight (OPTIONS) for POST /v1/score. A preflight carries no key, so it is
 * answered for any origin some publishable key allows; the actual request is then held to its
 * own key's origins. Other origins get the same 204 without CORS headers, which the browser
 * treats as a refusal. Secret-key routes are never opened to browsers.
 */
export function corsPreflight(auth: AuthSettings): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS' || !isBrowserRoute(req.path)) {
      next();
      return;
    }
    res.vary('Origin');
    const origin = req.get('origin');
    if (
      auth.mode === 'keys' &&
      origin !== undefined &&
      auth.registry.publishableOrigins.has(origin)
    ) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
