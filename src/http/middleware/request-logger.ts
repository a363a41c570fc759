import type { RequestHandler } from 'express';
import type { Logger } from '../../domain/ports';
import { callerOf } from '../caller';

/** Told when each request starts and ends (the metrics adapter implements it). */
export interface RequestObserver {
  requestStarted(): void;
  requestFinished(route: string, method: string, status: number, seconds: number): void;
}

/** Requests that matched no route share one label, so a scan cannot blow up cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * One log line per request, written when the answer is sent or the client goes away: request id,
 * method, route pattern, status, duration and the API client's name when a key was checked. Never the URL (query strings carry emails), headers, bodies
 * or addresses: what a line could leak is decided here, not by redaction alone.
 */
export function requestLogger(logger: Logger, observer?: RequestObserver): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    observer?.requestStarted();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = typeof req.route?.path === 'string' ? req.route.path : UNMATCHED_ROUTE;
      const status = res.statusCode;
      observer?.requestFinished(route, req.method, status, seconds);
      const client = callerOf(res)?.name;
      const line = {
        requestId: res.getHeader('x-request-id'),
        method: req.method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(client === undefined ? {} : { client }),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // Always info: a 5xx has its own error line (with the cause) from the error handler.
      logger.info(line, 'request');
    });
    next();
  };
}
