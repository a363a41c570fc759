import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LookupStatus } from '../../domain/lookups/lookup-source';
import type { RuleSetProvider } from '../../domain/ports';
import type { DecisionTally, ScoringObserver } from '../../domain/scoring-observer';
import { keptChildren } from './kept-children';

const PREFIX = 'prospect_scorer_';

export interface ServiceMetricsOptions {
  /** Where the active rule set and its sources are read at scrape time. */
  rules: RuleSetProvider;
  /** Also export the process metrics prom-client collects (CPU, memory, event loop, GC). */
  processMetrics: boolean;
}

/** What the cache did for one lookup, derived from the status the lookup reported. */
const CACHE_RESULT: Partial<Record<LookupStatus, 'hit' | 'miss' | 'stale'>> = {
  cache: 'hit',
  stale: 'stale',
  ok: 'miss',
  timeout: 'miss',
  error: 'miss',
  circuit_open: 'miss',
};
const BREAKER_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Every metric the service exports, on its own registry (never prom-client's global one, so
 * each app built in a test has its own). Label children are made once per label set and kept,
 * so the request path does one map lookup per observation.
 */
export class ServiceMetrics implements ScoringObserver {
  readonly registry = new Registry();

  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly requestSeconds: Histogram<'route' | 'method' | 'status'>;
  private readonly inFlight: Gauge;
  private readonly decisions: Counter<'outcome' | 'tier'>;
  private readonly skips: Counter<'matched_by'>;
  private readonly lookups: Counter<'source' | 'status'>;
  private readonly lookupSeconds: Histogram<'source'>;
  private readonly lookupCost: Counter<'source'>;
  private readonly cache: Counter<'source' | 'result'>;
  private readonly reloadFailures: Counter;
  /** Kept label children (see keptChildren), one function per family or pair of families. */
  private readonly requestSeries = keptChildren((route, method, status) => ({
    count: this.requests.labels(route, method, status),
    time: this.requestSeconds.labels(route, method, status),
  }));
  private readonly outcome = keptChildren((outcome, tier) => this.decisions.labels(outcome, tier));
  private readonly skipsBy = keptChildren((matchedBy) => this.skips.labels(matchedBy));
  private readonly lookupsBy = keptChildren((source, status) =>
    this.lookups.labels(source, status),
  );
  private readonly cacheBy = keptChildren((source, result) => this.cache.labels(source, result));
  private readonly lookupSecondsBy = keptChildren((source) => this.lookupSeconds.labels(source));
  private readonly lookupCostBy = keptChildren((source) => this.lookupCost.labels(source));

  constructor(options: ServiceMetricsOptions) {
    const registers = [this.registry];
    const { rules } = options;
    this.requests = new Counter({
      name: `${PREFIX}http_requests_total`,
      help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Time from a request arriving to its answer being sent, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.inFlight = new Gauge({
      name: `${PREFIX}http_requests_in_flight`,
      help: 'Requests received and not yet answered.',
      registers,
    });
    this.decisions = new Counter({
      name: `${PREFIX}decisions_total`,
      help: 'Live decisions by outcome (qualified, nurture, review, disqualified, or unverified) and tier.',
      labelNames: ['outcome', 'tier'],
      registers,
    });
    this.skips = new Counter({
      name: `${PREFIX}existing_customer_skips_total`,
      help: 'Prospects recognised as existing customers and never scored, by what matched.',
      labelNames: ['matched_by'],
      registers,
    });
    this.lookups = new Counter({
      name: `${PREFIX}lookups_total`,
      help: 'Lookups made for live decisions, by source and status (as the response reports it).',
      labelNames: ['source', 'status'],
      registers,
    });
    this.lookupSeconds = new Histogram({
      name: `${PREFIX}lookup_duration_seconds`,
      help: 'Time a decision waited for a source, cached answers included.',
      labelNames: ['source'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.lookupCost = new Counter({
      name: `${PREFIX}lookup_cost_total`,
      help: 'Cost of upstream calls to sources (costPerCall units), retries included.',
      labelNames: ['source'],
      registers,
    });
    this.cache = new Counter({
      name: `${PREFIX}lookup_cache_total`,
      help: 'Lookup cache results by source: hit (fresh), stale (served while failing) or miss.',
      labelNames: ['source', 'result'],
      registers,
    });
    new Gauge({
      name: `${PREFIX}breaker_state`,
      help: 'Circuit breaker of each active source: 0 closed, 1 half-open, 2 open.',
      labelNames: ['source'],
      registers,
      collect() {
        this.reset();
        for (const source of rules.current().sources) {
          const state = source.health?.().breaker ?? 'closed';
          this.labels(source.name).set(BREAKER_VALUE[state]);
        }
      },
    });
    new Gauge({
      name: `${PREFIX}ruleset_info`,
      help: 'Always 1, labelled with the version of the rule set serving decisions.',
      labelNames: ['version'],
      registers,
      collect() {
        this.reset();
        this.labels(rules.current().version).set(1);
      },
    });
    this.reloadFailures = new Counter({
      name: `${PREFIX}ruleset_reload_failures_total`,
      help: 'Rule reloads refused (invalid files or failing rule tests); the last good set kept serving.',
      registers,
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
  }

  /** For GET /metrics. */
  contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  requestStarted(): void {
    this.inFlight.inc();
  }

  /** One request answered (or abandoned by its client), timed from its arrival. */
  requestFinished(route: string, method: string, status: number, seconds: number): void {
    this.inFlight.dec();
    const verb = KNOWN_METHODS.has(method) ? method : 'OTHER';
    const series = this.requestSeries(route, verb, String(status));
    series.count.inc();
    series.time.observe(seconds);
  }

  decided(tally: DecisionTally): void {
    if (tally.status === 'existing_customer') {
      this.skipsBy(tally.matchedBy).inc();
    } else if (tally.status === 'unverified') {
      this.outcome('unverified', 'none').inc();
    } else {
      this.outcome(tally.decision, tally.tier).inc();
    }
  }

  lookedUp(source: string, status: LookupStatus, ms: number): void {
    this.lookupsBy(source, status).inc();
    const result = CACHE_RESULT[status];
    if (result === undefined) return; // never asked: no consent, no input, over budget, not needed
    this.cacheBy(source, result).inc();
    this.lookupSecondsBy(source).observe(ms / 1000);
  }

  charged(source: string, cost: number): void {
    this.lookupCostBy(source).inc(cost);
  }

  reloadRefused(): void {
    this.reloadFailures.inc();
  }
}
