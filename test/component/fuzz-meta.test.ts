import fc from 'fast-check';
import {
  FUZZ_RUNS,
  arbitraryBodyText,
  arbitraryHeaders,
  arbitraryQuery,
  startFuzzServer,
  type FuzzServer,
} from '../helpers/fuzz-target';

const GET_ROUTES = ['/healthz', '/readyz', '/openapi.yaml', '/metrics', '/v1/rules'];
const POST_ROUTES = [
  '/v1/score',
  '/v1/score/batch',
  '/v1/identify',
  '/v1/rules/validate',
  '/v1/rules/dry-run',
];

describe('GET routes, unknown routes and wrong methods under arbitrary headers and query strings', () => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await startFuzzServer();
  });
  afterAll(() => server.close());

  it.each(GET_ROUTES)('GET %s never answers 5xx or off-contract', async (route) => {
    await fc.assert(
      fc.asyncProperty(arbitraryHeaders, arbitraryQuery, async (headers, query) => {
        const res = await server.check({ method: 'GET', path: `${route}${query}`, headers });
        expect(res.status).toBe(200);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('an unknown path answers a not_found problem, whatever the method', async () => {
    const path = fc
      .webPath()
      .filter((p) => p.startsWith('/') && ![...GET_ROUTES, ...POST_ROUTES].includes(p));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path,
        arbitraryHeaders,
        arbitraryQuery,
        async (method, route, headers, query) => {
          const res = await server.check({
            method,
            path: `${route}${query}`,
            headers,
            fresh: method !== 'GET',
          });
          expect(res.status).toBe(404);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a known path with a method it does not take answers a not_found problem', async () => {
    const wrong = fc.oneof(
      fc.tuple(fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH'), fc.constantFrom(...GET_ROUTES)),
      fc.tuple(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH'), fc.constantFrom(...POST_ROUTES)),
    );
    await fc.assert(
      fc.asyncProperty(
        wrong,
        arbitraryHeaders,
        fc.option(arbitraryBodyText, { nil: undefined }),
        async ([method, route], headers, body) => {
          const res = await server.check({
            method,
            path: route,
            headers,
            body: method === 'GET' ? undefined : body,
            fresh: true,
          });
          expect(res.status).toBe(404);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
