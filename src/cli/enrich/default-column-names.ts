/**
 * Header names common CRM and marketing exports use for each prospect field, in order of
 * preference when a file has more than one of them. Matched ignoring case, spaces and
 * punctuation, so `First Name`, `first_name` and `FirstName` are the same header.
 */
export const DEFAULT_COLUMN_NAMES = {
  email: ['Email', 'E-mail', 'Email Address', 'Work Email'],
  phone: ['Phone', 'Phone Number', 'Mobile', 'Mobile Phone'],
  firstName: ['First Name', 'FirstName', 'Given Name'],
  lastName: ['Last Name', 'Surname', 'Family Name'],
  'company.name': ['Company', 'Company Name', 'Account Name', 'Organization'],
  'company.domain': ['Website', 'Company Domain', 'Domain'],
  'company.employees': ['Employees', 'Number of Employees', 'Company Size'],
  'company.industry': ['Industry'],
  country: ['Country', 'Country Code'],
  source: ['Lead Source', 'Source'],
} as const satisfies Record<string, readonly string[]>;

export type ProspectField = keyof typeof DEFAULT_COLUMN_NAMES;

/** Every field a column can fill, in the order the help and the start-up line list them. */
export const PROSPECT_FIELDS = Object.keys(DEFAULT_COLUMN_NAMES) as ProspectField[];

/** The form headers are compared in: `E-mail`, `e_mail` and `EMAIL` all become `email`. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
