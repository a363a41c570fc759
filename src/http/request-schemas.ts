import { z } from 'zod';
import { ProspectFields, requireEmailOrPhone, type Prospect } from '../domain/prospect';
import type { ScoreOptions } from '../domain/score-prospect';

/** Request options that are not facts about the prospect. */
const requestOptions = {
  /** Lowers the policy's per-decision budget for paid lookups. */
  maxLookupCost: z.number().min(0).max(1_000_000).optional(),
};

export const ScoreRequestSchema =
  ProspectFields.extend(requestOptions).superRefine(requireEmailOrPhone);

/** An inbound call: the phone number is what we know; the agent may add what they were told. */
export const IdentifyRequestSchema = ProspectFields.extend({
  ...requestOptions,
  phone: ProspectFields.shape.phone.unwrap(),
});

type ParsedRequest = Prospect & { maxLookupCost?: number };

/** Splits a parsed request into the prospect (rule facts) and the request's options. */
export function splitRequest(
  parsed: ParsedRequest,
  headers: { cacheControl?: string },
): { prospect: Prospect; options: ScoreOptions } {
  const { maxLookupCost, ...prospect } = parsed;
  const noCache = (headers.cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .some((directive) => directive.trim() === 'no-cache');
  return { prospect, options: { maxLookupCost, noCache } };
}
