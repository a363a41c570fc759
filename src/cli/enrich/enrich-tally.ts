import { DECISIONS } from '../../domain/rule-event';
import type { RowOutcome } from './row-outcome';

/** Counts of a run so far, for the summary; constant memory whatever the file size. */
export class EnrichTally {
  rows = 0;
  scored = 0;
  existingCustomers = 0;
  unverified = 0;
  errors = 0;
  /** The first failure's message, to say why when nothing could be scored. */
  firstError: string | undefined;
  /** By decision; the known ones first, in their usual order, even when zero. */
  readonly decisions = new Map<string, number>(DECISIONS.map((decision) => [decision, 0]));
  readonly lookups = { calls: 0, cost: 0 };

  add(outcome: RowOutcome): void {
    this.rows += 1;
    if (outcome.status === 'error') {
      this.errors += 1;
      this.firstError ??= outcome.error;
    } else if (outcome.status === 'existing_customer') this.existingCustomers += 1;
    else if (outcome.status === 'unverified') this.unverified += 1;
    else {
      this.scored += 1;
      const decision = outcome.decision ?? 'none';
      this.decisions.set(decision, (this.decisions.get(decision) ?? 0) + 1);
    }
    this.lookups.calls += outcome.lookups.calls;
    this.lookups.cost += outcome.lookups.cost;
  }
}
