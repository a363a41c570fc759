/**
 * Section 2: POST /v1/score (default rules, lookups warm in cache) against a bare Express 5 route
 * parsing the same JSON, with the same autocannon settings, rounds interleaved (bare, service,
 * service, bare, ...) so drift on a shared machine hits both alike; medians are compared.
 */
import type { BenchSection } from './bench-section';
import { target } from './bench-section';
import { loadJson, median, type LoadResult, type LoadSettings } from './load';
import {
  canPin,
  envNumber,
  freePort,
  postJson,
  processCpuMs,
  round,
  SERVER_CPU,
  startNodeProcess,
  startService,
  type RunningProcess,
} from './service-process';
import { aCorporateSignup } from '../test/helpers/prospects';

export const SCORE_BODY = aCorporateSignup({ consent: { creditCheck: true } });

/** One load run and the CPU the server spent on it, per request (µs), where /proc tells. */
export interface HttpRun extends LoadResult {
  serverCpuMicrosPerRequest?: number;
}

export async function measuredRun(
  server: RunningProcess,
  settings: LoadSettings,
): Promise<HttpRun> {
  const cpuBefore = processCpuMs(server.pid);
  const run = await loadJson(`${server.url}/v1/score`, SCORE_BODY, settings);
  const cpuAfter = processCpuMs(server.pid);
  if (cpuBefore === undefined || cpuAfter === undefined || run.requests === 0) return run;
  return {
    ...run,
    serverCpuMicrosPerRequest: round(((cpuAfter - cpuBefore) * 1000) / run.requests),
  };
}

/** Medians of one server's runs; the CPU figure only when every run has it. */
export function summariseRuns(list: HttpRun[]) {
  const cpu = list.flatMap((r) => r.serverCpuMicrosPerRequest ?? []);
  return {
    requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
    p50Ms: median(list.map((r) => r.latencyMs.p50)),
    p99Ms: median(list.map((r) => r.latencyMs.p99)),
    ...(cpu.length === list.length && { serverCpuMicrosPerRequest: median(cpu) }),
  };
}

export function httpLoadSettings(): LoadSettings {
  return {
    connections: envNumber('BENCH_HTTP_CONNECTIONS', 10),
    durationSeconds: envNumber('BENCH_HTTP_SECONDS', 10),
  };
}

export async function startBareExpress(fixedBody: string): Promise<RunningProcess> {
  const port = await freePort();
  return startNodeProcess(
    ['--import', 'tsx', '--disable-proto=delete', 'bench/bare-express-server.ts'],
    {
      port,
      env: { PORT: String(port), BARE_BODY: fixedBody },
    },
  );
}

/** The service with its lookups warm: the same body again answers from the lookup caches. */
export async function warmService(url: string): Promise<unknown> {
  const first = (await postJson(`${url}/v1/score`, SCORE_BODY)) as { lookups: unknown[] };
  if (first.lookups.length === 0) throw new Error('the benchmark body asks no source');
  return postJson(`${url}/v1/score`, SCORE_BODY);
}

export async function runHttpThroughputBench(): Promise<BenchSection> {
  const settings = httpLoadSettings();
  const rounds = envNumber('BENCH_HTTP_ROUNDS', 2);
  const warmup = { ...settings, durationSeconds: envNumber('BENCH_HTTP_WARMUP_SECONDS', 2) };
  const service = await startService();
  let bare: RunningProcess | undefined;
  try {
    const answer = await warmService(service.url);
    const status = (answer as { lookups: Array<{ source: string; status: string }> }).lookups;
    bare = await startBareExpress(JSON.stringify(answer));
    const servers = { bare, service };
    // JIT and connection warm-up for both, not measured.
    await loadJson(`${bare.url}/v1/score`, SCORE_BODY, warmup);
    await loadJson(`${service.url}/v1/score`, SCORE_BODY, warmup);
    const runs: Record<'bare' | 'service', HttpRun[]> = { bare: [], service: [] };
    for (let i = 0; i < rounds; i += 1) {
      const order: Array<'bare' | 'service'> =
        i % 2 === 0 ? ['bare', 'service'] : ['service', 'bare'];
      for (const name of order) {
        const run = await measuredRun(servers[name], settings);
        if (run.non2xx > 0 || run.errors > 0)
          throw new Error(`${name}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
        runs[name].push(run);
      }
    }
    await service.stop();
    const loopDelay = service.eventLoopDelayMs();
    const bareSummary = summariseRuns(runs.bare);
    const serviceSummary = summariseRuns(runs.service);
    const throughputRatio = round(
      serviceSummary.requestsPerSecond / bareSummary.requestsPerSecond,
      3,
    );
    const p99Ratio = round(serviceSummary.p99Ms / bareSummary.p99Ms, 3);
    const serviceCpu = serviceSummary.serverCpuMicrosPerRequest;
    const bareCpu = bareSummary.serverCpuMicrosPerRequest;
    const cpuRatio =
      serviceCpu === undefined || bareCpu === undefined
        ? undefined
        : round(serviceCpu / bareCpu, 3);
    const pinned = canPin();
    const cores = pinned
      ? `server pinned to CPU ${SERVER_CPU}, load generator to the other`
      : 'not pinned: server and load generator share the CPUs';
    const row = (name: string, s: ReturnType<typeof summariseRuns>) => ({
      route: name,
      'req/s': s.requestsPerSecond,
      'p50 ms': s.p50Ms,
      'p99 ms': s.p99Ms,
      'server CPU µs/req': s.serverCpuMicrosPerRequest ?? 'n/a',
    });
    return {
      id: 'http',
      title: `HTTP: POST /v1/score vs bare Express 5 (${settings.connections} connections, pipelining 1, ${settings.durationSeconds} s x ${rounds} rounds each, interleaved, medians; ${cores})`,
      table: [
        row('bare Express 5 (express.json, fixed body)', bareSummary),
        row('POST /v1/score (default rules, lookups cached)', serviceSummary),
        {
          route: 'ratio service / bare',
          'req/s': throughputRatio,
          'p50 ms': round(serviceSummary.p50Ms / bareSummary.p50Ms, 3),
          'p99 ms': p99Ratio,
          'server CPU µs/req': cpuRatio ?? 'n/a',
        },
      ],
      figures: {
        settings: { ...settings, pipelining: 1, rounds, warmupSeconds: warmup.durationSeconds },
        cpuPinning: cores,
        body: SCORE_BODY,
        lookupsInAnswer: status,
        responseBytes: JSON.stringify(answer).length,
        bare: { ...bareSummary, runs: runs.bare },
        service: { ...serviceSummary, runs: runs.service },
        throughputRatio,
        p99Ratio,
        ...(cpuRatio !== undefined && { serverCpuRatio: cpuRatio }),
        serviceEventLoopDelayMs: loopDelay,
      },
      targets: [
        target('HTTP throughput: service / bare Express', throughputRatio, '>=', 0.6, 'x'),
        target('HTTP p99: service / bare Express', p99Ratio, '<=', 2, 'x'),
      ],
    };
  } finally {
    await bare?.stop();
    await service.stop();
  }
}
