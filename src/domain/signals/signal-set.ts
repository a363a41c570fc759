import type { Prospect } from '../prospect';
import { emailDomainOf } from './email-domain-kind';
import type { EmailDomainKind } from './email-domain-kind';
import { emailDomainKindOf, emailMatchesCompanyDomain, isRoleAccount } from './email-signals';
import { prospectPhone } from './phone-signals';
import type { ParsedPhone } from './phone-signals';
import { assessNameQuality } from './name-quality';
import { companySizeBand } from './company-size-band';
import { isSignalName } from './signal-catalog';
import type { SignalName, SignalValue } from './signal-catalog';

export { isSignalName };

export interface SignalOptions {
  /** ISO 3166-1 alpha-2 region for reading national-format numbers of prospects with no country. */
  defaultPhoneRegion: string;
}

export interface SignalSet {
  /** Computes (once) and returns the signal; records it as seen by the rules. */
  value(name: SignalName): SignalValue;
  /** The signals requested through value(), in the order first requested. */
  seen(): Partial<Record<SignalName, SignalValue>>;
}

/** Intermediate results several signals share, each worked out at most once. */
interface Inputs {
  prospect: Prospect;
  email: string | undefined;
  country: string | undefined;
  emailDomain: () => string | null;
  emailDomainKind: () => EmailDomainKind | null;
  /** Read once per prospect and shared with the customer check and lookup inputs. */
  parsedPhone: () => ParsedPhone | null;
}

const COMPUTE: Record<SignalName, (inputs: Inputs) => SignalValue> = {
  emailDomain: (i) => i.emailDomain(),
  emailDomainKind: (i) => i.emailDomainKind(),
  emailIsRoleAccount: (i) => (i.email === undefined ? null : isRoleAccount(i.email)),
  emailMatchesCompanyDomain: (i) =>
    emailMatchesCompanyDomain(
      i.emailDomain(),
      i.emailDomainKind(),
      given(i.prospect.company?.domain),
    ),
  phoneValid: (i) => i.parsedPhone()?.valid ?? null,
  phoneType: (i) => i.parsedPhone()?.type ?? null,
  phoneCountry: (i) => i.parsedPhone()?.country ?? null,
  phoneCountryMatchesCountry: (i) => {
    const phoneCountry = i.parsedPhone()?.country ?? null;
    if (phoneCountry === null || i.country === undefined) return null;
    return phoneCountry === i.country.toUpperCase();
  },
  nameQuality: (i) => assessNameQuality(i.prospect.firstName, i.prospect.lastName),
  companySizeBand: (i) => companySizeBand(i.prospect.company?.employees),
};

/**
 * The signals of one prospect, computed on demand: rules usually look at a few signals, and
 * phone parsing in particular is too costly to do for every prospect up front.
 */
export function createSignalSet(prospect: Prospect, options: SignalOptions): SignalSet {
  const inputs = inputsOf(prospect, options);
  const computed = new Map<SignalName, SignalValue>();
  // Insertion order of a Set is the order first requested.
  const requested = new Set<SignalName>();

  const compute = (name: SignalName): SignalValue => {
    if (!computed.has(name))
      computed.set(
        name,
        safely(() => COMPUTE[name](inputs)),
      );
    return computed.get(name) ?? null;
  };

  return {
    value(name) {
      // Rule files are JSON written by people, so a name may arrive unchecked at run time.
      if (!isSignalName(name)) return null;
      requested.add(name);
      return compute(name);
    },
    seen() {
      const out: Partial<Record<SignalName, SignalValue>> = {};
      for (const name of requested) out[name] = compute(name);
      return out;
    },
  };
}

function inputsOf(prospect: Prospect, options: SignalOptions): Inputs {
  const email = given(prospect.email);
  const country = given(prospect.country);
  return {
    prospect,
    email,
    country,
    emailDomain: once(() => (email === undefined ? null : emailDomainOf(email))),
    emailDomainKind: once(() => (email === undefined ? null : emailDomainKindOf(email))),
    parsedPhone: () => prospectPhone(prospect, options.defaultPhoneRegion),
  };
}

/** Blank counts as absent: an empty field tells us no more than a missing one. */
function given(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function once<T>(compute: () => T): () => T {
  let box: { value: T } | undefined;
  return () => (box ??= { value: compute() }).value;
}

/**
 * A signal that fails to compute is unknown (null) rather than an error: one odd field must not
 * stop a prospect from being scored on everything else.
 */
function safely(compute: () => SignalValue): SignalValue {
  try {
    return compute();
  } catch {
    return null;
  }
}
