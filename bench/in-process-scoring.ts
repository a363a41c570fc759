/**
 * The service's scoring dependencies built inside the calling process (default rules, sources
 * pointed at a sandbox started here, logs off), for benchmarks that measure a decision without
 * the service's HTTP layer around it.
 */
import { pino } from 'pino';
import { loadConfig } from '../src/config';
import { buildDependencies } from '../src/deps';
import { scoreProspect, type ScoringDeps } from '../src/domain/score-prospect';
import { parseInput } from '../src/http/parse-input';
import { presentDecision } from '../src/http/present-decision';
import { ScoreRequestSchema, splitRequest } from '../src/http/request-schemas';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { sandboxEnv } from '../src/sandbox/sandbox-env';

export interface InProcessScoring {
  scoring: ScoringDeps;
  close(): Promise<void>;
}

export async function startInProcessScoring(): Promise<InProcessScoring> {
  const sandbox = await startSandbox({ port: 0 });
  const config = loadConfig({ RULES_WATCH: 'false', LOG_LEVEL: 'silent' });
  const deps = await buildDependencies(config, {
    clock: { now: () => new Date() },
    logger: pino({ level: 'silent' }),
    env: { ...process.env, ...sandboxEnv(sandbox.url) },
  });
  return {
    scoring: deps.app.scoring,
    close: async () => {
      deps.close();
      await sandbox.close();
    },
  };
}

/** What POST /v1/score does with a body, without Express: parse and check, score, present. */
export function parseScoreBody(text: string) {
  return splitRequest(parseInput(ScoreRequestSchema, JSON.parse(text)), {});
}

export async function decideAndPresent(scoring: ScoringDeps, text: string): Promise<string> {
  const { prospect, options } = parseScoreBody(text);
  return JSON.stringify(presentDecision(await scoreProspect(scoring, prospect, options)));
}
