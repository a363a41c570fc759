import { bulkhead } from 'cockatiel';
import type { WorkLimiter } from '../domain/batch/score-batch';

/** At most `limit` tasks at once across every caller; the rest wait their turn (cockatiel bulkhead). */
export function sharedLimiter(limit: number): WorkLimiter {
  const policy = bulkhead(limit, Number.MAX_SAFE_INTEGER);
  return { run: (task) => policy.execute(task) };
}
