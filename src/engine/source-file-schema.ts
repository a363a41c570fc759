import { z } from 'zod';
import { SOURCE_KINDS } from '../domain/lookups/lookup-source';

export const SOURCES_FILE = 'sources.json';

const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
const int = (min: number, max: number) => z.number().int('a whole number').min(min).max(max);

/** A source's name is the fact rules read it by, so it follows fact-name rules. */
export const SOURCE_NAME = /^[a-z][a-zA-Z0-9]{0,31}$/;

/** One value taken from the upstream answer: where it is, and what it must look like. */
const FieldSchema = z.strictObject({
  path: z.string(),
  /** JSON Schema the value must satisfy; a value that does not makes the answer malformed. */
  schema: z.record(z.string(), z.unknown()),
});

/** One entry of sources.json: how to ask a remote source, and how to read its answer. */
export const SourceDefinitionSchema = z
  .strictObject({
    name: z.string().regex(SOURCE_NAME, 'a camelCase name such as partner or creditBureau'),
    kind: z.enum(SOURCE_KINDS),
    description: z.string().max(1000).optional(),
    request: z.strictObject({
      method: z.enum(['GET', 'POST']).default('GET'),
      baseUrl: z.string(),
      /** Environment variable that, when set, replaces baseUrl (to point at a real source). */
      baseUrlEnv: z.string().regex(ENV_NAME, 'an environment variable name').optional(),
      path: z.string().max(500),
      query: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.string().max(200)).default({}),
    }),
    auth: z
      .strictObject({
        header: z.string().regex(HEADER_NAME, 'an HTTP header name'),
        prefix: z.string().max(32).default(''),
        /** The secret's environment variable; the secret itself never goes in this file. */
        secretEnv: z.string().regex(ENV_NAME, 'an environment variable name'),
      })
      .optional(),
    timeoutMs: int(10, 30_000),
    retry: z
      .strictObject({
        maxAttempts: int(1, 5),
        baseDelayMs: int(1, 5_000),
        maxDelayMs: int(1, 30_000),
      })
      .default({ maxAttempts: 1, baseDelayMs: 50, maxDelayMs: 500 }),
    breaker: z.strictObject({
      consecutiveFailures: int(1, 10_000),
      halfOpenAfterMs: int(50, 3_600_000),
    }),
    maxConcurrent: int(1, 1_000),
    costPerCall: z.number().min(0).max(1_000_000),
    cache: z.strictObject({
      ttlSeconds: int(1, 90 * 86_400),
      staleIfErrorSeconds: int(0, 365 * 86_400).default(0),
      maxEntries: int(1, 10_000_000),
    }),
    /** Statuses that mean "no record" (a valid, cacheable answer), not a failure. */
    notFoundStatuses: z.array(int(400, 499)).default([404]),
    fields: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/), FieldSchema),
  })
  .superRefine((source, ctx) => {
    if (source.retry.maxAttempts > 1 && source.request.method !== 'GET') {
      ctx.addIssue({
        code: 'custom',
        path: ['retry', 'maxAttempts'],
        message: 'only idempotent (GET) requests may be retried',
      });
    }
    if (source.retry.baseDelayMs > source.retry.maxDelayMs) {
      ctx.addIssue({ code: 'custom', path: ['retry'], message: 'baseDelayMs exceeds maxDelayMs' });
    }
  });

export const SourcesFileSchema = z.strictObject({ sources: z.array(z.unknown()) });

export type SourceDefinition = z.output<typeof SourceDefinitionSchema>;
