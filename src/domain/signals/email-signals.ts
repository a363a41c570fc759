import { classifyEmailDomain, emailDomainOf } from './email-domain-kind';
import type { EmailDomainKind } from './email-domain-kind';
import { domainsOverlap, normalizeCompanyDomain } from './company-domain';

// RFC 5322 dot-atom, widened to any letter or digit for internationalised (RFC 6531) mailboxes.
// Quoted local parts are legal but never seen from real signups, so they count as malformed.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const MAX_LOCAL_PART = 64;

/** Shared mailboxes: nobody in particular reads them, so they say little about a buyer. */
const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  'info',
  'sales',
  'admin',
  'administrator',
  'support',
  'help',
  'contact',
  'hello',
  'office',
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'billing',
  'accounts',
  'accounting',
  'finance',
  'marketing',
  'team',
  'webmaster',
  'postmaster',
  'hostmaster',
  'abuse',
  'hr',
  'jobs',
  'careers',
  'recruiting',
  'enquiries',
  'inquiries',
  'service',
  'customerservice',
  'feedback',
  'press',
  'media',
  'orders',
  'reception',
  'security',
  'privacy',
  'legal',
]);

/** The part before the last @, or null when there is none. */
export function emailLocalPartOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at <= 0 ? null : email.slice(0, at).trim();
}

/** Kind of mailbox, where an address that cannot be a real mailbox at all is 'invalid'. */
export function emailDomainKindOf(email: string): EmailDomainKind {
  const local = emailLocalPartOf(email);
  const domain = emailDomainOf(email.trim());
  if (local === null || domain === null) return 'invalid';
  if (local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local)) return 'invalid';
  return classifyEmailDomain(domain);
}

/** True for shared role mailboxes; a +tag (sales+web@) is ignored as it is the same mailbox. */
export function isRoleAccount(email: string): boolean {
  const local = emailLocalPartOf(email.trim());
  if (local === null) return false;
  const mailbox = local.toLowerCase().split('+', 1)[0] ?? '';
  return ROLE_MAILBOXES.has(mailbox);
}

/**
 * Whether the email belongs to the company's own domain. Only a corporate mailbox can: sharing a
 * domain with gmail.com says nothing about working at Google. Null when there is nothing to
 * compare (no email, or no usable company domain).
 */
export function emailMatchesCompanyDomain(
  emailDomain: string | null,
  kind: EmailDomainKind | null,
  companyDomain: string | undefined,
): boolean | null {
  if (kind === null || companyDomain === undefined) return null;
  const company = normalizeCompanyDomain(companyDomain);
  // A bare "com" would otherwise match every .com address.
  if (company === null || !company.includes('.')) return null;
  if (kind !== 'corporate' || emailDomain === null) return false;
  return domainsOverlap(emailDomain, company);
}
