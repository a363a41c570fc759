/**
 * The documented test identities of the sandbox (see docs/sandbox.md). Tests and docs import
 * these, so changing one here is a visible contract change, not a silent fixture edit.
 */

export interface SandboxCompany {
  domain: string;
  name: string;
  employees: number;
  industry: string;
  country: string;
  founded: number;
}

export interface SandboxCreditReport {
  score: number;
  bankruptcies: number;
  delinquencies: number;
}

export interface SandboxIdentity {
  person: { firstName: string; lastName: string; email: string };
  company: { name: string; domain: string };
  address: { line1: string; city: string; region: string; postalCode: string; country: string };
  lineType: 'mobile' | 'fixed_line';
}

/** Domains starting with this are unknown to the partner API (404). */
export const UNKNOWN_DOMAIN_PREFIX = 'unknown-';
/** Emails with this local part have no credit file (404). */
export const NO_CREDIT_FILE_LOCAL_PART = 'nofile';

/** Pools for answers derived from a hash of the domain. */
export const INDUSTRIES = [
  'software',
  'saas',
  'fintech',
  'healthcare',
  'retail',
  'manufacturing',
  'education',
  'ecommerce',
] as const;
export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'NL', 'SE'] as const;

const company = (
  domain: string,
  name: string,
  employees: number,
  industry: string,
  country: string,
  founded: number,
): SandboxCompany => ({ domain, name, employees, industry, country, founded });

// Maps rather than object literals: a lookup of "constructor" must not find Object.prototype.
export const KNOWN_COMPANIES: ReadonlyMap<string, SandboxCompany> = new Map(
  [
    company('northwind-analytics.com', 'Northwind Analytics', 240, 'software', 'US', 2012),
    company('contoso-labs.com', 'Contoso Labs', 12000, 'fintech', 'US', 1998),
    company('fabrikam-industries.com', 'Fabrikam Industries', 85, 'manufacturing', 'DE', 2004),
    company('tiny-studio.io', 'Tiny Studio', 3, 'design', 'GB', 2021),
  ].map((entry) => [entry.domain, entry]),
);

export const KNOWN_CREDIT_REPORTS: ReadonlyMap<string, SandboxCreditReport> = new Map([
  ['maria.lopez@northwind-analytics.com', { score: 780, bankruptcies: 0, delinquencies: 0 }],
  ['risky.buyer@contoso-labs.com', { score: 480, bankruptcies: 1, delinquencies: 3 }],
]);

export const KNOWN_PHONES: ReadonlyMap<string, SandboxIdentity> = new Map([
  [
    '+16502530000',
    {
      person: {
        firstName: 'María',
        lastName: 'López',
        email: 'maria.lopez@northwind-analytics.com',
      },
      company: { name: 'Northwind Analytics', domain: 'northwind-analytics.com' },
      address: {
        line1: '1 Market St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
      lineType: 'fixed_line',
    },
  ],
  [
    '+14155550100',
    {
      person: {
        firstName: 'Olivia',
        lastName: 'Chen',
        email: 'olivia.chen@fabrikam-industries.com',
      },
      company: { name: 'Fabrikam Industries', domain: 'fabrikam-industries.com' },
      address: {
        line1: '500 Howard St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
      lineType: 'mobile',
    },
  ],
  [
    '+442079460958',
    {
      person: { firstName: 'James', lastName: 'Smith', email: 'james@tiny-studio.io' },
      company: { name: 'Tiny Studio', domain: 'tiny-studio.io' },
      address: {
        line1: '10 Downing Lane',
        city: 'London',
        region: 'England',
        postalCode: 'EC1A 1BB',
        country: 'GB',
      },
      lineType: 'mobile',
    },
  ],
  [
    '+16505550123',
    {
      person: { firstName: 'Priya', lastName: 'Natarajan', email: 'priya@contoso-labs.com' },
      company: { name: 'Contoso Labs', domain: 'contoso-labs.com' },
      address: {
        line1: '200 University Ave',
        city: 'Palo Alto',
        region: 'CA',
        postalCode: '94301',
        country: 'US',
      },
      lineType: 'mobile',
    },
  ],
]);

/** Existing customers in the fake CRM, stored lower-case (phones in E.164). */
export const CRM_CUSTOMERS = {
  emails: ['olivia.chen@fabrikam-industries.com', 'crm.only@woodgrove-bank.com'],
  phones: ['+14155550100'],
  domains: ['tailspin-toys.com'],
} as const satisfies Record<string, readonly string[]>;
