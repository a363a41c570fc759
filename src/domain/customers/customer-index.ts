import type { CustomerMatch, CustomerMatchBy } from '../ports';
import type { Prospect } from '../prospect';
import { classifyEmailDomain, emailDomainOf } from '../signals/email-domain-kind';
import { identifierDigest } from './hash-identifier';
import { normalizeDomain, normalizeEmail } from './normalize-identifier';
import { prospectPhone } from '../signals/phone-signals';
import { parseIdentifierLine } from './parse-identifier-line';

export { hashIdentifier } from './hash-identifier';

export interface CustomerIndexOptions {
  /** Key for `hmac-sha256:` lines; without it those lines are reported and skipped. */
  hashKey?: string;
  /** Region for phone numbers written without a country code, in the file and in prospects. */
  defaultPhoneRegion: string;
}

export interface CustomerLineProblem {
  /** 1-based line number; the line's content is deliberately absent (it is personal data). */
  line: number;
  message: string;
}

interface Entries {
  plain: Record<CustomerMatchBy, Set<string>>;
  sha256: Set<string>;
  hmac: Set<string>;
}

/** Everyone the customers file names, answering "is this prospect one of them?" in memory. */
export class CustomerIndex {
  private constructor(
    private readonly entries: Entries,
    private readonly hashKey: string | undefined,
    private readonly defaultPhoneRegion: string,
  ) {}

  static fromLines(
    lines: Iterable<string>,
    options: CustomerIndexOptions,
  ): { index: CustomerIndex; problems: CustomerLineProblem[] } {
    const hashKey = options.hashKey === '' ? undefined : options.hashKey;
    const entries: Entries = {
      plain: { email: new Set(), phone: new Set(), domain: new Set() },
      sha256: new Set(),
      hmac: new Set(),
    };
    const problems: CustomerLineProblem[] = [];
    let lineNumber = 0;
    for (const line of lines) {
      lineNumber += 1;
      const parsed = parseIdentifierLine(line, options.defaultPhoneRegion);
      if (parsed.kind === 'problem') {
        problems.push({ line: lineNumber, message: parsed.message });
      } else if (parsed.kind === 'plain') {
        entries.plain[parsed.type].add(parsed.value);
      } else if (parsed.kind === 'hashed' && parsed.algorithm === 'sha256') {
        entries.sha256.add(parsed.hex);
      } else if (parsed.kind === 'hashed' && hashKey === undefined) {
        // Kept as a problem rather than silently dropped: a missing key would otherwise turn
        // every hashed customer back into a prospect without anyone noticing.
        problems.push({
          line: lineNumber,
          message: 'hmac-sha256 line but no hash key is configured',
        });
      } else if (parsed.kind === 'hashed') {
        entries.hmac.add(parsed.hex);
      }
    }
    const index = new CustomerIndex(entries, hashKey, options.defaultPhoneRegion);
    return { index, problems };
  }

  /** Distinct identifiers held, plain and hashed. */
  get size(): number {
    const { plain, sha256, hmac } = this.entries;
    return plain.email.size + plain.phone.size + plain.domain.size + sha256.size + hmac.size;
  }

  /** The first identifier that names the prospect as a customer, checking email, phone, domain. */
  match(
    prospect: Prospect,
    defaultPhoneRegion: string = this.defaultPhoneRegion,
  ): CustomerMatch | null {
    const email = prospect.email === undefined ? null : normalizeEmail(prospect.email);
    if (email !== null && this.holds('email', email)) return { by: 'email' };

    const phone = prospectPhone(prospect, defaultPhoneRegion)?.e164;
    if (phone != null && this.holds('phone', phone)) return { by: 'phone' };

    const emailDomain = email === null ? null : emailDomainOf(email);
    for (const raw of [emailDomain, prospect.company?.domain]) {
      const domain = corporateDomain(raw);
      if (domain !== null && this.holds('domain', domain)) return { by: 'domain' };
    }
    return null;
  }

  private holds(kind: CustomerMatchBy, normalized: string): boolean {
    const { plain, sha256, hmac } = this.entries;
    if (plain[kind].has(normalized)) return true;
    if (sha256.size > 0 && sha256.has(identifierDigest('sha256', normalized))) return true;
    return (
      this.hashKey !== undefined &&
      hmac.size > 0 &&
      hmac.has(identifierDigest('hmac-sha256', normalized, this.hashKey))
    );
  }
}

/**
 * Only a corporate domain can make a prospect a customer by domain: a gmail.com customer says
 * nothing about the next gmail.com user, and a hashed domain line cannot be checked for that
 * when the file is read, so the check has to happen here.
 */
function corporateDomain(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const domain = normalizeDomain(raw);
  return domain !== null && classifyEmailDomain(domain) === 'corporate' ? domain : null;
}
