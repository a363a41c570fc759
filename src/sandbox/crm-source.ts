import { Router } from 'express';
import { CRM_CUSTOMERS } from './sandbox-data';
import { sendSandboxError } from './sandbox-error';
import { singleQuery } from './single-query';

export type CrmMatch = 'email' | 'phone' | 'domain' | null;

/** Fake CRM customer-match API: is any of these identifiers an existing customer? */
export function crmSource(): Router {
  const router = Router();
  router.get('/customers', (req, res) => {
    const email = singleQuery(req, 'email');
    const phone = singleQuery(req, 'phone');
    const domain = singleQuery(req, 'domain');
    if (email === undefined && phone === undefined && domain === undefined) {
      sendSandboxError(res, 400, 'bad_request', 'Give at least one of email, phone or domain.');
      return;
    }
    const matchedBy = matchCustomer(email, phone, domain);
    res.json({ isCustomer: matchedBy !== null, matchedBy });
  });
  return router;
}

function matchCustomer(email?: string, phone?: string, domain?: string): CrmMatch {
  const among = (list: readonly string[], value: string) => list.includes(value.toLowerCase());
  if (email !== undefined && among(CRM_CUSTOMERS.emails, email)) return 'email';
  // Digits only: a '+' sent unencoded in a query string arrives as a space.
  if (
    phone !== undefined &&
    CRM_CUSTOMERS.phones.some((known) => digits(known) === digits(phone))
  ) {
    return 'phone';
  }
  if (domain !== undefined && among(CRM_CUSTOMERS.domains, domain)) return 'domain';
  return null;
}

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}
