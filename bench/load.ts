import autocannon from 'autocannon';
import { round } from './service-process';

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * POSTs JSON to `url` with autocannon (pipelining 1) for the given time. `body` is either one
 * body for every request or a function giving each request its own (to defeat caches);
 * `onBody` sees every answer's body.
 */
export async function loadJson(
  url: string,
  body: unknown | (() => unknown),
  settings: LoadSettings,
  onBody?: (body: string) => void,
): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json' };
  const run = await autocannon({
    url,
    connections: settings.connections,
    pipelining: 1,
    duration: settings.durationSeconds,
    // A hanging upstream must show as latency, not as an autocannon timeout.
    timeout: 60,
    requests: [
      typeof body === 'function'
        ? {
            method: 'POST',
            headers,
            setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }),
            ...(onBody && { onResponse: (_status: number, text: string) => onBody(text) }),
          }
        : {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
            ...(onBody && { onResponse: (_status: number, text: string) => onBody(text) }),
          },
    ],
  });
  return {
    requests: run.requests.total,
    requestsPerSecond: round(run.requests.total / (run.duration || settings.durationSeconds)),
    latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
