import { z } from 'zod';
import {
  ProspectFields,
  ProspectSchema,
  requireEmailOrPhone,
  type Prospect,
} from '../domain/prospect';
import type { ScoreOptions } from '../domain/score-prospect';

/** Request options that are not facts about the prospect. */
const requestOptions = {
  /** Lowers the policy's per-decision budget for paid lookups. */
  maxLookupCost: z.number().min(0).max(1_000_000).optional(),
  /** The caller's own id for the record (a CRM record id); batch results carry it back. */
  ref: z.string().min(1).max(200).optional(),
};

export const ScoreRequestSchema =
  ProspectFields.extend(requestOptions).superRefine(requireEmailOrPhone);

/** An inbound call: the phone number is what we know; the agent may add what they were told. */
export const IdentifyRequestSchema = ProspectFields.extend({
  ...requestOptions,
  phone: ProspectFields.shape.phone.unwrap(),
});

type ParsedRequest = Prospect & { maxLookupCost?: number; ref?: string };

/** Splits a parsed request into the prospect (rule facts) and the request's options. */
export function splitRequest(
  parsed: ParsedRequest,
  headers: { cacheControl?: string },
): { prospect: Prospect; options: ScoreOptions } {
  const { maxLookupCost } = parsed;
  // Nested objects arrive without prototypes already (parseInput, parseBatchRecord); only the
  // top level is rebuilt here, without the request-only fields and without a prototype.
  const prospect = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(parsed)) {
    if (key !== 'maxLookupCost' && key !== 'ref')
      prospect[key] = parsed[key as keyof ParsedRequest];
  }
  const noCache = (headers.cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .some((directive) => directive.trim() === 'no-cache');
  return { prospect: prospect as Prospect, options: { maxLookupCost, noCache } };
}

/** A candidate rule set: file name → the file's JSON (or its text, exactly as on disk). */
export const RuleFilesSchema = z
  .record(
    z
      .string()
      .regex(
        /^(tests\/)?[A-Za-z0-9_.-]{1,100}\.json$/,
        'a rule-set file name such as fit.rules.json',
      ),
    z.unknown(),
  )
  .refine((files) => Object.keys(files).length <= 200, 'at most 200 files');

export const ValidateRequestSchema = z.strictObject({ files: RuleFilesSchema });

const CannedLookupsSchema = z.record(
  z.string(),
  z.union([z.record(z.string(), z.unknown()), z.enum(['not_found', 'unavailable', 'timeout'])]),
);

export const DryRunRequestSchema = z.strictObject({
  files: RuleFilesSchema,
  prospects: z
    .array(
      z.strictObject({
        ref: z.string().max(200).optional(),
        prospect: ProspectSchema,
        lookups: CannedLookupsSchema.optional(),
      }),
    )
    .min(1)
    .max(1000),
  /** Call sources for real where nothing is cached or canned (may cost money). */
  live: z.boolean().default(false),
});

/** Changed rule files as text, as if read from disk; `null` removes a file. */
export function toRuleSetChanges(
  files: Readonly<Record<string, unknown>>,
): Map<string, string | null> {
  return new Map(
    Object.entries(files).map(([name, content]) => [
      name,
      content === null || typeof content === 'string' ? content : JSON.stringify(content),
    ]),
  );
}
