import { classifyEmailDomain } from '../signals/email-domain-kind';
import {
  classifyIdentifierLine,
  normalizeDomain,
  normalizeEmail,
  normalizePhone,
  type HashAlgorithm,
  type PlainIdentifierKind,
} from './normalize-identifier';

export type ParsedIdentifier =
  | { kind: 'ignored' }
  | { kind: 'plain'; type: PlainIdentifierKind; value: string }
  | { kind: 'hashed'; algorithm: HashAlgorithm; hex: string }
  | { kind: 'problem'; message: string };

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * One customers-file line, normalized and checked. Problem messages never quote the line: they
 * end up in logs, and the line is personal data.
 */
export function parseIdentifierLine(line: string, defaultPhoneRegion: string): ParsedIdentifier {
  const classified = classifyIdentifierLine(line);
  switch (classified.kind) {
    case 'ignored':
      return classified;
    case 'sha256':
    case 'hmac-sha256':
      return HEX_DIGEST.test(classified.hex)
        ? { kind: 'hashed', algorithm: classified.kind, hex: classified.hex }
        : { kind: 'problem', message: `malformed ${classified.kind} hash: expected 64 hex digits` };
    case 'email': {
      const value = normalizeEmail(classified.text);
      return value === null
        ? { kind: 'problem', message: 'not a valid email address' }
        : { kind: 'plain', type: 'email', value };
    }
    case 'phone': {
      const value = normalizePhone(classified.text, defaultPhoneRegion);
      return value === null
        ? { kind: 'problem', message: 'not a possible phone number' }
        : { kind: 'plain', type: 'phone', value };
    }
    case 'domain':
      return parseDomain(classified.text);
  }
}

function parseDomain(text: string): ParsedIdentifier {
  const value = normalizeDomain(text);
  if (value === null) {
    return {
      kind: 'problem',
      message: 'not an email, phone number, domain or sha256:/hmac-sha256: hash',
    };
  }
  // Everyone at a shared mail domain is a stranger to everyone else there; listing the domain
  // would silently exclude every prospect who uses it.
  switch (classifyEmailDomain(value)) {
    case 'free':
      return { kind: 'problem', message: 'a free mail domain never marks a customer' };
    case 'disposable':
      return { kind: 'problem', message: 'a disposable mail domain never marks a customer' };
    case 'invalid':
      return { kind: 'problem', message: 'not a valid domain' };
    case 'corporate':
      return { kind: 'plain', type: 'domain', value };
  }
}
