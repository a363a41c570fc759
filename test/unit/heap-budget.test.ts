import { heapBudgetFits, PLANNED_SHARE } from '../../src/adapters/heap-budget';

describe('whether the bounded stores fit the heap limit', () => {
  it('the defaults fit the 160 MB cap of npm start and the Docker image', () => {
    // V8 reports a 208 MB limit for --max-old-space-size=160 (new space on top); 4 lookup caches
    // of 16 MB and a 32 MB idempotency store, on about 40 MB in use at start.
    expect(heapBudgetFits({ limitMb: 208, atStartMb: 40, storesMb: 4 * 16 + 32 })).toBe(true);
  });

  it('a large customers file on top of the stores does not', () => {
    expect(heapBudgetFits({ limitMb: 208, atStartMb: 120, storesMb: 96 })).toBe(false);
  });

  it('plans for at most its share of the limit, leaving the rest for requests in flight', () => {
    const limitMb = 200;
    expect(heapBudgetFits({ limitMb, atStartMb: 50, storesMb: limitMb * PLANNED_SHARE - 50 })).toBe(
      true,
    );
    expect(heapBudgetFits({ limitMb, atStartMb: 50, storesMb: limitMb * PLANNED_SHARE - 49 })).toBe(
      false,
    );
  });
});
