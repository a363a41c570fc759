import { pino, type Logger } from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { RuleSetRefusedError, buildDependencies, type Dependencies } from './deps';
import { startSandbox, type RunningSandbox } from './sandbox/start-sandbox';

/** Process entry: the only file that reads process.env, listens or exits. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'prospect-scorer' } });

  let deps: Dependencies;
  try {
    deps = await buildDependencies(config, {
      clock: { now: () => new Date() },
      logger,
      env: process.env,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Refusing to start: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof RuleSetRefusedError) {
      const dir = config.RULES_DIR.replace(/\/$/, '');
      process.stderr.write(`Refusing to start: the rule set in ${dir} is invalid.\n`);
      process.stderr.write(error.errors.map((line) => `${dir}/${line}\n`).join(''));
      process.stderr.write(`${error.errors.length} problem(s)\n`);
      process.exit(1);
    }
    process.stderr.write(
      `Refusing to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }

  if (deps.app.auth.mode === 'open') {
    logger.warn(
      { auth: 'open' },
      'development mode, no API keys configured: every route is open to anyone',
    );
  }

  // After the rule set is known to be good: a refused start should not leave a sandbox behind.
  const sandbox = await startBundledSandbox(config, logger);
  const server = createApp(deps.app).listen(config.PORT, config.HOST, () => {
    const version = deps.app.scoring.rules.current().version;
    logger.info({ port: config.PORT, host: config.HOST, ruleset: version }, 'listening');
  });
  // Slow or idle clients must not hold connections (and the personal data in flight) forever.
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_MS;

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      deps.close();
      void (sandbox?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/**
 * The sandbox sources the default sources.json points at, so a fresh clone shows lookups
 * working. Production sets SANDBOX_PORT=off and points sources.json at real sources.
 */
async function startBundledSandbox(
  config: Config,
  logger: Logger,
): Promise<RunningSandbox | undefined> {
  if (config.SANDBOX_PORT === 'off') return undefined;
  try {
    const sandbox = await startSandbox({ port: config.SANDBOX_PORT, host: '127.0.0.1' });
    logger.info({ url: sandbox.url }, 'sandbox sources listening (SANDBOX_PORT=off to disable)');
    return sandbox;
  } catch (error) {
    logger.warn({ err: error, port: config.SANDBOX_PORT }, 'sandbox sources could not start');
    return undefined;
  }
}

void main();
