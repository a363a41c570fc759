/**
 * Streams NDJSON records through POST /v1/score/batch against the built service (own process,
 * bundled sandbox sources) and reports records per second and the service's peak RSS. The
 * records repeat 1,000 companies, so after the first pass lookups are warm in cache.
 * Run with `npm run bench` (BENCH_RECORDS to change the count).
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { recordResults, startService } from './service-process';

const PORT = Number(process.env.BENCH_PORT ?? 18_557);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);

function* records(count: number): Generator<string> {
  for (let i = 0; i < count; i += 1) {
    const company = `bench-co-${i % 1000}.com`;
    yield `${JSON.stringify({
      ref: `r${i}`,
      email: `person${i % 5000}@${company}`,
      company: { domain: company },
      country: 'US',
      source: 'crm_import',
    })}\n`;
  }
}

/** Peak resident set of a process, from Linux's /proc (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function stream(url: string, count: number): Promise<{ lines: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${url}/v1/score/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      });
      res.on('end', () => resolve({ lines, ms: performance.now() - started }));
      res.on('error', reject);
    });
    Readable.from(records(count)).pipe(req);
  });
}

async function main(): Promise<void> {
  const service = await startService(PORT, { SANDBOX_PORT: '4010' });
  try {
    await stream(service.url, 2000); // warm up: code paths and the lookup caches
    const before = rssMb(service.pid);
    const run = await stream(service.url, RECORDS);
    const peak = peakRssMb(service.pid);
    const figures = {
      records: RECORDS,
      linesAnswered: run.lines,
      seconds: Math.round(run.ms) / 1000,
      recordsPerSecond: Math.round((RECORDS / run.ms) * 1000),
      rssBeforeMb: Math.round(before),
      peakRssMb: Math.round(peak),
      rssGrowthMb: Math.round(peak - before),
    };
    console.table({ 'NDJSON batch': figures });
    recordResults('ndjsonBatch', figures);
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
