/**
 * Throughput and latency of POST /v1/score through the built service, one process for the server
 * and this one for the load (autocannon), so the load generator does not share the server's
 * event loop. Run with `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { aCorporateSignup } from '../test/helpers/prospects';

const ROOT = join(__dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 18_555);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const SCENARIOS: Record<string, object> = {
  'qualified corporate signup': aCorporateSignup(),
  'disposable email': { email: 'sam@mailinator.com', firstName: 'Sam', lastName: 'Park' },
  'existing customer': { email: 'olivia.chen@fabrikam-industries.com' },
};

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('service did not start');
}

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['--disable-proto=delete', 'dist/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CUSTOMERS_FILE: 'docs/examples/customers.txt',
    },
    stdio: 'inherit',
  });
  try {
    await waitForHealth();
    const results: Record<string, unknown> = {};
    for (const [name, body] of Object.entries(SCENARIOS)) {
      const run = await autocannon({
        url: `http://127.0.0.1:${PORT}/v1/score`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        connections: CONNECTIONS,
        duration: DURATION_S,
      });
      if (run.non2xx > 0 || run.errors > 0)
        throw new Error(`${name}: ${run.non2xx} non-2xx, ${run.errors} errors`);
      results[name] = {
        requestsPerSecond: Math.round(run.requests.average),
        latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
        requests: run.requests.total,
      };
    }
    const report = {
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      results,
    };
    console.table(
      Object.fromEntries(
        Object.entries(results).map(([name, r]) => {
          const { requestsPerSecond, latencyMs } = r as {
            requestsPerSecond: number;
            latencyMs: { p50: number; p99: number };
          };
          return [
            name,
            { 'req/s': requestsPerSecond, 'p50 ms': latencyMs.p50, 'p99 ms': latencyMs.p99 },
          ];
        }),
      ),
    );
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
