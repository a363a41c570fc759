import {
  COMPANY_SIZE_BANDS,
  EMAIL_DOMAIN_KINDS,
  NAME_QUALITIES,
  PHONE_TYPES,
} from './signal-values';

export const SIGNAL_NAMES = [
  'emailDomain',
  'emailDomainKind',
  'emailIsRoleAccount',
  'emailMatchesCompanyDomain',
  'phoneValid',
  'phoneType',
  'phoneCountry',
  'phoneCountryMatchesCountry',
  'nameQuality',
  'companySizeBand',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];
export type SignalValue = string | boolean | null;

export interface SignalDescription {
  description: string;
  values: string;
}

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(' | ');

export const SIGNAL_DESCRIPTIONS: Record<SignalName, SignalDescription> = {
  emailDomain: {
    description: 'Lower-cased domain part of the email address.',
    values: 'string; null when there is no email or it has no domain part',
  },
  emailDomainKind: {
    description: 'Whether the email domain is a company, free-mail or throwaway mailbox.',
    values: `${quoted(EMAIL_DOMAIN_KINDS)}; null when there is no email`,
  },
  emailIsRoleAccount: {
    description: 'True when the address is a shared role mailbox such as info@ or sales@.',
    values: 'true | false; null when there is no email',
  },
  emailMatchesCompanyDomain: {
    description: 'True when the email domain is, or is a sub-domain of, the company domain.',
    values:
      'true | false (always false for free, disposable or invalid email); null when the email or company.domain is missing',
  },
  phoneValid: {
    description: 'Whether the phone number is a valid number for its country.',
    values: 'true | false; null when there is no phone',
  },
  phoneType: {
    description: 'Kind of line the phone number belongs to.',
    values: `${quoted(PHONE_TYPES)}; null when there is no phone`,
  },
  phoneCountry: {
    description: 'ISO 3166-1 alpha-2 country the phone number belongs to.',
    values: 'two-letter code such as US; null when there is no phone or it is not a valid number',
  },
  phoneCountryMatchesCountry: {
    description: "True when the phone number's country equals the declared country.",
    values: 'true | false; null when there is no phone, its country is unknown, or no country',
  },
  nameQuality: {
    description: 'Whether first/last name look real, like a placeholder or mash, or are absent.',
    values: quoted(NAME_QUALITIES),
  },
  companySizeBand: {
    description: 'Band of company.employees.',
    values: `${quoted(COMPANY_SIZE_BANDS)}; null when employees is not given`,
  },
};

const NAMES: ReadonlySet<string> = new Set(SIGNAL_NAMES);

export function isSignalName(name: string): name is SignalName {
  return NAMES.has(name);
}
