import type { Request, RequestHandler, Response } from 'express';
import type { AuthSettings } from '../../auth/auth-settings';
import type { Scope } from '../../auth/scopes';
import { AppError } from '../../errors/app-error';
import { setCaller } from '../caller';
import { allowOrigin } from './cors-headers';
import { scopesFor } from './route-scopes';

/**
 * Lets a request through only with a key whose scopes cover its route, before any body is read:
 * a stranger's body is never parsed. 401 for a missing, malformed, unknown or wrong key (one
 * message for all, so none tells a prober more than another), 403 for a good key used outside
 * its scopes, or a publishable key sent from an origin it is not bound to.
 */
export function authenticate(auth: AuthSettings): RequestHandler {
  return (req, res, next) => {
    if (auth.mode === 'open') {
      next();
      return;
    }
    const scopes = scopesFor(req.method, req.path, auth.metricsAccess);
    if (scopes === 'open') {
      next();
      return;
    }
    checkKey(auth, scopes, req, res);
    next();
  };
}

function checkKey(
  auth: Extract<AuthSettings, { mode: 'keys' }>,
  scopes: readonly Scope[],
  req: Request,
  res: Response,
): void {
  const presented = presentedKey(req);
  const client = presented === undefined ? undefined : auth.registry.authenticate(presented);
  if (client === undefined) {
    res.setHeader('WWW-Authenticate', 'Bearer');
    throw new AppError('unauthorized', 'Send a valid API key as Authorization: Bearer <key>.');
  }
  if (!scopes.some((scope) => client.scopes.has(scope))) {
    throw new AppError('forbidden', 'This key may not use this operation.');
  }
  if (client.kind === 'publishable') {
    const origin = req.get('origin');
    if (origin === undefined || !client.origins.has(origin)) {
      res.vary('Origin');
      throw new AppError('forbidden', 'This key may not be used from this origin.');
    }
    allowOrigin(res, origin);
  }
  setCaller(res, client);
}

/** `Authorization: Bearer <key>`, else `X-API-Key: <key>`. */
function presentedKey(req: Request): string | undefined {
  const authorization = req.get('authorization');
  if (authorization !== undefined) {
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    return bearer?.[1] ?? '';
  }
  const header = req.get('x-api-key');
  return header === undefined ? undefined : header.trim();
}
