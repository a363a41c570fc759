import type { IncomingHttpHeaders } from 'node:http';
import express, { type RequestHandler } from 'express';
import { FORBIDDEN_KEYS } from '../../domain/prospect';
import { AppError, toJsonPointer, type FieldError } from '../../errors/app-error';

export interface JsonBodyOptions {
  /** Largest accepted body, in bytes. */
  limit: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
  /** Screen the whole body for reserved keys (off where each record is screened on its own). */
  screen?: boolean;
}

const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () =>
    new AppError('malformed_json', 'The body could not be parsed as JSON.'),
  'entity.too.large': () => new AppError('payload_too_large', 'The body is larger than allowed.'),
  'encoding.unsupported': () =>
    new AppError('unsupported_media_type', 'Unsupported content encoding.'),
  'charset.unsupported': () =>
    new AppError('unsupported_media_type', 'Only UTF-8 JSON bodies are accepted.'),
  'request.aborted': () => new AppError('malformed_json', 'The request body was cut short.'),
};

/**
 * Accepts only `application/json` bodies, within a size and depth limit, and refuses any body
 * that names `__proto__`, `constructor` or `prototype` anywhere, whatever the route does next.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const parse = express.json({ limit: options.limit, strict: true, type: () => true });
  // One handler rather than three route layers: this runs on every scoring request.
  return (req, res, next) => {
    if (hasBody(req.headers) && !req.is('application/json')) {
      next(new AppError('unsupported_media_type', 'Send the body as application/json.'));
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) {
        next(parseFailure(error));
        return;
      }
      if (options.screen === false) {
        next();
        return;
      }
      const { forbidden, tooDeep } = screenJson(req.body, options.maxDepth);
      if (forbidden.length > 0) {
        next(new AppError('forbidden_key', 'The body uses reserved keys.', forbidden));
      } else if (tooDeep.length > 0) {
        next(new AppError('validation_failed', 'The body nests too deeply.', tooDeep));
      } else {
        next();
      }
    });
  };
}

/** body-parser's error as ours; an error of unknown kind goes on as it is (a 500). */
function parseFailure(error: unknown): unknown {
  const type = (error as { type?: unknown }).type;
  const mapped = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  if (mapped) return mapped();
  // A body that does not inflate as its Content-Encoding says comes back untyped, as a 400.
  if ((error as { status?: unknown }).status === 400) {
    return new AppError(
      'malformed_json',
      'The body could not be decoded as its Content-Encoding says.',
    );
  }
  return error;
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/** Finds reserved keys and over-deep nesting anywhere in a parsed JSON value. */
export function screenJson(
  root: unknown,
  maxDepth: number,
): { forbidden: FieldError[]; tooDeep: FieldError[] } {
  const forbidden: FieldError[] = [];
  const tooDeep: FieldError[] = [];
  // One path array, pushed and popped: most bodies are clean, so a pointer is only built for a
  // problem found.
  const path: PropertyKey[] = [];
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (path.length >= maxDepth) {
      tooDeep.push({ path: toJsonPointer(path), message: `nested deeper than ${maxDepth} levels` });
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        forbidden.push({
          path: toJsonPointer([...path, key]),
          message: `the key "${key}" is not allowed`,
        });
        continue;
      }
      path.push(key);
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(root);
  return { forbidden, tooDeep };
}
