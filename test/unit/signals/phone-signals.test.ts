import {
  prospectPhone,
  readPhone,
  phoneRegionHint,
} from '../../../src/domain/signals/phone-signals';

// Every number here was checked against libphonenumber-js/max before being asserted on.
describe('reading a phone number', () => {
  it('an international number is valid whatever the region hint', () => {
    expect(readPhone('+1 650 253 0000', undefined)).toEqual({
      valid: true,
      type: 'fixed_line_or_mobile',
      country: 'US',
      e164: '+16502530000',
    });
    expect(readPhone('+44 20 7946 0958', 'FR').country).toBe('GB');
  });

  it('a national number is read in the hinted region', () => {
    expect(readPhone('(650) 253-0000', 'US')).toEqual({
      valid: true,
      type: 'fixed_line_or_mobile',
      country: 'US',
      e164: '+16502530000',
    });
    expect(readPhone('030 901820', 'DE').country).toBe('DE');
  });

  it('a national number with no region hint cannot be read', () => {
    expect(readPhone('(650) 253-0000', undefined).valid).toBe(false);
  });

  it('an extension does not stop a number from being valid', () => {
    expect(readPhone('+1 650 253 0000 ext. 12', undefined).valid).toBe(true);
  });

  it.each([
    ['+44 7400 123456', 'mobile'],
    ['+44 20 7946 0958', 'fixed_line'],
    ['+49 30 901820', 'fixed_line'],
    ['+1 650 253 0000', 'fixed_line_or_mobile'],
    ['+44 800 123 4567', 'toll_free'],
    ['+44 900 123 4567', 'premium_rate'],
    ['+33 810 12 34 56', 'shared_cost'],
    ['+44 56 1234 5678', 'voip'],
    ['+44 70 1234 5678', 'personal_number'],
    ['+44 76 2312 3456', 'pager'],
    ['+44 55 1234 5678', 'uan'],
    ['+47 812 34567', 'voicemail'],
  ])('%s is a %s number', (phone, type) => {
    expect(readPhone(phone, undefined)).toMatchObject({ valid: true, type });
  });

  it('a number in an unallocated range is invalid, of unknown type and country, yet possible', () => {
    // Ofcom's drama range: well-formed, but never assigned to anyone. Still one unambiguous
    // number, so it keeps its E.164 form for customer matching and lookups.
    expect(readPhone('+44 7700 900123', 'GB')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
      e164: '+447700900123',
    });
  });

  it('an invalid national number does not take the hinted region as its country', () => {
    expect(readPhone('555 0100', 'US')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
      e164: null,
    });
  });

  it.each(['abc', '123', '+999 123', '', '+', '((((('])('%p is not a valid number', (phone) => {
    expect(readPhone(phone, 'US')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
      e164: null,
    });
  });
});

describe('the region used for national numbers', () => {
  it("the prospect's country is used when given", () => {
    expect(phoneRegionHint('GB', 'US')).toBe('GB');
    expect(phoneRegionHint(' de ', 'US')).toBe('DE');
  });

  it('the default region is used when the prospect has no country', () => {
    expect(phoneRegionHint(undefined, 'US')).toBe('US');
    expect(phoneRegionHint('', 'us')).toBe('US');
  });

  it('a country without phone numbering gives no hint rather than the default', () => {
    expect(phoneRegionHint('AQ', 'US')).toBeUndefined();
  });

  it('an unusable default region gives no hint', () => {
    expect(phoneRegionHint(undefined, 'XX')).toBeUndefined();
    expect(phoneRegionHint(undefined, '__proto__')).toBeUndefined();
  });
});

describe("a prospect's phone", () => {
  it('is read once per prospect, whichever part of a decision asks first', () => {
    const prospect = { phone: '(650) 253-0000', country: 'US' };
    const first = prospectPhone(prospect, 'GB');
    expect(first?.e164).toBe('+16502530000');
    expect(prospectPhone(prospect, 'GB')).toBe(first);
  });

  it('is read again under another default region', () => {
    const prospect = { phone: '020 7946 0958' };
    expect(prospectPhone(prospect, 'GB')?.country).toBe('GB');
    expect(prospectPhone(prospect, 'US')?.valid).toBe(false);
  });

  it('is absent when blank or not given', () => {
    expect(prospectPhone({ phone: '  ' }, 'US')).toBeNull();
    expect(prospectPhone({ email: 'a@b.co' }, 'US')).toBeNull();
  });
});
