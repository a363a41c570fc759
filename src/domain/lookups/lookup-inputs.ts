import type { Prospect } from '../prospect';
import { normalizeCompanyDomain } from '../signals/company-domain';
import { classifyEmailDomain, emailDomainOf } from '../signals/email-domain-kind';
import { prospectPhone } from '../signals/phone-signals';

/** The normalised prospect values a source's request template may use. */
export const LOOKUP_INPUTS = [
  'email',
  'emailDomain',
  'phone',
  'companyDomain',
  'companyName',
  'country',
  'firstName',
  'lastName',
] as const;

export type LookupInputName = (typeof LOOKUP_INPUTS)[number];
export type LookupInputs = Partial<Record<LookupInputName, string>>;

export const isLookupInput = (name: string): name is LookupInputName =>
  (LOOKUP_INPUTS as readonly string[]).includes(name);

/**
 * Normalises what the prospect told us into the values sources are asked with, so that one
 * person written two ways is one cache entry and one upstream call. The company domain falls
 * back to a corporate email domain, which is what a partner database is keyed by.
 */
export function lookupInputsOf(prospect: Prospect, defaultPhoneRegion: string): LookupInputs {
  const inputs: LookupInputs = {};
  const email = prospect.email?.trim().toLowerCase();
  const emailDomain = email === undefined ? null : emailDomainOf(email);
  if (email !== undefined && emailDomain !== null) {
    inputs.email = email;
    inputs.emailDomain = emailDomain;
  }
  const phone = prospectPhone(prospect, defaultPhoneRegion)?.e164;
  if (phone != null) inputs.phone = phone;
  const declared =
    prospect.company?.domain === undefined ? null : normalizeCompanyDomain(prospect.company.domain);
  const companyDomain =
    declared ??
    (emailDomain !== null && classifyEmailDomain(emailDomain) === 'corporate' ? emailDomain : null);
  if (companyDomain !== null) inputs.companyDomain = companyDomain;
  if (prospect.company?.name !== undefined) inputs.companyName = prospect.company.name;
  if (prospect.country !== undefined) inputs.country = prospect.country;
  if (prospect.firstName !== undefined) inputs.firstName = prospect.firstName;
  if (prospect.lastName !== undefined) inputs.lastName = prospect.lastName;
  return inputs;
}
