/**
 * Section 3: POST /v1/score while the CRM answers after 200 ms and the partner never answers,
 * with a new person at a new company on every request so no cached answer hides either fault.
 * The decision deadline is the service default (SCORE_DEADLINE_MS, 1,500 ms) unless
 * BENCH_DEADLINE_MS sets another.
 */
import type { BenchSection } from './bench-section';
import { target } from './bench-section';
import { loadJson } from './load';
import { envNumber, postJson, sandboxAdmin, startService } from './service-process';

const DEFAULT_DEADLINE_MS = 1500;
const SLOW = { group: 'crm', fault: { latencyMs: 200 } };
const HANGING = { group: 'partner', fault: { hang: true } };

/** A qualified-looking signup at company n, asking for a credit check (large order). */
function freshProspect(n: number): object {
  return {
    email: `buyer${n}@slow-bench-${n}.com`,
    firstName: 'Robin',
    lastName: 'Meyer',
    country: 'US',
    source: 'signup_form',
    company: { domain: `slow-bench-${n}.com`, employees: 240, industry: 'software' },
    consent: { creditCheck: true },
    attributes: { requestedDemo: true, seats: 60 },
  };
}

export async function runSlowSourcesBench(): Promise<BenchSection> {
  const deadlineMs = envNumber('BENCH_DEADLINE_MS', DEFAULT_DEADLINE_MS);
  const settings = {
    connections: envNumber('BENCH_SLOW_CONNECTIONS', 20),
    durationSeconds: envNumber('BENCH_SLOW_SECONDS', 10),
  };
  const service = await startService({ env: { SCORE_DEADLINE_MS: String(deadlineMs) } });
  try {
    await postJson(`${service.url}/v1/score`, freshProspect(0)); // code paths warm, faults not set
    await sandboxAdmin.setFault(service.sandboxUrl, SLOW.group, SLOW.fault);
    await sandboxAdmin.setFault(service.sandboxUrl, HANGING.group, HANGING.fault);
    await sandboxAdmin.resetCalls(service.sandboxUrl);
    let n = 0;
    const statuses: Record<string, Record<string, number>> = {};
    const decisions: Record<string, number> = {};
    const run = await loadJson(
      `${service.url}/v1/score`,
      () => freshProspect((n += 1)),
      settings,
      (text) => {
        const answer = JSON.parse(text) as {
          status?: string;
          lookups?: Array<{ source: string; status: string }>;
        };
        decisions[answer.status ?? 'error'] = (decisions[answer.status ?? 'error'] ?? 0) + 1;
        for (const lookup of answer.lookups ?? []) {
          const bySource = (statuses[lookup.source] ??= {});
          bySource[lookup.status] = (bySource[lookup.status] ?? 0) + 1;
        }
      },
    );
    const upstreamCalls = await sandboxAdmin.calls(service.sandboxUrl);
    await sandboxAdmin.clearFaults(service.sandboxUrl);
    await service.stop();
    const loopDelay = service.eventLoopDelayMs();
    const limit = deadlineMs + 50;
    return {
      id: 'slowSources',
      title: `Latency with the CRM slow (200 ms) and the partner hanging (${settings.connections} connections, ${settings.durationSeconds} s, a new prospect per request, SCORE_DEADLINE_MS=${deadlineMs})`,
      table: [
        {
          requests: run.requests,
          'req/s': run.requestsPerSecond,
          'p50 ms': run.latencyMs.p50,
          'p99 ms': run.latencyMs.p99,
          'max ms': run.latencyMs.max,
          'deadline ms': deadlineMs,
          'non-2xx': run.non2xx,
          errors: run.errors + run.timeouts,
          'service loop delay p99 ms': loopDelay?.p99 ?? '?',
        },
      ],
      figures: {
        settings,
        faults: [SLOW, HANGING],
        deadlineMs,
        deadlineSource: process.env.BENCH_DEADLINE_MS ? 'BENCH_DEADLINE_MS' : 'service default',
        ...run,
        decisions,
        lookupStatusesInAnswers: statuses,
        upstreamCalls,
        serviceEventLoopDelayMs: loopDelay,
      },
      targets: [
        target('p99 with a slow and a hanging source', run.latencyMs.p99, '<=', limit, 'ms'),
      ],
    };
  } finally {
    await service.stop();
  }
}
