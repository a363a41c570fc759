import { z } from 'zod';
import countries from 'i18n-iso-countries';

/** Keys that could reach an object's prototype if a body were ever merged into an object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const MAX_ATTRIBUTE_KEYS = 50;
const MAX_ATTRIBUTE_STRING = 1000;

const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const attributeKey = z
  .string()
  .min(1)
  .max(64)
  .refine((key) => !FORBIDDEN_KEYS.has(key), 'reserved key');

const attributeValue = z.union([
  z.string().max(MAX_ATTRIBUTE_STRING, `at most ${MAX_ATTRIBUTE_STRING} characters`),
  z.number(),
  z.boolean(),
]);

export const CompanySchema = z.strictObject({
  name: trimmed(200).optional(),
  domain: trimmed(253)
    .regex(/^[^\s/@]+$|^https?:\/\/[^\s@]+$/i, 'a domain name such as acme.com')
    .optional(),
  employees: z.number().int('must be a whole number').min(0).max(10_000_000).optional(),
  industry: trimmed(100).optional(),
});

/**
 * What a caller may tell us about a prospect. Strict: an unknown field is an error, because a
 * misspelt field silently ignored would score someone on data the caller thinks it sent.
 */
export const ProspectFields = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254, 'at most 254 characters')
    .regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as jane@acme.com')
    .optional(),
  phone: z
    .string()
    .trim()
    .min(3, 'too short to be a phone number')
    .max(40, 'at most 40 characters')
    .regex(
      /^[0-9+().\-\s/x#*]+$|^[0-9+().\-\s]+(ext\.?|extension)\s*[0-9]+$/i,
      'digits, spaces and + ( ) - . only',
    )
    .optional(),
  firstName: trimmed(100).optional(),
  lastName: trimmed(100).optional(),
  company: CompanySchema.optional(),
  country: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase())
    .refine(
      (code) => countries.isValid(code) && code.length === 2,
      'an ISO 3166-1 alpha-2 code such as US',
    )
    .optional(),
  source: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only, at most 64')
    .optional(),
  consent: z.strictObject({ creditCheck: z.boolean() }).optional(),
  attributes: z
    .record(attributeKey, attributeValue)
    .refine((attrs) => Object.keys(attrs).length <= MAX_ATTRIBUTE_KEYS, {
      message: `at most ${MAX_ATTRIBUTE_KEYS} attributes`,
    })
    .optional(),
});

/** A prospect's own fields are facts rules can test by name (`company` with a `path`). */
export const PROSPECT_FACTS: readonly string[] = Object.keys(ProspectFields.shape);

/** A prospect is someone we can reach: an email or a phone number is required. */
export function requireEmailOrPhone(
  prospect: { email?: string; phone?: string },
  ctx: z.core.$RefinementCtx,
): void {
  if (prospect.email === undefined && prospect.phone === undefined) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'email or phone is required' });
  }
}

export const ProspectSchema = ProspectFields.superRefine(requireEmailOrPhone);

export type Prospect = z.output<typeof ProspectSchema>;
export type Company = z.output<typeof CompanySchema>;
