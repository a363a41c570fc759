import { LRUCache } from 'lru-cache';
import type { RateLimitCount, RateLimitStore } from '../auth/rate-limit-store';

/**
 * Counts in this process only: right for one instance. Bounded, so a flood of distinct client
 * IPs cannot grow memory without limit; the least recently seen windows are dropped first.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows: LRUCache<string, RateLimitCount>;

  constructor(maxKeys = 100_000) {
    this.windows = new LRUCache({ max: maxKeys });
  }

  async hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitCount> {
    const current = this.windows.get(key);
    if (current === undefined || current.resetAtMs <= nowMs) {
      const fresh = { count: 1, resetAtMs: nowMs + windowMs };
      this.windows.set(key, fresh);
      return { ...fresh };
    }
    current.count += 1;
    return { ...current };
  }
}
