import type { Prospect } from '../../../src/domain/prospect';
import { createSignalSet } from '../../../src/domain/signals/signal-set';

const US = { defaultPhoneRegion: 'US' };

const signalsOf = (prospect: Prospect, options = US) => createSignalSet(prospect, options);

describe('email signals of a prospect', () => {
  it('a corporate address on the company domain', () => {
    const signals = signalsOf({ email: 'Jane@EU.Acme.com', company: { domain: 'acme.com' } });
    expect(signals.value('emailDomain')).toBe('eu.acme.com');
    expect(signals.value('emailDomainKind')).toBe('corporate');
    expect(signals.value('emailIsRoleAccount')).toBe(false);
    expect(signals.value('emailMatchesCompanyDomain')).toBe(true);
  });

  it('a free-mail role account never matches the company domain', () => {
    const signals = signalsOf({ email: 'info@gmail.com', company: { domain: 'gmail.com' } });
    expect(signals.value('emailDomainKind')).toBe('free');
    expect(signals.value('emailIsRoleAccount')).toBe(true);
    expect(signals.value('emailMatchesCompanyDomain')).toBe(false);
  });

  it('a trailing dot on the domain is dropped', () => {
    expect(signalsOf({ email: 'jane@Acme.com.' }).value('emailDomain')).toBe('acme.com');
  });

  it('a disposable address is classed disposable', () => {
    expect(signalsOf({ email: 'x@mailinator.com' }).value('emailDomainKind')).toBe('disposable');
  });

  it('an address with an empty local part is invalid, with no domain to speak of', () => {
    const signals = signalsOf({ email: '@acme.com', company: { domain: 'acme.com' } });
    expect(signals.value('emailDomain')).toBeNull();
    expect(signals.value('emailDomainKind')).toBe('invalid');
    expect(signals.value('emailMatchesCompanyDomain')).toBe(false);
  });

  it('with no email every email signal is null', () => {
    const signals = signalsOf({ phone: '+1 650 253 0000', company: { domain: 'acme.com' } });
    expect(signals.value('emailDomain')).toBeNull();
    expect(signals.value('emailDomainKind')).toBeNull();
    expect(signals.value('emailIsRoleAccount')).toBeNull();
    expect(signals.value('emailMatchesCompanyDomain')).toBeNull();
  });

  it('without a company domain the email cannot match it', () => {
    expect(signalsOf({ email: 'jane@acme.com' }).value('emailMatchesCompanyDomain')).toBeNull();
  });
});

describe('phone signals of a prospect', () => {
  it('a national number is read in the default region when the prospect has no country', () => {
    const signals = signalsOf({ phone: '(650) 253-0000' });
    expect(signals.value('phoneValid')).toBe(true);
    expect(signals.value('phoneType')).toBe('fixed_line_or_mobile');
    expect(signals.value('phoneCountry')).toBe('US');
    expect(signals.value('phoneCountryMatchesCountry')).toBeNull();
  });

  it("a national number is read in the prospect's own country when given", () => {
    const signals = signalsOf({ phone: '020 7946 0958', country: 'GB' });
    expect(signals.value('phoneType')).toBe('fixed_line');
    expect(signals.value('phoneCountry')).toBe('GB');
    expect(signals.value('phoneCountryMatchesCountry')).toBe(true);
  });

  it('a number from another country than the declared one does not match', () => {
    const signals = signalsOf({ phone: '+49 30 901820', country: 'FR' });
    expect(signals.value('phoneCountry')).toBe('DE');
    expect(signals.value('phoneCountryMatchesCountry')).toBe(false);
  });

  it('an invalid number has an unknown type and no country to compare', () => {
    const signals = signalsOf({ phone: '+44 7700 900123', country: 'GB' });
    expect(signals.value('phoneValid')).toBe(false);
    expect(signals.value('phoneType')).toBe('unknown');
    expect(signals.value('phoneCountry')).toBeNull();
    expect(signals.value('phoneCountryMatchesCountry')).toBeNull();
  });

  it('with no phone every phone signal is null', () => {
    const signals = signalsOf({ email: 'jane@acme.com', country: 'US' });
    expect(signals.value('phoneValid')).toBeNull();
    expect(signals.value('phoneType')).toBeNull();
    expect(signals.value('phoneCountry')).toBeNull();
    expect(signals.value('phoneCountryMatchesCountry')).toBeNull();
  });

  it('an unusable default region only leaves national numbers unreadable', () => {
    const options = { defaultPhoneRegion: 'nowhere' };
    expect(signalsOf({ phone: '(650) 253-0000' }, options).value('phoneValid')).toBe(false);
    expect(signalsOf({ phone: '+1 650 253 0000' }, options).value('phoneValid')).toBe(true);
  });
});

describe('name and company signals of a prospect', () => {
  it('names and head count are judged', () => {
    const signals = signalsOf({
      email: 'a@acme.com',
      firstName: 'Kwame',
      lastName: 'Nkrumah',
      company: { employees: 42 },
    });
    expect(signals.value('nameQuality')).toBe('ok');
    expect(signals.value('companySizeBand')).toBe('11-50');
  });

  it('with no names and no head count', () => {
    const signals = signalsOf({ email: 'a@acme.com' });
    expect(signals.value('nameQuality')).toBe('missing');
    expect(signals.value('companySizeBand')).toBeNull();
  });

  it('a placeholder name is suspicious', () => {
    expect(signalsOf({ email: 'a@acme.com', firstName: 'Test' }).value('nameQuality')).toBe(
      'suspicious',
    );
  });
});
