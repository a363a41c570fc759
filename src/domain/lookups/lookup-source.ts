import type { LookupInputs } from './lookup-inputs';

export const SOURCE_KINDS = ['partner', 'credit', 'identity', 'customer-match'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How one lookup went, as the response's `lookups` reports it. */
export const LOOKUP_STATUSES = [
  'ok',
  'cache',
  'stale',
  'timeout',
  'error',
  'circuit_open',
  'no_consent',
  'over_budget',
  'no_input',
  'not_needed',
] as const;
export type LookupStatus = (typeof LOOKUP_STATUSES)[number];

/** What rules see through the `lookupStatus` fact: whether the source's data can be relied on. */
export const RULE_LOOKUP_STATUSES = [
  'available',
  'not_found',
  'unavailable',
  'no_consent',
  'over_budget',
  'no_input',
] as const;
export type RuleLookupStatus = (typeof RULE_LOOKUP_STATUSES)[number];

/** The mapped fields of one answer, or `notFound` when the source has no record. */
export interface SourceRecord {
  fields: Readonly<Record<string, unknown>>;
  notFound: boolean;
  fetchedAt: Date;
}

export type SourceAnswer =
  | { status: 'ok' | 'cache' | 'stale'; record: SourceRecord }
  | { status: 'timeout' | 'error' | 'circuit_open'; reason: string }
  /** A value could not be sent safely (too long, control characters, a dot segment). */
  | { status: 'no_input'; reason: string };

export interface FetchOptions {
  /** Epoch ms after which no new attempt (retry) starts for this caller. */
  deadline: number;
  /** Skip a cached answer and ask the source again (Cache-Control: no-cache). */
  noCache: boolean;
  /** Called once per upstream call this fetch makes (retries included), as it is made. */
  onCall?: () => void;
}

/** A source's circuit breaker: closed (calls go through), half-open (one trial call), open. */
export type BreakerState = 'closed' | 'half-open' | 'open';

/** How a source is doing, for readiness and metrics. */
export interface SourceHealth {
  breaker: BreakerState;
  /** Upstream calls that failed in a row since the last success (0 when the last one worked). */
  consecutiveFailures: number;
}

/**
 * A remote source of facts about a prospect. Implementations cache, coalesce, retry and break
 * circuits; they never throw for an upstream failure, they answer with its status.
 */
export interface LookupSource {
  readonly name: string;
  readonly kind: SourceKind;
  readonly costPerCall: number;
  /** The inputs the request needs; a prospect without one of them is not looked up. */
  readonly inputs: readonly string[];
  /** Whether a fresh answer for these inputs is cached (so asking would cost nothing). */
  hasFresh(inputs: LookupInputs): boolean;
  /**
   * The fresh cached answer for these inputs, if any, read synchronously: a warm lookup then needs
   * no deadline timer and no promise race, which is most of what it would otherwise cost.
   */
  fresh?(inputs: LookupInputs): SourceRecord | undefined;
  fetch(inputs: LookupInputs, options: FetchOptions): Promise<SourceAnswer>;
  /** The cached answer for these inputs (fresh or stale) without calling the source, if any. */
  cached?(inputs: LookupInputs): SourceAnswer | undefined;
  /** Breaker state and recent failures; sources without one are taken as healthy. */
  health?(): SourceHealth;
  close(): void;
}
