import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../../config';
import { RuleSetRefusedError, buildDependencies, type Dependencies } from '../../deps';
import type { Logger } from '../../domain/ports';
import { parseBatchRecord } from '../../http/batch-records';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { DescribeError } from './error-describer';
import type { RowScorer } from './row-scorer';
import { sandboxEnv } from '../../sandbox/sandbox-env';
import { scoreInOrder } from './score-in-order';
import { UsageError } from './usage-error';

type Env = Readonly<Record<string, string | undefined>>;

/** Decisions in flight at once, as a batch request gets from the service. */
const CONCURRENCY = 16;
const REORDER_WINDOW = CONCURRENCY * 16;

/** Settings of the service that change decisions; the rest (ports, watching) do not apply. */
const SCORING_VARIABLES = [
  'CUSTOMERS_FILE',
  'CUSTOMER_HASH_KEY',
  'DEFAULT_PHONE_REGION',
  'SCORE_DEADLINE_MS',
  'SCORE_UNVERIFIED',
] as const;

/** The rules this package ships, for when the current directory has no rules/ of its own. */
const BUNDLED_RULES_DIR = join(__dirname, '..', '..', '..', 'rules');

export interface InProcessOptions {
  /** Rules directory; without one, ./rules if it exists, else the bundled rules. */
  rulesDir: string | undefined;
  /** Point the default sources at a bundled sandbox started for this run. */
  sandbox: boolean;
  env: Env;
  logger: Logger;
  describeError: DescribeError;
}

/**
 * Scores with the real service code in this process: the same rule set checks, customer file,
 * lookup sources, caches and deadlines as the server, built by buildDependencies.
 */
export async function startInProcessScorer(options: InProcessOptions): Promise<RowScorer> {
  const { env } = options;
  const rulesDir = options.rulesDir ?? (existsSync('rules') ? 'rules' : BUNDLED_RULES_DIR);
  if (!existsSync(rulesDir)) throw new UsageError(`--rules ${rulesDir}: no such directory`);
  const scoringEnv = Object.fromEntries(SCORING_VARIABLES.map((name) => [name, env[name]]));
  let config: Config;
  try {
    config = loadConfig({
      ...scoringEnv,
      RULES_DIR: rulesDir,
      SANDBOX_PORT: 'off',
      RULES_WATCH: 'false',
      LOG_LEVEL: 'silent',
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new UsageError(`invalid environment: ${error.problems.join('; ')}`, { cause: error });
    }
    throw error;
  }

  const sandbox = options.sandbox ? await startSandbox({ port: 0 }) : undefined;
  let deps: Dependencies;
  try {
    deps = await buildDependencies(config, {
      clock: { now: () => new Date() },
      logger: options.logger,
      env: sandbox === undefined ? env : { ...env, ...sandboxEnv(sandbox.url) },
    });
  } catch (error) {
    await sandbox?.close();
    throw setupError(error, rulesDir);
  }

  const rules =
    rulesDir === BUNDLED_RULES_DIR
      ? 'the rules this package ships'
      : `the rules in ${relative('.', rulesDir) || '.'}/`;
  return {
    description:
      `in-process with ${rules}, ` +
      (sandbox === undefined
        ? 'calling the configured lookup sources'
        : 'lookups answered by the bundled sandbox'),
    score: (rows) =>
      scoreInOrder(deps.app.scoring, rows, {
        batch: {
          parse: parseBatchRecord,
          concurrency: CONCURRENCY,
          // Nothing else shares this process, so there is no live traffic to leave room for.
          shared: { run: (task) => task() },
          onUnexpected: (error) => ({
            code: 'internal_error',
            status: 500,
            detail: String(error),
          }),
        },
        window: REORDER_WINDOW,
        describeError: options.describeError,
      }),
    close: async () => {
      deps.close();
      await sandbox?.close();
    },
  };
}

function setupError(error: unknown, rulesDir: string): Error {
  if (error instanceof RuleSetRefusedError) {
    const [first] = error.errors;
    const more = error.errors.length > 1 ? ` (and ${error.errors.length - 1} more)` : '';
    return new UsageError(`the rule set in ${rulesDir} was refused: ${first}${more}`, {
      cause: error,
    });
  }
  // Typically an unreadable CUSTOMERS_FILE or a source secret that is not set.
  return new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
}
