import fc from 'fast-check';
import type { Prospect } from '../../../src/domain/prospect';
import {
  SIGNAL_DESCRIPTIONS,
  SIGNAL_NAMES,
  isSignalName,
} from '../../../src/domain/signals/signal-catalog';
import type { SignalName, SignalValue } from '../../../src/domain/signals/signal-catalog';
import { createSignalSet } from '../../../src/domain/signals/signal-set';
import {
  COMPANY_SIZE_BANDS,
  EMAIL_DOMAIN_KINDS,
  NAME_QUALITIES,
  PHONE_TYPES,
} from '../../../src/domain/signals/signal-values';

const oneOf = (values: readonly string[], nullable: boolean) => (value: SignalValue) =>
  (nullable && value === null) || (typeof value === 'string' && values.includes(value));
const booleanOrNull = (value: SignalValue) => value === null || typeof value === 'boolean';

const ALLOWED: Record<SignalName, (value: SignalValue) => boolean> = {
  emailDomain: (value) =>
    value === null || (typeof value === 'string' && value === value.toLowerCase()),
  emailDomainKind: oneOf(EMAIL_DOMAIN_KINDS, true),
  emailIsRoleAccount: booleanOrNull,
  emailMatchesCompanyDomain: booleanOrNull,
  phoneValid: booleanOrNull,
  phoneType: oneOf(PHONE_TYPES, true),
  phoneCountry: (value) =>
    value === null || (typeof value === 'string' && /^[A-Z]{2}$/.test(value)),
  phoneCountryMatchesCountry: booleanOrNull,
  nameQuality: oneOf(NAME_QUALITIES, false),
  companySizeBand: oneOf(COMPANY_SIZE_BANDS, true),
};

describe('the signal catalog', () => {
  it('every signal is described, with its possible values', () => {
    expect(Object.keys(SIGNAL_DESCRIPTIONS).sort()).toEqual([...SIGNAL_NAMES].sort());
    for (const name of SIGNAL_NAMES) {
      expect(SIGNAL_DESCRIPTIONS[name].description).not.toBe('');
      expect(SIGNAL_DESCRIPTIONS[name].values).not.toBe('');
    }
  });

  it('only catalog names are signal names', () => {
    expect(SIGNAL_NAMES.every(isSignalName)).toBe(true);
    expect(isSignalName('emaildomain')).toBe(false);
    expect(isSignalName('toString')).toBe(false);
    expect(isSignalName('__proto__')).toBe(false);
  });
});

describe('any signup data at all', () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('jane@acme.com', '+1 650 253 0000', '(650) 253-0000', 'acme.com', 'US', ''),
  );
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const prospect: fc.Arbitrary<Prospect> = fc.record(
    {
      email: optional(
        fc.oneof(
          text,
          fc.tuple(text, text).map(([a, b]) => `${a}@${b}`),
        ),
      ),
      phone: optional(text),
      firstName: optional(text),
      lastName: optional(text),
      country: optional(text),
      company: optional(
        fc.record(
          {
            domain: optional(text),
            employees: optional(fc.oneof(fc.integer(), fc.double())),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );

  it('never makes a signal throw, and always gives a value the catalog allows', () => {
    fc.assert(
      fc.property(prospect, text, fc.shuffledSubarray([...SIGNAL_NAMES]), (p, region, names) => {
        const signals = createSignalSet(p, { defaultPhoneRegion: region });
        for (const name of names) {
          const value = signals.value(name);
          if (!ALLOWED[name](value)) throw new Error(`${name} gave ${String(value)}`);
        }
        expect(Object.keys(signals.seen())).toEqual(names);
      }),
    );
  });
});
