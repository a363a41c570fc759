/**
 * Throughput and latency of POST /v1/score through the built service, one process for the server
 * and this one for the load (autocannon), so the load generator does not share the server's
 * event loop. Run with `npm run bench`.
 */
import autocannon from 'autocannon';
import { aCorporateSignup } from '../test/helpers/prospects';
import { recordResults, startService } from './service-process';

const PORT = Number(process.env.BENCH_PORT ?? 18_555);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const SCENARIOS: Record<string, object> = {
  'qualified corporate signup': aCorporateSignup(),
  'disposable email': { email: 'sam@mailinator.com', firstName: 'Sam', lastName: 'Park' },
  'existing customer': { email: 'olivia.chen@fabrikam-industries.com' },
};

async function main(): Promise<void> {
  const server = await startService(PORT, { CUSTOMERS_FILE: 'docs/examples/customers.txt' });
  try {
    const results: Record<string, unknown> = {};
    for (const [name, body] of Object.entries(SCENARIOS)) {
      const run = await autocannon({
        url: `${server.url}/v1/score`,
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
    recordResults('httpScore', report);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
