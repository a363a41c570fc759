import { randomBytes } from 'node:crypto';
import type { ApiClientEntry } from './api-keys-file';
import { digestSecret } from './key-digest';
import { KEY_PREFIX, type Scope } from './scopes';

export interface NewApiKeyRequest {
  client: string;
  scopes: readonly Scope[];
  origins: readonly string[];
  pepper: string;
  random?: (bytes: number) => Buffer;
}

/**
 * A fresh key and the keys-file entry that admits it. The key itself is shown once and never
 * stored; the entry holds only its id and digest.
 */
export function newApiKey(request: NewApiKeyRequest): { key: string; entry: ApiClientEntry } {
  const random = request.random ?? randomBytes;
  const kind = request.scopes.includes('score') ? 'publishable' : 'secret';
  // Letters and digits only, so the id never contains the `_` that separates the parts.
  const id = random(6).toString('hex');
  const secret = random(32).toString('base64url');
  const entry: ApiClientEntry = {
    name: request.client,
    scopes: [...request.scopes],
    ...(kind === 'publishable' ? { origins: [...request.origins] } : {}),
    keys: [{ id, digest: digestSecret(request.pepper, secret) }],
  };
  return { key: `${KEY_PREFIX[kind]}_${id}_${secret}`, entry };
}
