import { DECISIONS, type Decision } from '../rule-event';
import type { BatchItem } from './score-batch';

export interface BatchSummary {
  total: number;
  scored: number;
  /** Recognised as customers and left unlabelled. */
  existingCustomers: number;
  unverified: number;
  errors: number;
  decisions: Record<Decision, number>;
  /** Upstream calls made for this batch and what they cost (cached answers are free). */
  lookups: { calls: number; cost: number };
}

/** Adds up a batch's results as they come; memory stays constant whatever the count. */
export class BatchTally {
  private readonly summary: BatchSummary = {
    total: 0,
    scored: 0,
    existingCustomers: 0,
    unverified: 0,
    errors: 0,
    decisions: Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>,
    lookups: { calls: 0, cost: 0 },
  };

  add(item: BatchItem): void {
    const s = this.summary;
    s.total += 1;
    if ('error' in item) {
      s.errors += 1;
      return;
    }
    const { result } = item;
    if (result.status === 'existing_customer') s.existingCustomers += 1;
    else if (result.status === 'unverified') s.unverified += 1;
    else {
      s.scored += 1;
      s.decisions[result.decision] += 1;
    }
    const lookups = upstreamUse(result.lookups);
    s.lookups.calls += lookups.calls;
    s.lookups.cost += lookups.cost;
  }

  result(): BatchSummary {
    const s = this.summary;
    return { ...s, lookups: { ...s.lookups, cost: Math.round(s.lookups.cost * 10_000) / 10_000 } };
  }
}

/** Upstream calls a decision made and their cost: a fresh answer or a paid call is a call. */
export function upstreamUse(lookups: ReadonlyArray<{ status: string; cost: number }>): {
  calls: number;
  cost: number;
} {
  let calls = 0;
  let cost = 0;
  for (const lookup of lookups) {
    if (lookup.status === 'ok' || lookup.cost > 0) calls += 1;
    cost += lookup.cost;
  }
  return { calls, cost };
}
