import { getHeapStatistics } from 'node:v8';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createLogger, requestLineLogger } from './adapters/create-logger';
import { heapBudgetFits, type HeapBudget } from './adapters/heap-budget';
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
  const logger = createLogger({ level: config.LOG_LEVEL });

  let deps: Dependencies;
  try {
    deps = await buildDependencies(config, {
      clock: { now: () => new Date() },
      logger,
      requestLog: requestLineLogger(logger),
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

  const heap: HeapBudget = {
    limitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    atStartMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    storesMb:
      config.LOOKUP_CACHE_MAX_MB * deps.app.scoring.rules.current().sources.length +
      config.IDEMPOTENCY_MAX_MB,
  };
  if (!heapBudgetFits(heap)) {
    logger.warn(
      { heap },
      'the heap limit may be too small for what is loaded plus the lookup caches and idempotency store: raise --max-old-space-size or lower LOOKUP_CACHE_MAX_MB / IDEMPOTENCY_MAX_MB',
    );
  }

  // After the rule set is known to be good: a refused start should not leave a sandbox behind.
  const sandbox = await startBundledSandbox(config, logger);
  const server = createApp(deps.app).listen(config.PORT, config.HOST, () => {
    const version = deps.app.scoring.rules.current().version;
    // The bound port, not the configured one: PORT=0 picks a free port.
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
    logger.info({ port, host: config.HOST, ruleset: version }, 'listening');
  });
  // Slow or idle clients must not hold connections (and the personal data in flight) forever.
  server.requestTimeout = config.REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_MS;

  let stopping = false;
  const onSignal = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      logger.flush();
      process.exit(1);
    }
    stopping = true;
    shutDown({ server, deps, sandbox, logger, config, signal });
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

interface ShutdownContext {
  server: Server;
  deps: Dependencies;
  sandbox: RunningSandbox | undefined;
  logger: Logger;
  config: Config;
  signal: string;
}

/**
 * Stops without dropping requests: not ready from now on, no new connections, every request in
 * flight answered (NDJSON streams until SHUTDOWN_GRACE_MS, then ended with a "shutting down"
 * line), then sources, watchers and the sandbox closed, the log flushed, exit 0. Past
 * SHUTDOWN_TIMEOUT_MS it exits 1 with work left.
 */
function shutDown({ server, deps, sandbox, logger, config, signal }: ShutdownContext): void {
  logger.info(
    { signal, graceMs: config.SHUTDOWN_GRACE_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
    'shutting down: finishing requests in flight',
  );
  deps.lifecycle.beginShutdown();
  const hardStop = setTimeout(() => {
    logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
    logger.flush();
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  hardStop.unref();
  const streams = setTimeout(() => deps.lifecycle.endStreams(), config.SHUTDOWN_GRACE_MS);
  streams.unref();
  // A keep-alive connection whose request was under way when shutdown began becomes idle only
  // after its answer; close such connections as they go idle rather than wait for their timeout.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  sweep.unref();
  server.close(() => {
    clearTimeout(streams);
    clearInterval(sweep);
    deps.close();
    void (sandbox?.close() ?? Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        logger.info({}, 'stopped');
        logger.flush();
        process.exit(0);
      });
  });
  server.closeIdleConnections();
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
