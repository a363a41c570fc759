import freeProviders from 'email-providers/all.json';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';

export type EmailDomainKind = 'corporate' | 'free' | 'disposable' | 'invalid';

const FREE_DOMAINS: ReadonlySet<string> = new Set(freeProviders.map((d) => d.toLowerCase()));
const DISPOSABLE_DOMAINS: ReadonlySet<string> = disposableEmailBlocklistSet();

/** RFC 2606 / RFC 6761 names that can never receive real mail. */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local']);
const RESERVED_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(xn--[a-z0-9-]{1,59}|[a-z]{2,63})$/;

/** The lower-cased domain part of an email address, or null when there is none. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
}

/** True when the name could be a public, mail-receiving DNS domain. */
export function isPlausibleMailDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  const tld = labels[labels.length - 1] as string;
  if (!TLD.test(tld) || RESERVED_TLDS.has(tld)) return false;
  return !RESERVED_DOMAINS.has(labels.slice(-2).join('.'));
}

/**
 * Which kind of mailbox a domain is. Disposable is checked before free because the free
 * provider list also names some throwaway services, and disposable is the stronger statement.
 * Sub-domains of a listed domain count as that domain (mx.mailinator.com is still mailinator).
 */
export function classifyEmailDomain(domain: string): EmailDomainKind {
  const name = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!isPlausibleMailDomain(name)) return 'invalid';
  if (inList(name, DISPOSABLE_DOMAINS)) return 'disposable';
  if (inList(name, FREE_DOMAINS)) return 'free';
  return 'corporate';
}

function inList(domain: string, list: ReadonlySet<string>): boolean {
  if (list.has(domain)) return true;
  for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
    const parent = domain.slice(dot + 1);
    if (parent.includes('.') && list.has(parent)) return true;
  }
  return false;
}
