import fc from 'fast-check';
import { api } from '../helpers/api';
import { buildTestApp } from '../helpers/build-test-app';

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
      { maxKeys: 60 },
    ),
  },
  { requiredKeys: [] },
);

describe('POST /v1/score under arbitrary input', () => {
  const http = api(buildTestApp().app);

  it('never answers 5xx, and every answer matches the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(prospectLike, fc.jsonValue()), async (body) => {
        const res = await http.post('/v1/score', {
          raw: JSON.stringify(body) ?? 'null',
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 300 },
    );
  });
});
