import { createHash, createHmac } from 'node:crypto';
import type { HashAlgorithm } from './normalize-identifier';

/** The hex digest alone, which is what the index stores and compares. */
export function identifierDigest(
  algorithm: HashAlgorithm,
  normalized: string,
  key?: string,
): string {
  if (algorithm === 'sha256') return createHash('sha256').update(normalized, 'utf8').digest('hex');
  if (key === undefined || key === '') {
    // An HMAC with an empty key is a fixed, public function: as reversible as bare SHA-256.
    throw new Error('hmac-sha256 needs a non-empty key');
  }
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(normalized, 'utf8').digest('hex');
}

/** A customers-file line for an already normalized identifier, e.g. `sha256:<64 hex>`. */
export function hashIdentifier(kind: HashAlgorithm, normalized: string, key?: string): string {
  return `${kind}:${identifierDigest(kind, normalized, key)}`;
}
