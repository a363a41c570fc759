/**
 * Lookups under load, against the built service and its bundled sandbox sources:
 * 1. upstream calls for 1,000 prospects with repeats, against calling every source every time;
 * 2. latency of POST /v1/score while one source (the partner) hangs.
 * Run with `npm run bench`.
 */
import autocannon from 'autocannon';
import { recordResults, startService } from './service-process';

const PORT = Number(process.env.BENCH_PORT ?? 18_556);
const SANDBOX_PORT = 4010; // where the default sources.json points
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const SOURCES_PER_SCORE = 3; // crm, partner, credit: what /v1/score could ask for every prospect

/** 1,000 prospects: 250 people at 125 companies, each seen 4 times, in a fixed shuffled order. */
function repeatingMix(): object[] {
  const people = Array.from({ length: 250 }, (_, i): object => {
    const company = `bench-company-${i % 125}.com`;
    const base = {
      email: `person${i}@${company}`,
      company: { domain: company },
      source: 'signup_form',
    };
    if (i % 10 === 0) return { ...base, email: `person${i}@mailinator.com` };
    if (i % 25 === 1) return { ...base, email: 'olivia.chen@fabrikam-industries.com' };
    if (i % 5 === 2) return { ...base, consent: { creditCheck: true }, attributes: { seats: 60 } };
    return base;
  });
  const mix: object[] = [...people, ...people, ...people, ...people];
  let seed = 42;
  for (let i = mix.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [mix[i], mix[j]] = [mix[j] as object, mix[i] as object];
  }
  return mix;
}

async function scoreAll(url: string, bodies: object[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${url}/v1/score`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`score answered ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function sandboxCalls(): Promise<Record<string, number>> {
  return (await fetch(`${SANDBOX}/__sandbox/calls`)).json() as Promise<Record<string, number>>;
}

async function main(): Promise<void> {
  const service = await startService(PORT, { SANDBOX_PORT: String(SANDBOX_PORT) });
  try {
    await fetch(`${SANDBOX}/__sandbox/calls`, { method: 'DELETE' });
    const mix = repeatingMix();
    await scoreAll(service.url, mix, 20);
    const calls = await sandboxCalls();
    const upstream = (calls.crm ?? 0) + (calls.partner ?? 0) + (calls.credit ?? 0);
    const baseline = mix.length * SOURCES_PER_SCORE;
    const costs = {
      prospects: mix.length,
      upstreamCalls: calls,
      upstream,
      baseline,
      ratio: upstream / baseline,
    };

    await fetch(`${SANDBOX}/__sandbox/faults/partner`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hang: true }),
    });
    let n = 0;
    const run = await autocannon({
      url: `${service.url}/v1/score`,
      connections: 20,
      duration: Number(process.env.BENCH_SECONDS ?? 10),
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // A new company every request, so no cached partner answer hides the hang.
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ email: `buyer@hang-${(n += 1)}.com`, source: 'signup_form' }),
          }),
        },
      ],
    });
    await fetch(`${SANDBOX}/__sandbox/faults`, { method: 'DELETE' });
    const hanging = {
      deadlineMs: 1500,
      requests: run.requests.total,
      non2xx: run.non2xx,
      latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
    };

    console.table({
      'upstream calls, 1,000 prospects': {
        value: upstream,
        baseline,
        ratio: costs.ratio.toFixed(3),
      },
      'p99 with partner hanging (ms)': {
        value: hanging.latencyMs.p99,
        baseline: 1500,
        ratio: (hanging.latencyMs.p99 / 1500).toFixed(3),
      },
    });
    recordResults('lookups', { costs, hanging });
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
