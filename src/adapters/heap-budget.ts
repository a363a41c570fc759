/** What the heap holds at start and what its bounded stores may add, against V8's limit. */
export interface HeapBudget {
  /** V8's heap limit (`--max-old-space-size` plus new space), in MB. */
  limitMb: number;
  /** Heap in use once the rule set and customers file are loaded, in MB. */
  atStartMb: number;
  /** The stores' own bounds added up: every lookup cache and the idempotency store, in MB. */
  storesMb: number;
}

/**
 * Share of the heap limit the service may plan to fill. The rest is for requests in flight
 * (an NDJSON batch holds its records and answers while it streams) and for the collector.
 */
export const PLANNED_SHARE = 0.75;

/**
 * Whether the service's memory fits its heap limit by design. The heap is capped (npm start and
 * the Docker image) so that RSS stays bounded in a container; a large customers file or raised
 * cache bounds can then plan for more than the cap holds, and Node would stop with "heap out of
 * memory" under load instead of saying so at start.
 */
export function heapBudgetFits(budget: HeapBudget): boolean {
  return budget.atStartMb + budget.storesMb <= budget.limitMb * PLANNED_SHARE;
}
