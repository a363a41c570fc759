import type { Response } from 'express';

/** Headers a browser script may read from an answer (besides the CORS-safelisted ones). */
const EXPOSED = [
  'X-Request-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/** Lets a browser page on `origin` read this answer. Credentials (cookies) are never allowed. */
export function allowOrigin(res: Response, origin: string): void {
  res.vary('Origin');
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED.join(', '));
}
