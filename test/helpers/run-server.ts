import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-test-app';

const TSX_CLI = require.resolve('tsx/cli');
const SERVER = join(PROJECT_ROOT, 'src', 'server.ts');

/** Runs the real process entry with the given environment until it exits (for refusals). */
export function runServerToExit(env: Record<string, string>, timeoutMs = 15000) {
  const result = spawnSync(process.execPath, [TSX_CLI, SERVER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', SANDBOX_PORT: 'off', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

/** Starts the real process entry and resolves once it logs that it is listening. */
export function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX_CLI, SERVER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

export { spawn };
