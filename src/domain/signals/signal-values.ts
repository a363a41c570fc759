import type { EmailDomainKind } from './email-domain-kind';

// The closed value sets live here, free of runtime dependencies, so the catalog (docs, OpenAPI)
// can describe them without loading phone metadata or the email domain lists.

export const EMAIL_DOMAIN_KINDS = [
  'corporate',
  'free',
  'disposable',
  'invalid',
] as const satisfies readonly EmailDomainKind[];

export const PHONE_TYPES = [
  'mobile',
  'fixed_line',
  'fixed_line_or_mobile',
  'toll_free',
  'premium_rate',
  'shared_cost',
  'voip',
  'personal_number',
  'pager',
  'uan',
  'voicemail',
  'unknown',
] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const NAME_QUALITIES = ['ok', 'suspicious', 'missing'] as const;
export type NameQuality = (typeof NAME_QUALITIES)[number];

export const COMPANY_SIZE_BANDS = [
  '1-10',
  '11-50',
  '51-200',
  '201-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];
