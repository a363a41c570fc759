import { pino } from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { buildDependencies, type Dependencies } from './deps';
import { RuleSetInvalidError } from './engine/activate-rule-set';
import { formatProblem } from './engine/rule-set-problem';

/** Process entry: the only file that reads process.env, listens or exits. */
function main(): void {
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
    deps = buildDependencies(config, { clock: { now: () => new Date() }, logger });
  } catch (error) {
    if (error instanceof RuleSetInvalidError) {
      const lines = error.problems.map((problem) => formatProblem(problem, config.RULES_DIR));
      process.stderr.write(`Refusing to start: the rule set in ${config.RULES_DIR} is invalid.\n`);
      process.stderr.write(`${lines.join('\n')}\n${error.problems.length} problem(s)\n`);
      process.exit(1);
    }
    process.stderr.write(
      `Refusing to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }

  const server = createApp(deps.app).listen(config.PORT, config.HOST, () => {
    const version = deps.app.scoring.rules.current().version;
    logger.info({ port: config.PORT, host: config.HOST, ruleset: version }, 'listening');
  });

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      deps.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main();
