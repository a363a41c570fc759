import { normalizeCompanyDomain } from '../signals/company-domain';
import { isPlausibleMailDomain } from '../signals/email-domain-kind';
import { phoneRegionHint, readPhone } from '../signals/phone-signals';

export type HashAlgorithm = 'sha256' | 'hmac-sha256';
export type PlainIdentifierKind = 'email' | 'phone' | 'domain';

/** What one line of a customers file says, before its value is normalized or checked. */
export type ClassifiedLine =
  | { kind: 'ignored' }
  | { kind: HashAlgorithm; hex: string }
  | { kind: PlainIdentifierKind; text: string };

const EMAIL_SHAPE = /^([^\s@]+)@([^\s@]+)$/;
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);
const PHONE_CHARS = /^[0-9\s+().-]+$/;
const MIN_PHONE_DIGITS = 7;
const HASH_PREFIX = /^(sha256|hmac-sha256):(.*)$/i;

/**
 * Gmail ignores dots and +tags, so customers sign up again as j.ane+promo@gmail.com; folding them
 * is the only way to recognise them. Other providers may treat dots and +tags as distinct
 * mailboxes, so folding there could make a stranger look like a customer.
 */
export function normalizeEmail(raw: string): string | null {
  const shape = EMAIL_SHAPE.exec(raw.trim().toLowerCase());
  if (!shape) return null;
  let local = shape[1] as string;
  let domain = shape[2] as string;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\+.*$/, '').replace(/\./g, '');
    domain = 'gmail.com';
    if (local === '') return null;
  }
  return `${local}@${domain}`;
}

/**
 * E.164 of a possible number, read exactly as a prospect's phone is (same parser, same metadata),
 * so a customers-file line and a prospect's number agree on what counts as the same number.
 */
export function normalizePhone(raw: string, region: string): string | null {
  return readPhone(raw, phoneRegionHint(undefined, region)).e164;
}

/** Accepts what people paste from a CRM: https://www.Acme.com:443/about?x → acme.com. */
export function normalizeDomain(raw: string): string | null {
  const domain = normalizeCompanyDomain(raw);
  return domain !== null && isPlausibleMailDomain(domain) ? domain : null;
}

/**
 * Decides what a line is by its shape alone. A hash prefix wins over everything because hex can
 * look like a domain label; "@" wins over phone because local parts may be all digits.
 */
export function classifyIdentifierLine(line: string): ClassifiedLine {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { kind: 'ignored' };
  const hashed = HASH_PREFIX.exec(text);
  if (hashed) {
    const kind = (hashed[1] as string).toLowerCase() as HashAlgorithm;
    return { kind, hex: (hashed[2] as string).trim().toLowerCase() };
  }
  if (text.includes('@')) return { kind: 'email', text };
  if (PHONE_CHARS.test(text) && countDigits(text) >= MIN_PHONE_DIGITS) {
    return { kind: 'phone', text };
  }
  return { kind: 'domain', text };
}

function countDigits(text: string): number {
  let digits = 0;
  for (const char of text) if (char >= '0' && char <= '9') digits += 1;
  return digits;
}
