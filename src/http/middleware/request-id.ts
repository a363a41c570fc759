import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's X-Request-Id when it is safe to echo and log, otherwise makes one. */
export function requestId(newId: () => string = randomUUID): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    res.setHeader('x-request-id', given !== undefined && SAFE_ID.test(given) ? given : newId());
    next();
  };
}
