import fc from 'fast-check';
import {
  FUZZ_RUNS,
  arbitraryBodyText,
  arbitraryHeaders,
  arbitraryQuery,
  mutated,
  startFuzzServer,
  withJsonType,
  type FuzzServer,
} from '../helpers/fuzz-target';
import { aCorporateSignup } from '../helpers/prospects';

/** Values shaped like real signups, with every field sometimes wrong. */
const prospectLike = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), fc.string(), fc.integer()),
    phone: fc.oneof(fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/), fc.string()),
    firstName: fc.string({ maxLength: 120 }),
    lastName: fc.string({ maxLength: 120 }),
    country: fc.oneof(fc.constantFrom('US', 'gb', 'DE', 'KP', 'XX'), fc.string({ maxLength: 3 })),
    source: fc.oneof(fc.constantFrom('signup_form', 'inbound_call'), fc.string()),
    company: fc.record(
      {
        name: fc.string(),
        domain: fc.oneof(fc.domain(), fc.string()),
        employees: fc.oneof(fc.integer({ min: -10, max: 20_000_000 }), fc.double()),
        industry: fc.string(),
      },
      { requiredKeys: [] },
    ),
    consent: fc.oneof(fc.record({ creditCheck: fc.boolean() }), fc.jsonValue()),
    attributes: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 70 }),
      fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.jsonValue()),
      { maxKeys: 20 },
    ),
  },
  { requiredKeys: [] },
);

/** Arbitrary JSON, signup-shaped values, and valid signups with one field broken. */
const scoreBody = fc.oneof(
  arbitraryBodyText,
  prospectLike.map((body) => JSON.stringify(body)),
  mutated(aCorporateSignup()).map((body) => JSON.stringify(body) ?? ''),
);

describe('scoring routes under arbitrary bodies, headers and query strings', () => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await startFuzzServer();
  });
  afterAll(() => server.close());

  it.each(['/v1/score', '/v1/identify'])(
    'POST %s never answers 5xx or off-contract',
    async (route) => {
      await fc.assert(
        fc.asyncProperty(scoreBody, arbitraryHeaders, arbitraryQuery, async (body, h, query) => {
          const res = await server.check({
            method: 'POST',
            path: `${route}${query}`,
            headers: withJsonType(h),
            body,
          });
          expect(res.status).toBeLessThan(500);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );

  it('POST /v1/score/batch (JSON) never answers 5xx or off-contract', async () => {
    const batchBody = fc.oneof(
      arbitraryBodyText,
      fc
        .array(fc.oneof(prospectLike, fc.jsonValue()), { minLength: 0, maxLength: 4 })
        .map((prospects) => JSON.stringify({ prospects })),
      mutated({ prospects: [aCorporateSignup(), aCorporateSignup({ ref: 'r2' } as object)] }).map(
        (body) => JSON.stringify(body) ?? '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(batchBody, arbitraryHeaders, arbitraryQuery, async (body, h, query) => {
        const res = await server.check({
          method: 'POST',
          path: `/v1/score/batch${query}`,
          headers: withJsonType(h),
          body,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('POST /v1/score/batch (NDJSON) never answers 5xx or off-contract', async () => {
    const line = fc.oneof(
      arbitraryBodyText,
      prospectLike.map((body) => JSON.stringify(body)),
      mutated(aCorporateSignup()).map((body) => JSON.stringify(body) ?? ''),
    );
    const ndjson = fc
      .array(line, { maxLength: 4 })
      .chain((lines) =>
        fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol) + (lines.length ? eol : '')),
      );
    await fc.assert(
      fc.asyncProperty(ndjson, arbitraryHeaders, arbitraryQuery, async (body, h, query) => {
        const res = await server.check({
          method: 'POST',
          path: `/v1/score/batch${query}`,
          headers: { ...h, 'content-type': 'application/x-ndjson' },
          body,
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
