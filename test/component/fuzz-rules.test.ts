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

const POLICY = {
  baseScore: 40,
  clamp: { min: 0, max: 100 },
  tiers: [
    { name: 'A', minScore: 80 },
    { name: 'D', minScore: 0 },
  ],
  thresholds: { qualified: 85, nurture: 35 },
};

/** Small candidates, so a valid one is cheap to check; most inputs are broken anyway. */
const validateBody = { files: { 'policy.json': POLICY } };
const dryRunBody = {
  files: { 'policy.json': POLICY },
  prospects: [{ ref: 'crm-1', prospect: aCorporateSignup() }],
};

const bodyFor = (valid: object) =>
  fc.oneof(
    { arbitrary: arbitraryBodyText, weight: 4 },
    { arbitrary: mutated(valid).map((body) => JSON.stringify(body) ?? ''), weight: 1 },
  );

describe('rule operations under arbitrary bodies, headers and query strings', () => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await startFuzzServer();
  });
  afterAll(() => server.close());

  it.each([
    ['/v1/rules/validate', validateBody],
    ['/v1/rules/dry-run', dryRunBody],
  ])('POST %s never answers 5xx or off-contract', async (route, valid) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(valid), arbitraryHeaders, arbitraryQuery, async (body, h, query) => {
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
  });
});
