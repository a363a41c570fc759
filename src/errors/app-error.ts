import type { ErrorCode } from './error-codes';

/** One field's problem, located by JSON Pointer (RFC 6901), e.g. `/company/employees`. */
export interface FieldError {
  path: string;
  message: string;
}

/** An operational error with a stable code; the one error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

/** Turns a path of keys and indexes into a JSON Pointer. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
