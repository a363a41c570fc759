import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpLookupSource } from '../../src/adapters/http-source/http-lookup-source';
import { partnerDefinition } from '../helpers/partner-source';

/**
 * An upstream on loopback, in this process, that answers every call after 30 ms and then holds
 * the process for `pauseMs` before the service can read the answer: the test's stand-in for the
 * service's own pause (a long garbage collection, a burst of work) right after an answer arrives.
 */
function startUpstream(pauseMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"company":{"employees":120}}');
      busyFor(pauseMs);
    }, 30);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Holds the whole process, as a long garbage collection or a burst of work would. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

/**
 * The answer is back after 30 ms, well inside the 150 ms timeout, but the process is then busy
 * until 280 ms. Its own pause must not be charged to the source as a timeout (which the breaker
 * would count): the answer waiting in the socket is read before the timeout acts.
 */
describe('a lookup answered in time is not a timeout because the service paused', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  beforeAll(async () => {
    upstream = await startUpstream(250);
  });
  afterAll(() => new Promise((resolve) => upstream.server.close(resolve)));

  /** One partner lookup through a source with this timeout (no retry), then the source closed. */
  async function lookUpWithTimeout(timeoutMs: number) {
    const source = new HttpLookupSource({
      definition: partnerDefinition({
        timeoutMs,
        retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      }),
      env: { PARTNER_BASE_URL: upstream.url },
      now: Date.now,
    });
    try {
      return await source.fetch(
        { companyDomain: 'contoso-labs.com' },
        { deadline: Date.now() + 2000, noCache: false },
      );
    } finally {
      source.close();
    }
  }

  it('reads the answer that arrived during the pause', async () => {
    expect(await lookUpWithTimeout(150)).toMatchObject({
      status: 'ok',
      record: { fields: { employees: 120 } },
    });
  });

  it('still times out a source that is slower than its timeout', async () => {
    expect(await lookUpWithTimeout(10)).toEqual({
      status: 'timeout',
      reason: 'no answer within the timeout',
    });
  });
});
