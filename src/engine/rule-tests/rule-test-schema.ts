import { z } from 'zod';
import { ProspectSchema } from '../../domain/prospect';
import { DECISIONS, FOLLOW_UP_PRIORITIES } from '../../domain/rule-event';
import { CANNED_OUTCOMES } from './canned-source';

const ruleNames = z.array(z.string().min(1)).max(100);

/** How the source answered in a test: its mapped fields, or how it failed to answer. */
export const CannedAnswerSchema = z.union(
  [z.record(z.string(), z.unknown()), z.enum(CANNED_OUTCOMES)],
  {
    error: `an object of the source's fields, or one of ${CANNED_OUTCOMES.map((o) => `"${o}"`).join(', ')}`,
  },
);

const FollowUpExpectationSchema = z
  .strictObject({
    queue: z.string().min(1).optional(),
    withinMinutes: z.number().int('a whole number of minutes').min(1).optional(),
    priority: z.enum(FOLLOW_UP_PRIORITIES).optional(),
  })
  .refine((followUp) => Object.keys(followUp).length > 0, {
    message: 'name at least one of queue, withinMinutes, priority (or use null for no follow-up)',
  });

/** Keys that only mean something when the prospect was scored (not a customer, not unverified). */
const SCORED_ONLY = ['decision', 'tier', 'score', 'scoreAtLeast', 'scoreAtMost'] as const;

export const ExpectationSchema = z
  .strictObject({
    status: z.enum(['scored', 'existing_customer', 'unverified']).optional(),
    decision: z.enum(DECISIONS).optional(),
    tier: z.string().min(1).optional(),
    score: z.number().optional(),
    scoreAtLeast: z.number().optional(),
    scoreAtMost: z.number().optional(),
    reasons: z
      .strictObject({ include: ruleNames.optional(), exclude: ruleNames.optional() })
      .optional(),
    followUp: FollowUpExpectationSchema.nullable().optional(),
  })
  .superRefine(
    (expect, ctx) => {
      if (Object.keys(expect).length === 0) {
        ctx.addIssue({ code: 'custom', message: 'expect at least one thing of the answer' });
      }
      if (
        expect.scoreAtLeast !== undefined &&
        expect.scoreAtMost !== undefined &&
        expect.scoreAtLeast > expect.scoreAtMost
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['scoreAtLeast'],
          message: 'scoreAtLeast is above scoreAtMost: no score can pass',
        });
      }
      // A customer or an unverified person gets no label at all, so such a case can never pass.
      if (expect.status !== undefined && expect.status !== 'scored') {
        for (const key of SCORED_ONLY) {
          if (expect[key] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `status "${expect.status}" has no ${key}: only a scored prospect has one`,
            });
          }
        }
      }
    },
    // A misspelt key is stripped before this runs, so the object would look empty or
    // inconsistent: let the "unknown key" problem speak alone.
    { when: (payload) => payload.issues.length === 0 },
  );

export const RuleTestCaseSchema = z.strictObject({
  name: z.string({ error: 'a case needs a name' }).trim().min(1, 'must not be empty').max(300),
  prospect: ProspectSchema,
  lookups: z.record(z.string(), CannedAnswerSchema).optional(),
  expect: ExpectationSchema,
});

/** A file's outline; cases are checked one by one so one bad case does not hide the others. */
export const RuleTestFileSchema = z.strictObject({
  description: z.string().max(1000).optional(),
  cases: z.array(z.unknown(), { error: 'cases must be an array of test cases' }).min(1, {
    message: 'a test file needs at least one case',
  }),
});

export type Expectation = z.output<typeof ExpectationSchema>;
export type RuleTestCase = z.output<typeof RuleTestCaseSchema>;
