import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../domain/ports';
import { AppError, type FieldError } from '../errors/app-error';
import { ERROR_CODES, problemType, type ErrorCode } from '../errors/error-codes';
import { loggableError } from '../errors/loggable-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(
  res: Response,
  code: ErrorCode,
  detail: string,
  errors?: readonly FieldError[],
): void {
  const { status, title } = ERROR_CODES[code];
  const body: Record<string, unknown> = { type: problemType(code), title, status, detail, code };
  if (errors !== undefined) body.errors = errors;
  const requestId = res.getHeader('x-request-id');
  if (typeof requestId === 'string') body.requestId = requestId;
  res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * The one place errors become HTTP answers. Known errors keep their code; anything else is a
 * bug, answered with a generic 500 and the request id, its detail going to the log only.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AppError) {
      sendProblem(res, error.code, error.detail, error.errors);
      return;
    }
    logger.error(
      {
        error: loggableError(error),
        requestId: res.getHeader('x-request-id'),
        method: req.method,
        route: typeof req.route?.path === 'string' ? req.route.path : undefined,
      },
      'unhandled error',
    );
    sendProblem(res, 'internal_error', 'Something went wrong on our side; quote the request id.');
  };
}
