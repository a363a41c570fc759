import type { z } from 'zod';
import type { SourceDefinition } from '../../src/engine/source-file-schema';
import { SourceDefinitionSchema } from '../../src/engine/source-file-schema';

/**
 * A partner source as sources.json would declare it, asking the sandbox's partner route by company
 * domain once PARTNER_BASE_URL points at a sandbox (its own base URL is a closed port).
 */
export const partnerDefinition = (
  overrides: Partial<z.input<typeof SourceDefinitionSchema>> = {},
): SourceDefinition =>
  SourceDefinitionSchema.parse({
    name: 'partner',
    kind: 'partner',
    request: {
      baseUrl: 'http://127.0.0.1:9',
      baseUrlEnv: 'PARTNER_BASE_URL',
      path: '/partner/companies/{companyDomain}',
    },
    timeoutMs: 500,
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 1000 },
    maxConcurrent: 4,
    costPerCall: 0.05,
    cache: { ttlSeconds: 60, maxEntries: 10 },
    fields: { employees: { path: '$.company.employees', schema: { type: 'integer' } } },
    ...overrides,
  });
