import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
const RESULTS = join(__dirname, 'results.json');

export interface RunningService {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts the built service (dist/) as its own process, so load and server do not share a loop. */
export async function startService(
  port: number,
  env: Record<string, string> = {},
): Promise<RunningService> {
  const child = spawn(process.execPath, ['--disable-proto=delete', 'dist/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        return {
          url,
          pid: child.pid as number,
          stop: () =>
            new Promise((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('service did not start');
}

/** Adds one benchmark's figures to bench/results.json, keeping the others'. */
export function recordResults(name: string, figures: unknown): void {
  const all = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  all[name] = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    ...(figures as object),
  };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}
