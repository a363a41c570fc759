import { z } from 'zod';

export const DECISIONS = ['qualified', 'nurture', 'review', 'disqualified'] as const;
export type Decision = (typeof DECISIONS)[number];

export const FOLLOW_UP_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type FollowUpPriority = (typeof FOLLOW_UP_PRIORITIES)[number];

const message = z.string().trim().min(1, 'must not be empty').max(500);
const points = z
  .number({ error: 'points must be a number' })
  .min(-100, 'at least -100')
  .max(100, 'at most 100');

/**
 * The events a rule may fire, keyed by `event.type`. Params are strict so that a misspelt
 * key (`point` for `points`) fails the load instead of silently scoring zero.
 */
export const RuleEventSchemas = {
  score: z.strictObject({ points, message, publicMessage: message.optional() }),
  disqualify: z.strictObject({
    message,
    publicMessage: message.optional(),
    points: points.optional(),
  }),
  review: z.strictObject({ message, publicMessage: message.optional(), points: points.optional() }),
  route: z.strictObject({
    queue: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'a queue name: letters, digits, _ . : -'),
    withinMinutes: z
      .number()
      .int('a whole number of minutes')
      .min(1)
      .max(60 * 24 * 30),
    priority: z.enum(FOLLOW_UP_PRIORITIES),
    message: message.optional(),
    publicMessage: message.optional(),
    /** Final decisions this routing applies to; by default every decision but disqualified. */
    whenDecision: z.array(z.enum(DECISIONS)).min(1).optional(),
  }),
} as const;

export type RuleEventType = keyof typeof RuleEventSchemas;
export const RULE_EVENT_TYPES = Object.keys(RuleEventSchemas) as RuleEventType[];

export type RuleEvent = {
  [K in RuleEventType]: { type: K; params: z.output<(typeof RuleEventSchemas)[K]> };
}[RuleEventType];

/** A rule whose conditions held for a prospect. */
export interface FiredRule {
  name: string;
  priority: number;
  event: RuleEvent;
}
