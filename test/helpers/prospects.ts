import type { z } from 'zod';
import type { ProspectSchema } from '../../src/domain/prospect';

type ProspectInput = z.input<typeof ProspectSchema>;

/** A well-qualified corporate signup; override what a test is about. */
export function aCorporateSignup(overrides: Partial<ProspectInput> = {}): ProspectInput {
  return {
    email: 'maria.lopez@northwind-analytics.com',
    firstName: 'María',
    lastName: 'López',
    phone: '+1 650 253 0000',
    country: 'US',
    source: 'signup_form',
    company: {
      name: 'Northwind Analytics',
      domain: 'northwind-analytics.com',
      employees: 240,
      industry: 'software',
    },
    attributes: { requestedDemo: true },
    ...overrides,
  };
}
