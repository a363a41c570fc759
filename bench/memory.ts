/**
 * Section 5: 1,000,000 distinct prospects through the running service as NDJSON batch streams
 * (the fastest real path), sampling the service process's resident memory. Every lookup cache,
 * the idempotency store (each batch sends an Idempotency-Key) and the rule hit counters are driven
 * to their bounds. The sandbox runs in this process, so the service's RSS is the service's own.
 */
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { BenchSection } from './bench-section';
import { target } from './bench-section';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { loadSourceBounds } from './source-bounds';
import { envNumber, procStatusMb, round, startService } from './service-process';

/**
 * Colleagues sign up close together: six people a company, in a row. Over 1,000,000 prospects
 * that is 166,667 companies, more than the partner cache holds, without every record missing it
 * (cycling through more companies than an LRU holds would miss on every single one).
 */
const PEOPLE_PER_COMPANY = 6;
const IDEMPOTENCY_MAX_MB = 32; // the service default, which this run keeps
/**
 * Also the service default: each lookup cache stops at maxEntries or at this many MB, whichever
 * comes first. Only the entry bound is checked below (calls counted at the sandbox); at about
 * 330-390 bytes an entry (a heap snapshot's figure), 16 MB is 43,000-50,000 entries.
 */
const LOOKUP_CACHE_MAX_MB = 16;

/**
 * Record n of the run, written as a string template: JSON.stringify per record would make the
 * generator, not the service, the bottleneck. Every person is new; one in four gives a phone,
 * one in eight consents to a credit check with a large order (125,000 credit reports, more than
 * the credit cache holds).
 */
function recordLine(n: number): string {
  const company = `mem-${Math.floor(n / PEOPLE_PER_COMPANY)}.com`;
  const phone =
    n % 4 === 0 ? `,"phone":"+1415${String(1_000_000 + (n % 9_000_000)).slice(-7)}"` : '';
  const credit = n % 8 === 0 ? ',"consent":{"creditCheck":true},"attributes":{"seats":60}' : '';
  return `{"ref":"m${n}","email":"p${n}@${company}","firstName":"Sam","lastName":"Doe","country":"US","source":"crm_import","company":{"domain":"${company}"}${phone}${credit}}\n`;
}

function* batchLines(from: number, count: number): Generator<string> {
  // Chunks of 100 lines: fewer, larger writes.
  for (let start = from; start < from + count; start += 100) {
    let chunk = '';
    for (let n = start; n < Math.min(start + 100, from + count); n += 1) chunk += recordLine(n);
    yield chunk;
  }
}

interface BatchOutcome {
  lines: number;
  bytes: number;
  /** The answer's size gzip-compressed, as the service keeps it for replay. */
  gzipBytes: number;
  /** The batch's closing summary line (decisions by status, lookup calls). */
  summary: BatchSummary;
}

interface BatchSummary {
  total: number;
  scored: number;
  existingCustomers: number;
  unverified: number;
  errors: number;
  lookups: { calls: number };
}

function streamBatch(
  url: string,
  from: number,
  count: number,
  key: string | undefined,
): Promise<BatchOutcome> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/score/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) reject(new Error(`batch answered ${res.statusCode}`));
      let lines = 0;
      let bytes = 0;
      let tail = Buffer.alloc(0);
      let gzipBytes = 0;
      const gzip = createGzip({ level: 1 });
      gzip.on('data', (chunk: Buffer) => (gzipBytes += chunk.length));
      res.on('data', (chunk: Buffer) => {
        gzip.write(chunk);
        bytes += chunk.length;
        tail = Buffer.concat([tail, chunk]).subarray(-4096);
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      });
      res.on('end', () => {
        const last = tail.toString('utf8').trimEnd().split('\n').at(-1) ?? '';
        const summary = (JSON.parse(last) as { summary?: BatchSummary }).summary;
        if (summary === undefined) reject(new Error(`batch ended without a summary: ${last}`));
        else {
          gzip.once('end', () => resolve({ lines, bytes, gzipBytes, summary }));
          gzip.end();
        }
      });
      res.on('error', reject);
    });
    Readable.from(batchLines(from, count)).pipe(req);
  });
}

export async function runMemoryBench(): Promise<BenchSection> {
  // 100,000 by default so that `npm run bench` stays within 5 minutes on the project's machine
  // (about 720 prospects/s: every distinct prospect costs an upstream CRM call through axios);
  // the 1,000,000 the issue names takes about 25 minutes: BENCH_MEMORY_PROSPECTS=1000000.
  const total = envNumber('BENCH_MEMORY_PROSPECTS', 100_000);
  // Two streams keep 32 records in flight. With four (64, BATCH_MAX_IN_FLIGHT), the service's own
  // event loop delayed CRM answers past the CRM's 300 ms timeout on this 2-core machine, the
  // breaker opened and 90% of decisions were "unverified": cheap, and no test of the caches.
  const streams = envNumber('BENCH_MEMORY_STREAMS', 2);
  const batchSize = envNumber('BENCH_MEMORY_BATCH', 10_000);
  const idempotency = process.env.BENCH_MEMORY_IDEMPOTENCY !== 'off';
  const sandbox = await startSandbox({ port: 0 });
  const service = await startService({ sandboxUrl: sandbox.url });
  const samples: Array<{ atSeconds: number; rssMb: number; prospects: number }> = [];
  try {
    const rssAtStart = procStatusMb(service.pid, 'VmRSS');
    sandbox.calls.reset();
    let next = 0;
    let done = 0;
    let answeredLines = 0;
    let answeredBytes = 0;
    let keptBytes = 0;
    const outcomes = { scored: 0, existingCustomers: 0, unverified: 0, errors: 0, lookupCalls: 0 };
    const started = performance.now();
    const sampler = setInterval(() => {
      samples.push({
        atSeconds: round((performance.now() - started) / 1000, 1),
        rssMb: round(procStatusMb(service.pid, 'VmRSS')),
        prospects: done,
      });
    }, 1000);
    const worker = async () => {
      while (next < total) {
        const from = next;
        const count = Math.min(batchSize, total - from);
        next += count;
        const outcome = await streamBatch(
          service.url,
          from,
          count,
          idempotency ? `memory-bench-${from}` : undefined,
        );
        if (outcome.lines !== count + 1)
          throw new Error(`batch at ${from}: ${outcome.lines} lines for ${count} records`);
        answeredLines += outcome.lines;
        for (const key of Object.keys(outcomes) as Array<keyof typeof outcomes>)
          outcomes[key] +=
            key === 'lookupCalls' ? outcome.summary.lookups.calls : outcome.summary[key];
        answeredBytes += outcome.bytes;
        // Answers up to 16 MB compressed are kept for replay, compressed (see batch-routes.ts).
        if (idempotency && outcome.gzipBytes <= 16 * 1024 * 1024) keptBytes += outcome.gzipBytes;
        done += count;
      }
    };
    try {
      await Promise.all(Array.from({ length: streams }, worker));
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = round(procStatusMb(service.pid, 'VmHWM'));
    const rssAtEndMb = round(procStatusMb(service.pid, 'VmRSS'));
    await service.stop();
    const loopDelay = service.eventLoopDelayMs();
    const calls = Object.fromEntries(
      (['crm', 'partner', 'credit', 'identity'] as const).map((g) => [g, sandbox.calls.count(g)]),
    );
    const bounds = loadSourceBounds();
    const caches = bounds.map((source) => {
      const called = calls[source.sandboxGroup] ?? 0;
      return {
        cache: `lookup cache: ${source.name} (or ${LOOKUP_CACHE_MAX_MB} MB)`,
        bound: source.maxEntries,
        filledWith: called,
        atBound: called >= source.maxEntries,
      };
    });
    const idempotencyBound = IDEMPOTENCY_MAX_MB * 1024 * 1024;
    caches.push({
      cache: 'idempotency store (gzip bytes of kept answers)',
      bound: idempotencyBound,
      filledWith: keptBytes,
      atBound: keptBytes >= idempotencyBound,
    });
    const rate = round(total / seconds);
    const scoredShare = round((outcomes.scored + outcomes.existingCustomers) / total, 3);
    return {
      id: 'memory',
      title: `Memory: ${total.toLocaleString('en')} distinct prospects as NDJSON batches of ${batchSize.toLocaleString('en')} over ${streams} connections, ${idempotency ? 'each with an Idempotency-Key' : 'no Idempotency-Key'} (sandbox in the benchmark process)`,
      table: [
        {
          prospects: total,
          seconds: round(seconds, 1),
          'prospects/s': rate,
          'RSS at start MB': round(rssAtStart),
          'peak RSS MB': peakRssMb,
          'RSS at end MB': rssAtEndMb,
        },
        {
          prospects: 'decisions',
          seconds: '',
          'prospects/s': '',
          'RSS at start MB': `scored ${outcomes.scored.toLocaleString('en')}`,
          'peak RSS MB': `unverified ${outcomes.unverified.toLocaleString('en')}`,
          'RSS at end MB': `errors ${outcomes.errors.toLocaleString('en')}`,
        },
        {
          prospects: 'service event-loop delay ms',
          seconds: '',
          'prospects/s': '',
          'RSS at start MB': `p50 ${loopDelay?.p50 ?? '?'}`,
          'peak RSS MB': `p99 ${loopDelay?.p99 ?? '?'}`,
          'RSS at end MB': `max ${loopDelay?.max ?? '?'}`,
        },
        ...caches.map((c) => ({
          prospects: c.cache,
          seconds: '',
          'prospects/s': '',
          'RSS at start MB': `bound ${c.bound.toLocaleString('en')}`,
          'peak RSS MB': `filled ${c.filledWith.toLocaleString('en')}`,
          'RSS at end MB': c.atBound ? 'at bound' : 'below bound',
        })),
      ],
      figures: {
        prospects: total,
        streams,
        batchSize,
        seconds: round(seconds, 1),
        prospectsPerSecond: rate,
        answeredLines,
        answeredBytes,
        decisions: outcomes,
        rssAtStartMb: round(rssAtStart),
        peakRssMb,
        rssAtEndMb,
        upstreamCalls: calls,
        caches,
        serviceEventLoopDelayMs: loopDelay,
        rssSamples: samples,
      },
      targets: [
        target(
          `peak RSS after ${total.toLocaleString('en')} prospects`,
          peakRssMb,
          '<=',
          300,
          'MB',
        ),
        // Not an issue target: a check that the run measured real decisions. "Unverified" ones
        // (CRM breaker open) skip every lookup and cache, so the RSS figure would flatter.
        target('memory run: share of decisions scored', scoredShare, '>=', 0.99, 'x'),
      ],
    };
  } finally {
    await service.stop();
    await sandbox.close();
  }
}
