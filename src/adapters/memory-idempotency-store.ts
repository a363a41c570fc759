import { LRUCache } from 'lru-cache';
import type { IdempotencyEntry, IdempotencyStore, StoredResponse } from '../http/idempotency';

/**
 * Idempotency keys in process memory, for one instance: bounded by total stored bytes and
 * forgotten after the TTL. A request still in progress is kept only as long as it runs.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries: LRUCache<string, IdempotencyEntry>;

  constructor(options: { ttlSeconds: number; maxBytes: number }) {
    this.entries = new LRUCache<string, IdempotencyEntry>({
      ttl: options.ttlSeconds * 1000,
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => key.length + 64 + (entry.response?.body.length ?? 0),
    });
  }

  get(key: string): IdempotencyEntry | undefined {
    return this.entries.get(key);
  }

  begin(key: string, fingerprint: string): boolean {
    if (this.entries.has(key)) return false;
    this.entries.set(key, { fingerprint });
    return true;
  }

  complete(key: string, fingerprint: string, response: StoredResponse): void {
    this.entries.set(key, { fingerprint, response });
  }

  abandon(key: string): void {
    this.entries.delete(key);
  }
}
