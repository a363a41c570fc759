import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './app';
import { loadCustomerFileMatcher, noCustomers } from './adapters/customer-file';
import { HttpLookupSource } from './adapters/http-source/http-lookup-source';
import { readRuleSetFiles } from './adapters/rule-set-directory';
import type { Config } from './config';
import type { Clock, CustomerMatcher, Logger } from './domain/ports';
import { activateRuleSet } from './engine/activate-rule-set';
import { RuleSetHolder } from './engine/rule-set-holder';
import type { SourceDefinition } from './engine/source-file-schema';

export interface Runtime {
  clock: Clock;
  logger: Logger;
  /** The environment, for the variables sources.json names (base URL overrides, secrets). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface Dependencies {
  app: AppDeps;
  close(): void;
}

/** The project's openapi.yaml, found beside src/ or dist/. */
export const OPENAPI_PATH = join(__dirname, '..', 'openapi.yaml');

/**
 * The composition root: the only place adapters, stores and engines are constructed. Throws
 * RuleSetInvalidError for a bad rule set, so the service never starts half-loaded.
 */
export function buildDependencies(config: Config, runtime: Runtime): Dependencies {
  const createSource = (definition: SourceDefinition) =>
    new HttpLookupSource({
      definition,
      env: runtime.env,
      now: () => runtime.clock.now().getTime(),
    });
  const rules = new RuleSetHolder(
    activateRuleSet(readRuleSetFiles(config.RULES_DIR), runtime.clock.now(), createSource),
  );
  const customerFile =
    config.CUSTOMERS_FILE === undefined
      ? undefined
      : loadCustomerFileMatcher({
          path: config.CUSTOMERS_FILE,
          hashKey: config.CUSTOMER_HASH_KEY,
          defaultPhoneRegion: config.DEFAULT_PHONE_REGION,
          logger: runtime.logger,
        });
  const customers: CustomerMatcher = customerFile ?? noCustomers;
  return {
    app: {
      scoring: {
        rules,
        customers,
        newId: randomUUID,
        signals: { defaultPhoneRegion: config.DEFAULT_PHONE_REGION },
        clock: runtime.clock,
        deadlineMs: config.SCORE_DEADLINE_MS,
        scoreUnverified: config.SCORE_UNVERIFIED,
      },
      logger: runtime.logger,
      openapiDocument: readFileSync(OPENAPI_PATH, 'utf8'),
    },
    close: () => {
      customerFile?.close();
      for (const source of rules.current().sources) source.close();
    },
  };
}
