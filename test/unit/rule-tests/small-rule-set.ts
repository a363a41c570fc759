import type { LookupSource } from '../../../src/domain/lookups/lookup-source';
import type { ActiveRuleSet } from '../../../src/domain/ports';
import { activateRuleSet, type SourceFactory } from '../../../src/engine/activate-rule-set';
import type { RuleSetFiles } from '../../../src/engine/compile-rule-set';

const source = (name: string, kind: string, fields: Record<string, object>) => ({
  name,
  kind,
  request: { baseUrl: 'http://127.0.0.1:9', path: `/${name}` },
  timeoutMs: 100,
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 1000 },
  maxConcurrent: 1,
  costPerCall: kind === 'customer-match' ? 0 : 1,
  cache: { ttlSeconds: 60, maxEntries: 10 },
  fields: Object.fromEntries(
    Object.entries(fields).map(([field, schema]) => [field, { path: `$.${field}`, schema }]),
  ),
});

const score = (name: string, points: number, conditions: object) => ({
  name,
  priority: 50,
  conditions,
  event: { type: 'score', params: { points, message: name } },
});

const status = (sourceName: string, value: string) => ({
  fact: 'lookupStatus',
  params: { source: sourceName },
  operator: 'equal',
  value,
});

/** Rules small enough to reason about: each canned answer shows up as its own reason. */
export const SMALL_RULES = [
  {
    name: 'disposable-email',
    priority: 100,
    conditions: { all: [{ fact: 'emailDomainKind', operator: 'equal', value: 'disposable' }] },
    event: { type: 'disqualify', params: { message: 'throwaway address' } },
  },
  score('corporate-email', 30, {
    all: [{ fact: 'emailDomainKind', operator: 'equal', value: 'corporate' }],
  }),
  score('partner-large', 20, {
    all: [{ fact: 'partner', path: '$.employees', operator: 'greaterThanInclusive', value: 1000 }],
  }),
  score('partner-unknown', -5, { all: [status('partner', 'not_found')] }),
  {
    name: 'partner-down',
    priority: 40,
    conditions: { all: [status('partner', 'unavailable')] },
    event: { type: 'review', params: { message: 'partner down' } },
  },
  {
    name: 'credit-poor',
    priority: 40,
    conditions: { all: [{ fact: 'credit', path: '$.score', operator: 'lessThan', value: 500 }] },
    event: { type: 'review', params: { message: 'poor credit' } },
  },
  score('antarctic', 5, { all: [{ fact: 'country', operator: 'equal', value: 'AQ' }] }),
  {
    name: 'route-qualified',
    priority: 10,
    conditions: { all: [] },
    event: {
      type: 'route',
      params: {
        queue: 'sales',
        withinMinutes: 60,
        priority: 'normal',
        whenDecision: ['qualified'],
      },
    },
  },
];

const POLICY = {
  baseScore: 40,
  clamp: { min: 0, max: 100 },
  tiers: [
    { name: 'Hot', minScore: 70 },
    { name: 'Cold', minScore: 0 },
  ],
  thresholds: { qualified: 60, nurture: 30 },
};

const SOURCES = {
  sources: [
    source('crm', 'customer-match', {
      isCustomer: { type: 'boolean' },
      matchedBy: { enum: ['email', 'phone', 'domain', null] },
    }),
    source('partner', 'partner', { employees: { type: 'integer' } }),
    source('credit', 'credit', { score: { type: 'integer' } }),
  ],
};

/** The small rule set's files, plus the given rule-test files (`tests/<name>.json`). */
export function smallRuleFiles(tests: Record<string, unknown> = {}): RuleSetFiles {
  const text = (content: unknown) =>
    typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  return new Map([
    ['policy.json', text(POLICY)],
    ['sources.json', text(SOURCES)],
    ['small.rules.json', text(SMALL_RULES)],
    ...Object.entries(tests).map(([name, content]): [string, string] => [name, text(content)]),
  ]);
}

/** Live sources that record any call: rule tests must never make one. */
export function recordingFactory(): { factory: SourceFactory; calls: string[] } {
  const calls: string[] = [];
  const factory: SourceFactory = (definition): LookupSource => ({
    name: definition.name,
    kind: definition.kind,
    costPerCall: definition.costPerCall,
    inputs: [],
    hasFresh: () => false,
    fetch: async () => {
      calls.push(definition.name);
      return { status: 'error', reason: 'a rule test called a live source' };
    },
    close: () => undefined,
  });
  return { factory, calls };
}

export function activateSmall(files: RuleSetFiles, factory: SourceFactory): ActiveRuleSet {
  return activateRuleSet(files, new Date('2026-01-01T00:00:00Z'), factory);
}

/** A signup that passes the small rules: corporate email, so 70 points and qualified. */
export const CORPORATE = { email: 'maria.lopez@northwind-analytics.com', country: 'US' };
