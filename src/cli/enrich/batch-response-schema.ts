import { z } from 'zod';

const Decision = z.object({
  status: z.enum(['scored', 'existing_customer', 'unverified']),
  score: z.number().nullable(),
  tier: z.string().nullable(),
  decision: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string() })),
  lookups: z.array(z.object({ status: z.string(), cost: z.number() })),
});

const Problem = z.object({
  detail: z.string().optional(),
  title: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const Position = { index: z.number().int().min(0), ref: z.string().optional() };

/**
 * The parts of a POST /v1/score/batch answer this tool reads. Checked rather than trusted, so a
 * proxy's error page or an older service shows up as a clear row error, not as blank scores.
 */
export const BatchResponseSchema = z.object({
  results: z.array(
    z.union([
      z.object({ ...Position, result: Decision }),
      z.object({ ...Position, error: Problem }),
    ]),
  ),
});

export type BatchResponse = z.output<typeof BatchResponseSchema>;
