/**
 * Where section 2's CPU per request goes: what a decision costs inside one process with no HTTP,
 * and what it adds when served.
 *
 * 1. In process: the request body parsed and checked, then a whole decision (warm lookups,
 *    presented and stringified as the route sends it). Each back to back, and again with the
 *    process asleep for 1 ms before each call (the sleep's own CPU taken off), which is closer
 *    to what a served decision meets between requests than a tight loop is.
 * 2. Served: each server's CPU per request (from /proc) under section 2's load, for Node's http
 *    module answering a fixed body, the same making the decision, the bare Express route, and
 *    the service.
 *
 * `npm run bench:decision` (about 2 minutes). Not part of `npm run bench`: it explains section 2's
 * figures rather than adding a target. BENCH_DECISION_ROUNDS (default 7) in-process rounds and
 * BENCH_HTTP_ROUNDS (default 2) served rounds alternate the variants so drift on a shared machine
 * hits each alike; medians are printed.
 */
import {
  startBareExpress,
  SCORE_BODY,
  httpLoadSettings,
  measuredRun,
  summariseRuns,
  warmService,
} from './http-throughput';
import type { HttpRun } from './http-throughput';
import { decideAndPresent, parseScoreBody, startInProcessScoring } from './in-process-scoring';
import { loadJson, median } from './load';
import {
  canPin,
  envNumber,
  freePort,
  pinLoadGenerator,
  round,
  sleep,
  startNodeProcess,
  startService,
  type RunningProcess,
} from './service-process';

const BODY_TEXT = JSON.stringify(SCORE_BODY);

type Operation = () => unknown;

/** CPU µs (user + system) per call of `operation`, each call preceded by `before`. */
async function cpuPerCall(calls: number, before: Operation, operation: Operation): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    await before();
    await operation();
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

const nothing: Operation = () => undefined;
const sleepOneMs: Operation = () => sleep(1);

async function inProcess(rounds: number): Promise<Array<Record<string, string | number>>> {
  const { scoring, close } = await startInProcessScoring();
  const operations: Array<[string, Operation]> = [
    ['parse and check the body (JSON.parse + zod)', () => parseScoreBody(BODY_TEXT)],
    [
      'whole decision (parse, score, present, stringify)',
      () => decideAndPresent(scoring, BODY_TEXT),
    ],
  ];
  try {
    // Warm-up: lookups into the caches, code through V8's tiers.
    await cpuPerCall(3000, nothing, () => decideAndPresent(scoring, BODY_TEXT));
    const backToBack = operations.map((): number[] => []);
    const afterSleep = operations.map((): number[] => []);
    const sleepAlone: number[] = [];
    for (let i = 0; i < rounds; i++) {
      sleepAlone.push(await cpuPerCall(300, nothing, sleepOneMs));
      for (const [index, [, operation]] of operations.entries()) {
        backToBack[index]?.push(await cpuPerCall(2000, nothing, operation));
        afterSleep[index]?.push(await cpuPerCall(300, sleepOneMs, operation));
      }
    }
    // Medians subtracted, not round by round: the sleep's own CPU is noisy and a bad round would
    // otherwise swing the figure by its whole size.
    const sleepCost = median(sleepAlone);
    return operations.map(([name], index) => {
      const tight = median(backToBack[index] ?? []);
      const spaced = median(afterSleep[index] ?? []) - sleepCost;
      return {
        operation: name,
        'back to back': round(tight),
        'after 1 ms asleep': round(spaced),
        ratio: round(spaced / tight, 2),
      };
    });
  } finally {
    await close();
  }
}

async function startNodeHttp(fixedBody?: string): Promise<RunningProcess> {
  const port = await freePort();
  return startNodeProcess(
    ['--import', 'tsx', '--disable-proto=delete', 'bench/node-http-server.ts'],
    {
      port,
      env: { PORT: String(port), ...(fixedBody === undefined ? {} : { BARE_BODY: fixedBody }) },
    },
  );
}

async function served(): Promise<Array<Record<string, string | number>>> {
  const settings = httpLoadSettings();
  const warmup = { ...settings, durationSeconds: envNumber('BENCH_HTTP_WARMUP_SECONDS', 2) };
  const rounds = envNumber('BENCH_HTTP_ROUNDS', 2);
  const servers: Array<[string, RunningProcess]> = [];
  try {
    const service = await startService();
    servers.push(['service: POST /v1/score', service]);
    const answer = JSON.stringify(await warmService(service.url));
    servers.push(['Express 5, fixed body (section 2 yardstick)', await startBareExpress(answer)]);
    servers.push(['node:http, fixed body', await startNodeHttp(answer)]);
    servers.push(['node:http, the decision', await startNodeHttp()]);
    for (const [, server] of servers) await loadJson(`${server.url}/v1/score`, SCORE_BODY, warmup);
    const runs = servers.map((): HttpRun[] => []);
    for (let i = 0; i < rounds; i++) {
      const order = servers.map((_, index) => index);
      if (i % 2 === 1) order.reverse();
      for (const index of order) {
        const [name, server] = servers[index] as [string, RunningProcess];
        const run = await measuredRun(server, settings);
        if (run.non2xx > 0 || run.errors > 0) {
          throw new Error(`${name}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
        }
        runs[index]?.push(run);
      }
    }
    return servers.map(([name], index) => {
      const summary = summariseRuns(runs[index] ?? []);
      return {
        server: name,
        'req/s': summary.requestsPerSecond,
        'p99 ms': summary.p99Ms,
        'server CPU µs/req': summary.serverCpuMicrosPerRequest ?? 'n/a',
      };
    });
  } finally {
    await Promise.all(servers.map(([, server]) => server.stop()));
  }
}

async function main(): Promise<void> {
  await pinLoadGenerator();
  const rounds = envNumber('BENCH_DECISION_ROUNDS', 7);
  console.log(`1. In process: CPU µs per call, median of ${rounds} alternated rounds`);
  console.table(await inProcess(rounds));
  const { connections, durationSeconds } = httpLoadSettings();
  const pinned = canPin() ? 'server and load generator pinned to a core each' : 'not pinned';
  console.log(
    `2. Served: ${connections} connections, ${durationSeconds} s runs, medians; ${pinned} (Node ${process.version})`,
  );
  console.table(await served());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
