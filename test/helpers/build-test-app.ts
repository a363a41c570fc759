import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { fakeSource } from './fake-source';
import type { AuthSettings } from '../../src/auth/auth-settings';
import { MemoryIdempotencyStore } from '../../src/adapters/memory-idempotency-store';
import { ServiceMetrics } from '../../src/adapters/metrics/service-metrics';
import { ServiceLifecycle } from '../../src/http/service-lifecycle';
import { sharedLimiter } from '../../src/adapters/shared-limiter';
import { noCustomers } from '../../src/adapters/customer-file';
import { readRuleSetFiles } from '../../src/adapters/rule-set-directory';
import { CustomerIndex } from '../../src/domain/customers/customer-index';
import type {
  ActiveRuleSet,
  Clock,
  CustomerMatcher,
  Logger,
  RuleSetProvider,
} from '../../src/domain/ports';
import { activateRuleSet, type SourceFactory } from '../../src/engine/activate-rule-set';
import type { RuleSetFiles } from '../../src/engine/compile-rule-set';
import { RuleSetHolder } from '../../src/engine/rule-set-holder';
import { RuleHitCounter } from '../../src/domain/rule-hit-counter';
import type { ScoringDeps } from '../../src/domain/score-prospect';
import { createRuleOperations } from '../../src/engine/rule-ops/rule-operations';
import type { ReloadOutcome } from '../../src/engine/rule-set-reloader';

export const PROJECT_ROOT = join(__dirname, '..', '..');
export const DEFAULT_RULES_DIR = join(PROJECT_ROOT, 'rules');
const OPENAPI_DOCUMENT = readFileSync(join(PROJECT_ROOT, 'openapi.yaml'), 'utf8');

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** A logger that keeps every line, for assertions on what was (and was not) logged. */
export function capturingLogger(): Logger & {
  lines: Array<{ level: string; obj: object; msg?: string }>;
} {
  const lines: Array<{ level: string; obj: object; msg?: string }> = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
}

export interface TestAppOptions {
  /** An already built rule set (e.g. from a RuleSetHolder a reloader swaps). */
  ruleSet?: ActiveRuleSet;
  lastReload?: () => ReloadOutcome | null;
  env?: Record<string, string>;
  /** Builds each declared lookup source; by default every source answers "no record". */
  createSource?: SourceFactory;
  clock?: Clock;
  deadlineMs?: number;
  scoreUnverified?: boolean;
  /** Rule files to use instead of the default rules directory. */
  ruleFiles?: RuleSetFiles;
  /** Lines of a customers file, matched in memory. */
  customerLines?: string[];
  customers?: CustomerMatcher;
  hashKey?: string;
  defaultPhoneRegion?: string;
  logger?: Logger;
  /** Where request lines go, as server.ts sets it (requestLineLogger); `logger` when left out. */
  requestLog?: Logger;
  /** API keys (see test/helpers/api-keys.ts); open, as in development, by default. */
  auth?: AuthSettings;
  trustedProxies?: number;
}

export interface TestApp {
  app: Express;
  rules: RuleSetProvider;
  /** The app's own metrics registry (process metrics off). */
  metrics: ServiceMetrics;
  /** Drive readiness and shutdown as the process entry would. */
  lifecycle: ServiceLifecycle;
  /** How many times the active rule set's evaluator has run. */
  evaluations(): number;
  /** What the app scores with, for domain-level tests of the same setup. */
  scoring: ScoringDeps;
}

export function loadDefaultRuleFiles(): RuleSetFiles {
  return readRuleSetFiles(DEFAULT_RULES_DIR);
}

/** The real app with test settings: same code paths as production, in-memory inputs. */
export function buildTestApp(options: TestAppOptions = {}): TestApp {
  const region = options.defaultPhoneRegion ?? 'US';
  const active =
    options.ruleSet ??
    activateRuleSet(
      options.ruleFiles ?? loadDefaultRuleFiles(),
      new Date('2026-01-01T00:00:00Z'),
      options.createSource ?? noRecordSource,
    );
  let evaluations = 0;
  const counted: ActiveRuleSet = {
    ...active,
    evaluator: {
      evaluate: (facts) => {
        evaluations += 1;
        return active.evaluator.evaluate(facts);
      },
    },
  };
  const rules = new RuleSetHolder(counted);
  const metrics = new ServiceMetrics({ rules, processMetrics: false });
  const lifecycle = new ServiceLifecycle();
  const hits = new RuleHitCounter();
  const createSource = options.createSource ?? noRecordSource;
  const scoring: ScoringDeps = {
    rules,
    customers: options.customers ?? customersFrom(options.customerLines, options.hashKey, region),
    newId: randomUUID,
    signals: { defaultPhoneRegion: region },
    clock: options.clock ?? { now: () => new Date() },
    deadlineMs: options.deadlineMs ?? 1500,
    scoreUnverified: options.scoreUnverified ?? false,
    hits,
    observer: metrics,
  };
  const app = createApp({
    scoring,
    ruleOps: createRuleOperations({
      scoring: { ...scoring, observer: undefined },
      hits,
      lastReload: () => options.lastReload?.() ?? null,
      env: options.env ?? {},
      liveSources: createSource,
      findLiveSource: (definition) =>
        active.sources.find((source) => source.name === definition.name),
    }),
    batch: {
      idempotency: new MemoryIdempotencyStore({ ttlSeconds: 3600, maxBytes: 64 * 1024 * 1024 }),
      concurrency: 8,
      shared: sharedLimiter(32),
    },
    logger: options.logger ?? silentLogger,
    requestLog: options.requestLog,
    openapiDocument: OPENAPI_DOCUMENT,
    auth: options.auth ?? { mode: 'open' },
    trustedProxies: options.trustedProxies ?? 0,
    metrics,
    lifecycle,
  });
  return { app, rules, metrics, lifecycle, evaluations: () => evaluations, scoring };
}

function customersFrom(
  lines: string[] | undefined,
  hashKey: string | undefined,
  region: string,
): CustomerMatcher {
  if (lines === undefined) return noCustomers;
  const { index } = CustomerIndex.fromLines(lines, { hashKey, defaultPhoneRegion: region });
  return { match: async (prospect) => index.match(prospect, region) };
}

/** Default rule files with some files replaced or added, for tests of one rule or policy. */
export function ruleFilesWith(changes: Record<string, unknown>): RuleSetFiles {
  const files = new Map(loadDefaultRuleFiles());
  for (const [name, content] of Object.entries(changes)) {
    if (content === undefined) files.delete(name);
    else files.set(name, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return files;
}

/** A source that is down: every lookup answers error at once, and nothing is cached. */
export const offlineSource: SourceFactory = fakeSource(async () => ({
  status: 'error',
  reason: 'offline in this test',
}));

/** A source that answers at once that it holds nothing on anyone (and is not a CRM match). */
export const noRecordSource: SourceFactory = fakeSource(async () => ({
  status: 'ok',
  record: { fields: {}, notFound: true, fetchedAt: new Date('2026-01-01T00:00:00Z') },
}));
