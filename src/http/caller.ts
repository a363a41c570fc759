import type { Response } from 'express';
import type { ApiClient } from '../auth/api-key-registry';

/** The authenticated client of this request, kept on the response for later middleware. */
export function setCaller(res: Response, client: ApiClient): void {
  res.locals.caller = client;
}

/** The authenticated client, or undefined on open routes and in open (development) mode. */
export function callerOf(res: Response): ApiClient | undefined {
  return res.locals.caller as ApiClient | undefined;
}
