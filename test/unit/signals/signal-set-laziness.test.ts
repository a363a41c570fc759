import type { Prospect } from '../../../src/domain/prospect';
import { createSignalSet } from '../../../src/domain/signals/signal-set';
import type { SignalName } from '../../../src/domain/signals/signal-catalog';

const signalsOf = (prospect: Prospect) => createSignalSet(prospect, { defaultPhoneRegion: 'US' });

describe('signals are computed lazily and reported as seen', () => {
  const prospect: Prospect = {
    email: 'jane@acme.com',
    phone: '+1 650 253 0000',
    firstName: 'Jane',
    company: { domain: 'acme.com', employees: 5 },
  };

  it('a set where nothing was asked has seen nothing', () => {
    expect(signalsOf(prospect).seen()).toEqual({});
  });

  it('only the signal asked for is seen', () => {
    const signals = signalsOf(prospect);
    signals.value('emailDomainKind');
    expect(signals.seen()).toEqual({ emailDomainKind: 'corporate' });
  });

  it('signals used only as a dependency of another are not seen', () => {
    const signals = signalsOf(prospect);
    signals.value('emailMatchesCompanyDomain');
    expect(signals.seen()).toEqual({ emailMatchesCompanyDomain: true });
  });

  it('seen signals keep the order they were first asked in, once each', () => {
    const signals = signalsOf(prospect);
    const asked: SignalName[] = ['phoneType', 'nameQuality', 'phoneType', 'companySizeBand'];
    asked.forEach((name) => signals.value(name));
    expect(Object.keys(signals.seen())).toEqual(['phoneType', 'nameQuality', 'companySizeBand']);
    expect(signals.seen()).toEqual({
      phoneType: 'fixed_line_or_mobile',
      nameQuality: 'ok',
      companySizeBand: '1-10',
    });
  });

  it('asking again gives the same answer', () => {
    const signals = signalsOf(prospect);
    expect(signals.value('phoneCountry')).toBe(signals.value('phoneCountry'));
  });

  it('seen() hands out a fresh object each time', () => {
    const signals = signalsOf(prospect);
    signals.value('nameQuality');
    const first = signals.seen();
    first.nameQuality = 'missing';
    expect(signals.seen()).toEqual({ nameQuality: 'ok' });
    expect(signals.seen()).not.toBe(signals.seen());
  });

  it('a name outside the catalog, as an unchecked rule file might ask, is null and unseen', () => {
    const signals = signalsOf(prospect);
    const unchecked = '__proto__' as SignalName;
    expect(signals.value(unchecked)).toBeNull();
    expect(signals.seen()).toEqual({});
  });
});
