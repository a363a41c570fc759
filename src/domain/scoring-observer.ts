import type { LookupStatus } from './lookups/lookup-source';
import type { CustomerMatchBy } from './ports';

/** The parts of a decision operators count: never who it was about. */
export type DecisionTally =
  | { status: 'scored'; decision: string; tier: string }
  | { status: 'existing_customer'; matchedBy: CustomerMatchBy }
  | { status: 'unverified' };

/**
 * Watches live decisions and their lookups for metrics. Implementations must be cheap and must
 * never throw: they run on the request path. Left out for rule tests and dry runs.
 */
export interface ScoringObserver {
  decided(tally: DecisionTally): void;
  /** One source answered (or was skipped) for one decision, after `ms` of waiting. */
  lookedUp(source: string, status: LookupStatus, ms: number): void;
  /** One upstream call to a paid source was made. */
  charged(source: string, cost: number): void;
}
