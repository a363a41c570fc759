import { MemoryRateLimitStore } from '../../../src/adapters/memory-rate-limit-store';

describe('the in-memory rate-limit store', () => {
  it('counts within a window that starts at the first request, then starts a new one', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.hit('k', 60_000, 1_000)).toEqual({ count: 1, resetAtMs: 61_000 });
    expect(await store.hit('k', 60_000, 60_999)).toEqual({ count: 2, resetAtMs: 61_000 });
    expect(await store.hit('k', 60_000, 61_000)).toEqual({ count: 1, resetAtMs: 121_000 });
  });

  it('keeps keys apart and forgets the least recently seen beyond its bound', async () => {
    const store = new MemoryRateLimitStore(2);
    await store.hit('a', 60_000, 0);
    await store.hit('b', 60_000, 0);
    await store.hit('c', 60_000, 0);
    expect((await store.hit('b', 60_000, 1)).count).toBe(2);
    expect((await store.hit('a', 60_000, 1)).count).toBe(1);
  });
});
