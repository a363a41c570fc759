import { z } from 'zod';

/** Reason codes are stored in CRM fields, so they are kept to a stable, boring alphabet. */
export const RULE_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** One rule as ops write it; conditions and event params are checked separately for clearer paths. */
export const RuleFileEntrySchema = z.strictObject({
  name: z
    .string({ error: 'a rule needs a name' })
    .regex(RULE_NAME, 'lower-case letters, digits, _ . - (at most 64): it is the reason code'),
  description: z.string().max(1000).optional(),
  priority: z.number().int('a whole number').min(1, 'at least 1').default(1),
  conditions: z.unknown(),
  event: z.strictObject({
    type: z.string({ error: 'an event needs a type' }),
    params: z.unknown(),
  }),
});

export type RuleFileEntry = z.output<typeof RuleFileEntrySchema>;

export const RULE_FILE_SUFFIX = '.rules.json';
export const POLICY_FILE = 'policy.json';
export const CONDITIONS_FILE = 'conditions.json';
/** Rule tests live in this sub-directory; they are checked with the rules but are not rules. */
export const TESTS_DIR = 'tests';
export const isRuleTestFile = (name: string): boolean => name.startsWith(`${TESTS_DIR}/`);
