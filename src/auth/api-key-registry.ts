import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeysFile } from './api-keys-file';
import { digestSecret } from './key-digest';
import { KEY_PREFIX, type KeyKind, type Scope } from './scopes';

/** A caller whose key checked out. */
export interface ApiClient {
  name: string;
  kind: KeyKind;
  scopes: ReadonlySet<Scope>;
  /** Browser origins a publishable key may be used from; empty for secret keys. */
  origins: ReadonlySet<string>;
  /** Per-client overrides of the default limits. */
  rateLimit: { perMinute?: number; perIpPerMinute?: number };
}

export interface ApiKeyRegistryOptions {
  pepper: string;
  file: ApiKeysFile;
  /** The constant-time comparison; replaceable so tests can see it is used on every path. */
  safeEqual?: (a: Buffer, b: Buffer) => boolean;
}

const KEY_FORMAT = /^(pk|sk)_([A-Za-z0-9]{4,32})_([A-Za-z0-9_-]{16,128})$/;

/**
 * Looks keys up by id and checks their secret against the stored digest in constant time. A
 * malformed key, an unknown id and a wrong secret all cost one HMAC and one comparison, so the
 * answer time does not tell a prober which ids exist.
 */
export class ApiKeyRegistry {
  private readonly byId = new Map<string, { client: ApiClient; digest: Buffer }>();
  private readonly dummyDigest = randomBytes(32);
  private readonly pepper: string;
  private readonly safeEqual: (a: Buffer, b: Buffer) => boolean;
  /** Every origin any publishable key allows, for answering preflights (which carry no key). */
  readonly publishableOrigins: ReadonlySet<string>;

  constructor(options: ApiKeyRegistryOptions) {
    this.pepper = options.pepper;
    this.safeEqual = options.safeEqual ?? timingSafeEqual;
    const origins = new Set<string>();
    for (const entry of options.file.clients) {
      const kind: KeyKind = entry.scopes.includes('score') ? 'publishable' : 'secret';
      const client: ApiClient = {
        name: entry.name,
        kind,
        scopes: new Set(entry.scopes),
        origins: new Set(entry.origins ?? []),
        rateLimit: { ...entry.rateLimit },
      };
      for (const origin of client.origins) origins.add(origin);
      for (const key of entry.keys) {
        this.byId.set(key.id, { client, digest: Buffer.from(key.digest, 'hex') });
      }
    }
    this.publishableOrigins = origins;
  }

  /** The client a presented key belongs to, or undefined for any key that is not valid. */
  authenticate(presented: string): ApiClient | undefined {
    const parts = KEY_FORMAT.exec(presented);
    const entry = parts === null ? undefined : this.byId.get(parts[2] as string);
    const secret = parts?.[3] ?? presented;
    const digest = Buffer.from(digestSecret(this.pepper, secret), 'hex');
    const matches = this.safeEqual(digest, entry?.digest ?? this.dummyDigest);
    if (entry === undefined || !matches) return undefined;
    // A secret key pasted with a pk_ prefix (or the reverse) is not the key that was issued.
    return parts?.[1] === KEY_PREFIX[entry.client.kind] ? entry.client : undefined;
  }
}
