import { isBrokenCircuitError, isBulkheadRejectedError } from 'cockatiel';

/** Why one call to a source failed, and whether trying again could help. */
export class SourceFailure extends Error {
  constructor(
    readonly status: 'timeout' | 'error',
    readonly reason: string,
    /** Worth retrying: timeouts, resets, 429 and 5xx, not a malformed answer or a 4xx. */
    readonly transient: boolean,
    /** Counts against the circuit breaker: the source misbehaved, not our request. */
    readonly countsAsFailure: boolean = true,
  ) {
    super(reason);
    this.name = 'SourceFailure';
  }
}

export type FailureStatus = 'timeout' | 'error' | 'circuit_open';

/** Maps whatever the resilience stack threw to the status reported in `lookups`. */
export function classifyFailure(error: unknown): { status: FailureStatus; reason: string } {
  if (error instanceof SourceFailure) return { status: error.status, reason: error.reason };
  if (isBrokenCircuitError(error)) return { status: 'circuit_open', reason: 'circuit open' };
  if (isBulkheadRejectedError(error))
    return { status: 'error', reason: 'too many calls in flight' };
  return { status: 'error', reason: error instanceof Error ? error.message : 'unknown failure' };
}
