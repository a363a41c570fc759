import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The user's own settings must not leak into what the tests expect. */
export const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PROSPECT_SCORER_API_KEY: '',
  CUSTOMERS_FILE: '',
  SCORE_UNVERIFIED: '',
  ...extra,
});

export const enrichCliArgs = (args: readonly string[]) => [
  require.resolve('tsx/cli'),
  'src/cli/prospect-scorer.ts',
  'enrich',
  ...args,
];

/**
 * Runs `prospect-scorer enrich` as its own process without blocking this one, so it can talk to
 * a server running in the test process.
 */
export async function runEnrichCli(args: readonly string[], env?: Record<string, string>) {
  const child = spawn(process.execPath, enrichCliArgs(args), { cwd: ROOT, env: cleanEnv(env) });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  return {
    status,
    stdout: Buffer.concat(stdout),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}
