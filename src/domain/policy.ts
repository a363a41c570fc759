import { z } from 'zod';

const score = z.number().int('a whole number').min(0).max(100);

/** policy.json: how fired rules turn into a score, a tier and a decision. */
export const PolicySchema = z
  .strictObject({
    baseScore: score,
    clamp: z.strictObject({ min: score, max: score }).default({ min: 0, max: 100 }),
    tiers: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'a short tier name such as A'),
          minScore: score,
        }),
      )
      .min(1),
    thresholds: z.strictObject({ qualified: score, nurture: score }),
    /** Most one decision may spend on paid lookups; a request may lower it, never raise it. */
    maxCostPerDecision: z.number().min(0).optional(),
  })
  .superRefine((policy, ctx) => {
    if (policy.clamp.min > policy.clamp.max) {
      ctx.addIssue({ code: 'custom', path: ['clamp'], message: 'min must not exceed max' });
    }
    if (policy.thresholds.nurture > policy.thresholds.qualified) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', 'nurture'],
        message: 'nurture threshold must not exceed the qualified threshold',
      });
    }
    const names = new Set<string>();
    policy.tiers.forEach((tier, i) => {
      if (names.has(tier.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'name'],
          message: 'duplicate tier name',
        });
      }
      names.add(tier.name);
    });
    if (!policy.tiers.some((tier) => tier.minScore <= policy.clamp.min)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers'],
        message: `some tier must start at or below the lowest score (${policy.clamp.min})`,
      });
    }
  });

export type Policy = z.output<typeof PolicySchema>;
