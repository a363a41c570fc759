import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './app';
import { MemoryRateLimitStore } from './adapters/memory-rate-limit-store';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { parseApiKeysFile } from './auth/api-keys-file';
import type { AuthSettings } from './auth/auth-settings';
import { loadCustomerFileMatcher, noCustomers } from './adapters/customer-file';
import { SourceRegistry } from './adapters/http-source/source-registry';
import { MemoryIdempotencyStore } from './adapters/memory-idempotency-store';
import { ServiceMetrics } from './adapters/metrics/service-metrics';
import { sharedLimiter } from './adapters/shared-limiter';
import { watchRuleDirectory } from './adapters/rule-directory-watcher';
import { readRuleSetFiles } from './adapters/rule-set-directory';
import { ConfigError, type Config } from './config';
import type { Clock, CustomerMatcher, Logger } from './domain/ports';
import { RuleHitCounter } from './domain/rule-hit-counter';
import type { ScoringDeps } from './domain/score-prospect';
import type { RuleSetFiles } from './engine/compile-rule-set';
import { prepareRuleSet } from './engine/prepare-rule-set';
import { createRuleOperations } from './engine/rule-ops/rule-operations';
import { RuleSetHolder } from './engine/rule-set-holder';
import { RuleSetReloader } from './engine/rule-set-reloader';
import { ServiceLifecycle } from './http/service-lifecycle';

export interface Runtime {
  clock: Clock;
  logger: Logger;
  /** Where the one line per request goes; the logger itself when left out. */
  requestLog?: Logger;
  /** The environment, for the variables sources.json names (base URL overrides, secrets). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface Dependencies {
  app: AppDeps;
  reloader: RuleSetReloader;
  lifecycle: ServiceLifecycle;
  close(): void;
}

/** The rule set in RULES_DIR failed validation or its rule tests; nothing was started. */
export class RuleSetRefusedError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`the rule set was refused (${errors.length} problem(s))`);
    this.name = 'RuleSetRefusedError';
  }
}

/** The project's openapi.yaml, found beside src/ or dist/. */
export const OPENAPI_PATH = join(__dirname, '..', 'openapi.yaml');

/**
 * The composition root: the only place adapters, stores and engines are constructed. The rule
 * set must validate and pass its rule tests, or nothing starts (RuleSetRefusedError).
 */
export async function buildDependencies(config: Config, runtime: Runtime): Promise<Dependencies> {
  const { clock, logger, env } = runtime;
  const auth = authSettings(config);
  const sources = new SourceRegistry({
    env,
    now: () => clock.now().getTime(),
    cacheMaxBytes: config.LOOKUP_CACHE_MAX_MB * 1024 * 1024,
  });
  const prepare = (files: RuleSetFiles) =>
    prepareRuleSet(files, {
      loadedAt: clock.now(),
      createSource: sources.create,
      defaultPhoneRegion: config.DEFAULT_PHONE_REGION,
    });
  const readFiles = () => readRuleSetFiles(config.RULES_DIR);
  const files = readFiles();
  const first = await prepare(files);
  if (!first.ok) {
    sources.closeAll();
    throw new RuleSetRefusedError(first.errors);
  }
  const rules = new RuleSetHolder(first.ruleSet);
  const metrics = new ServiceMetrics({ rules, processMetrics: config.METRICS_PROCESS });
  const lifecycle = new ServiceLifecycle();
  const reloader = new RuleSetReloader({
    holder: rules,
    readFiles,
    prepare,
    clock,
    logger,
    onActivated: () => sources.retainOnly(rules.current().sources),
    onRefused: () => metrics.reloadRefused(),
    loadedFrom: files,
  });
  const watcher = config.RULES_WATCH
    ? watchRuleDirectory({
        dir: config.RULES_DIR,
        debounceMs: config.RULES_RELOAD_DEBOUNCE_MS,
        logger,
        onChange: () => void reloader.reload(),
      })
    : undefined;

  const customerFile =
    config.CUSTOMERS_FILE === undefined
      ? undefined
      : loadCustomerFileMatcher({
          path: config.CUSTOMERS_FILE,
          hashKey: config.CUSTOMER_HASH_KEY,
          defaultPhoneRegion: config.DEFAULT_PHONE_REGION,
          logger,
        });
  const customers: CustomerMatcher = customerFile ?? noCustomers;
  const hits = new RuleHitCounter();
  const scoring: ScoringDeps = {
    rules,
    customers,
    newId: randomUUID,
    signals: { defaultPhoneRegion: config.DEFAULT_PHONE_REGION },
    clock,
    deadlineMs: config.SCORE_DEADLINE_MS,
    scoreUnverified: config.SCORE_UNVERIFIED,
    hits,
    observer: metrics,
  };
  return {
    app: {
      scoring,
      ruleOps: createRuleOperations({
        // Dry runs decide nothing, so they are not counted as decisions.
        scoring: { ...scoring, observer: undefined },
        hits,
        lastReload: () => reloader.lastReload(),
        env,
        liveSources: sources.create,
        findLiveSource: (definition) => sources.find(definition),
      }),
      batch: {
        idempotency: new MemoryIdempotencyStore({
          ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
          maxBytes: config.IDEMPOTENCY_MAX_MB * 1024 * 1024,
        }),
        concurrency: config.BATCH_CONCURRENCY,
        shared: sharedLimiter(config.BATCH_MAX_IN_FLIGHT),
      },
      logger,
      requestLog: runtime.requestLog,
      openapiDocument: readFileSync(OPENAPI_PATH, 'utf8'),
      auth,
      trustedProxies: config.TRUSTED_PROXIES,
      metrics,
      lifecycle,
    },
    reloader,
    lifecycle,
    close: () => {
      watcher?.close();
      customerFile?.close();
      sources.closeAll();
    },
  };
}

/**
 * API keys from API_KEYS_FILE or API_KEYS, or open mode when neither is set (config.ts has
 * already refused that in production). A bad keys file stops start-up, naming each problem.
 */
function authSettings(config: Config): AuthSettings {
  const source =
    config.API_KEYS_FILE === undefined
      ? config.API_KEYS === undefined
        ? undefined
        : { name: 'API_KEYS', text: config.API_KEYS }
      : {
          name: `API_KEYS_FILE (${config.API_KEYS_FILE})`,
          text: readFileSync(config.API_KEYS_FILE, 'utf8'),
        };
  if (source === undefined) return { mode: 'open' };
  if (config.API_KEY_PEPPER === undefined) {
    throw new ConfigError(['API_KEY_PEPPER: required when API keys are configured']);
  }
  const parsed = parseApiKeysFile(source.text, source.name);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  return {
    mode: 'keys',
    registry: new ApiKeyRegistry({ pepper: config.API_KEY_PEPPER, file: parsed.file }),
    limits: {
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      publishablePerIpPerMinute: config.RATE_LIMIT_PUBLISHABLE_PER_IP_PER_MINUTE,
    },
    store: new MemoryRateLimitStore(),
    metricsAccess: config.METRICS_ACCESS,
  };
}
