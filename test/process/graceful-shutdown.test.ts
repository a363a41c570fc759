import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxEnv } from '../../src/sandbox/sandbox-env';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { DEFAULT_RULES_DIR, PROJECT_ROOT } from '../helpers/build-test-app';
import { aCorporateSignup } from '../helpers/prospects';

const IN_FLIGHT = 200;

/** The default rules with a CRM source patient and wide enough to hold every request open. */
function rulesWithSlowCrm(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, 'sources.json');
  const sources = JSON.parse(readFileSync(file, 'utf8')) as {
    sources: Array<Record<string, unknown>>;
  };
  for (const source of sources.sources) {
    if (source.name === 'crm') Object.assign(source, { timeoutMs: 10_000, maxConcurrent: 256 });
  }
  writeFileSync(file, JSON.stringify(sources));
  return dir;
}

/** The real process entry in one node process (no wrapper in between to relay signals). */
function startService(env: Record<string, string>): {
  child: ChildProcess;
  port: Promise<number>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'server.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const listening = buffered
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; port?: number })
        .find((line) => line.msg === 'listening');
      if (listening?.port !== undefined) resolve(listening.port);
    });
    void exit.then((code) => reject(new Error(`the service exited (${code}) before listening`)));
  });
  return { child, port, exit };
}

describe('SIGTERM while requests are in flight', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it(`answers all ${IN_FLIGHT} requests in flight with 200, then exits 0`, async () => {
    // Every decision waits on the CRM, so all requests are still in flight when the signal comes.
    sandbox.faults.set('crm', { latencyMs: 1500 });
    const service = startService({
      ...sandboxEnv(sandbox.url),
      RULES_DIR: rulesWithSlowCrm(),
      RULES_WATCH: 'false',
      SANDBOX_PORT: 'off',
      SCORE_DEADLINE_MS: '20000',
      METRICS_PROCESS: 'false',
    });
    try {
      const port = await service.port;
      const answers = Array.from({ length: IN_FLIGHT }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/v1/score`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(aCorporateSignup({ email: `lead${i}@northwind-analytics.com` })),
        }).then(async (res) => ({
          status: res.status,
          body: (await res.json()) as { status?: string },
        })),
      );
      // Each request asks the CRM about its own email: once the CRM has them all, they are all
      // in flight in the service.
      while (sandbox.calls.count('crm') < IN_FLIGHT) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      service.child.kill('SIGTERM');

      const results = await Promise.all(answers);
      const code = await service.exit;

      expect(results.filter((res) => res.status === 200)).toHaveLength(IN_FLIGHT);
      expect(results.every((res) => res.body.status === 'scored')).toBe(true);
      expect(code).toBe(0);
    } finally {
      service.child.kill('SIGKILL');
    }
  }, 90_000);
});
