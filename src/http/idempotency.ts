import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';

/** A response kept so a retry with the same Idempotency-Key gets it again, unchanged. */
export interface StoredResponse {
  status: number;
  contentType: string;
  /** The body as sent; a Buffer is the body gzip-compressed, to keep large answers small. */
  body: string | Buffer;
}

export interface IdempotencyEntry {
  /** Hash of the request the key was first used with. */
  fingerprint: string;
  /** Absent while the first request is still being answered. */
  response?: StoredResponse;
}

/**
 * Remembers batch requests by Idempotency-Key for a while. In memory by default; the interface
 * lets a shared store serve several instances.
 */
export interface IdempotencyStore {
  get(key: string): IdempotencyEntry | undefined;
  /** Marks the key as in progress; false if it is already known. */
  begin(key: string, fingerprint: string): boolean;
  complete(key: string, fingerprint: string, response: StoredResponse): void;
  /** Forgets a key whose request failed, so a retry runs again. */
  abandon(key: string): void;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, scoped to the route, or undefined when none was sent. */
export function idempotencyKeyOf(req: Request, scope: string): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new AppError(
      'validation_failed',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      [{ path: '/headers/idempotency-key', message: 'invalid Idempotency-Key' }],
    );
  }
  return `${scope} ${key}`;
}

export const fingerprintOf = (contentType: string, body: string | Buffer): string =>
  createHash('sha256').update(contentType).update('\n').update(body).digest('hex');

/** What to do with a request whose key is already known: replay it, or refuse. */
export function settleKnownKey(entry: IdempotencyEntry, fingerprint: string): StoredResponse {
  if (entry.response === undefined) {
    throw new AppError(
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still being answered; retry shortly.',
    );
  }
  if (entry.fingerprint !== fingerprint) {
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body.',
    );
  }
  return entry.response;
}
