import { sharedLimiter } from '../../src/adapters/shared-limiter';
import { scoreBatch, type BatchOptions } from '../../src/domain/batch/score-batch';
import { buildTestApp } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';
import { parseBatchRecord } from '../../src/http/batch-records';

/**
 * Records whose lookups answer without I/O (here: a source answering at once) are scored on
 * promises that are already settled. Without a turn of the event loop now and then, a batch
 * would hold the process until its last record: no socket read, no timer, no upstream answer.
 */
describe('a batch lets the event loop turn while it scores', () => {
  const { scoring } = buildTestApp();
  const records = (count: number) =>
    Array.from({ length: count }, (_, position) => ({
      position,
      input: aCorporateSignup({ email: `person-${position}@contoso-labs.com` }),
    }));
  const options = (sliceMs?: number): BatchOptions => ({
    parse: parseBatchRecord,
    concurrency: 8,
    shared: sharedLimiter(32),
    onUnexpected: () => ({ code: 'internal_error', status: 500, detail: 'unexpected' }),
    ...(sliceMs === undefined ? {} : { sliceMs }),
  });

  /** Counts turns of the event loop (its check phase) until `work` settles. */
  async function turnsDuring<T>(work: Promise<T>): Promise<{ turns: number; result: T }> {
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const result = await work;
    done = true;
    return { turns, result };
  }

  it('turns after every slice: with a zero slice, between any two records', async () => {
    const { turns, result } = await turnsDuring(scoreBatch(scoring, records(200), options(0)));
    expect(result.every((item) => 'result' in item && item.result.status === 'scored')).toBe(true);
    // One turn a record, give or take the first window of 8 started together.
    expect(turns).toBeGreaterThanOrEqual(190);
  });

  it('turns within a large batch with the default slice of 10 ms', async () => {
    const { turns, result } = await turnsDuring(scoreBatch(scoring, records(3_000), options()));
    expect(result).toHaveLength(3_000);
    // 3,000 decisions take well over 10 ms on any machine; all of it in one turn was the bug.
    expect(turns).toBeGreaterThan(1);
  });
});
