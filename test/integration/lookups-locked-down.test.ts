import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpLookupSource } from '../../src/adapters/http-source/http-lookup-source';
import { partnerDefinition } from '../helpers/partner-source';

/** A misbehaving upstream on loopback: each path answers in one bad way. */
function startMisbehavingUpstream(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url?.startsWith('/redirect/')) {
      res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    } else if (req.url?.startsWith('/huge/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ company: { name: 'x'.repeat(1024 * 1024) } }));
    } else if (req.url?.startsWith('/cut/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"company":{"na');
      setTimeout(() => res.socket?.destroy(), 20);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"company":{"name":"ok"}}');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }),
    ),
  );
}

const sourceFor = (url: string, path: string) =>
  new HttpLookupSource({
    definition: partnerDefinition({
      request: { baseUrl: url, path },
      timeoutMs: 1000,
      breaker: { consecutiveFailures: 100, halfOpenAfterMs: 1000 },
      maxConcurrent: 2,
      costPerCall: 0,
      fields: { name: { path: '$.company.name', schema: { type: 'string' } } },
    }),
    env: {},
    now: Date.now,
  });

describe('the HTTP client of a lookup source is locked down', () => {
  let upstream: Awaited<ReturnType<typeof startMisbehavingUpstream>>;
  beforeAll(async () => {
    upstream = await startMisbehavingUpstream();
  });
  afterAll(() => new Promise((resolve) => upstream.server.close(resolve)));
  const options = () => ({ deadline: Date.now() + 2000, noCache: false });

  it('does not follow redirects', async () => {
    const source = sourceFor(upstream.url, '/redirect/{companyDomain}');
    const answer = await source.fetch({ companyDomain: 'acme.com' }, options());
    source.close();
    expect(answer).toEqual({ status: 'error', reason: 'redirects are not followed' });
    expect(upstream.hits.filter((hit) => hit.includes('elsewhere'))).toEqual([]);
  });

  it('refuses an answer larger than the size cap', async () => {
    const source = sourceFor(upstream.url, '/huge/{companyDomain}');
    const answer = await source.fetch({ companyDomain: 'acme.com' }, options());
    source.close();
    expect(answer).toEqual({ status: 'error', reason: 'answer larger than allowed' });
  });

  it('an answer cut off midway is an error, and nothing is cached', async () => {
    const source = sourceFor(upstream.url, '/cut/{companyDomain}');
    const before = upstream.hits.length;
    const answer = await source.fetch({ companyDomain: 'acme.com' }, options());
    const again = await source.fetch({ companyDomain: 'acme.com' }, options());
    source.close();
    expect(answer.status).toBe('error');
    expect(again.status).toBe('error');
    // No retries configured: one call per fetch, the second not answered from cache.
    expect(upstream.hits.length - before).toBe(2);
  });

  it('a source nobody listens on is an error naming the connection problem', async () => {
    const source = sourceFor('http://127.0.0.1:9', '/ok/{companyDomain}');
    const answer = await source.fetch({ companyDomain: 'acme.com' }, options());
    source.close();
    expect(answer).toEqual({ status: 'error', reason: 'ECONNREFUSED' });
  });

  it('sends a hostile value as one encoded path segment on the configured host', async () => {
    const source = sourceFor(upstream.url, '/ok/{companyDomain}');
    const answer = await source.fetch({ companyDomain: '../../admin?x=1#y' }, options());
    source.close();
    expect(answer.status).toBe('ok');
    expect(upstream.hits.at(-1)).toBe('/ok/..%2F..%2Fadmin%3Fx%3D1%23y');
  });
});
