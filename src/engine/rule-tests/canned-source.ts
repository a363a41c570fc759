import type { LookupSource, SourceAnswer } from '../../domain/lookups/lookup-source';
import type { SourceFactory } from '../activate-rule-set';

/** The ways a canned source can fail to give fields, named as ops write them in rule tests. */
export const CANNED_OUTCOMES = ['not_found', 'unavailable', 'timeout'] as const;
export type CannedOutcome = (typeof CANNED_OUTCOMES)[number];

/** The source's mapped fields (it answered), or how it did not answer. */
export type CannedAnswer = Readonly<Record<string, unknown>> | CannedOutcome;

/** Canned answers by source name. */
export type CannedLookups = Readonly<Record<string, CannedAnswer>>;

type SourceIdentity = Pick<LookupSource, 'name' | 'kind' | 'costPerCall'>;

// Fixed so that a rule test's answer never depends on when it runs.
const FETCHED_AT = new Date('2026-01-01T00:00:00Z');

function answerFor(canned: CannedAnswer): SourceAnswer {
  if (canned === 'not_found') {
    return { status: 'ok', record: { fields: {}, notFound: true, fetchedAt: FETCHED_AT } };
  }
  if (canned === 'unavailable') return { status: 'error', reason: 'canned answer: unavailable' };
  if (canned === 'timeout') return { status: 'timeout', reason: 'canned answer: timeout' };
  return {
    status: 'ok',
    record: { fields: { ...canned }, notFound: false, fetchedAt: FETCHED_AT },
  };
}

/**
 * A source that answers every lookup with the same canned answer, at once and for free. It never
 * needs inputs and always counts as cached, so neither missing inputs nor the cost budget can keep
 * a test's answer from the rules; consent for credit data is still checked by the session.
 */
export function cannedSource(source: SourceIdentity, canned: CannedAnswer): LookupSource {
  const answer = answerFor(canned);
  return {
    name: source.name,
    kind: source.kind,
    costPerCall: source.costPerCall,
    inputs: [],
    hasFresh: () => true,
    fetch: async () => answer,
    close: () => undefined,
  };
}

function cannedFor(lookups: CannedLookups | undefined, name: string): CannedAnswer | undefined {
  return lookups !== undefined && Object.hasOwn(lookups, name) ? lookups[name] : undefined;
}

/** Every source canned, as rule tests see them: a source not mentioned has no record. */
export function cannedSourcesFor(
  sources: readonly LookupSource[],
  lookups: CannedLookups | undefined,
): LookupSource[] {
  return sources.map((source) =>
    cannedSource(source, cannedFor(lookups, source.name) ?? 'not_found'),
  );
}

/** The sources given, with those mentioned in `lookups` replaced by canned ones (dry runs). */
export function withCannedAnswers(
  sources: readonly LookupSource[],
  lookups: CannedLookups | undefined,
): LookupSource[] {
  return sources.map((source) => {
    const canned = cannedFor(lookups, source.name);
    return canned === undefined ? source : cannedSource(source, canned);
  });
}

/**
 * Stands in for a live source where only canned answers are ever used (`rules:check`): it needs no
 * network and no secrets, and answers "unavailable" should anything ever ask it.
 */
export const placeholderSource: SourceFactory = (definition) =>
  cannedSource(definition, 'unavailable');
