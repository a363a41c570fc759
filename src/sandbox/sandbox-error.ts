import type { ErrorRequestHandler, Response } from 'express';

/**
 * Error answers in the plain `{"error": ...}` shape typical of third-party APIs, not the
 * service's problem+json: the sandbox stands in for someone else's server.
 */
export function sendSandboxError(
  res: Response,
  status: number,
  error: string,
  detail?: string,
): void {
  res.status(status).json(detail === undefined ? { error } : { error, detail });
}

/** Turns body-parser and URL-decoding errors into 4xx answers; anything else is a sandbox bug. */
export const sandboxErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    sendSandboxError(res, status, status === 404 ? 'not_found' : 'bad_request');
    return;
  }
  // A local test fake has nothing to hide; the message saves a debugging session.
  sendSandboxError(res, 500, 'internal_error', error instanceof Error ? error.message : undefined);
};

function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status } = error;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
