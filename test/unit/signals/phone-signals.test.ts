import { parseProspectPhone, phoneRegionHint } from '../../../src/domain/signals/phone-signals';

// Every number here was checked against libphonenumber-js/max before being asserted on.
describe('reading a phone number', () => {
  it('an international number is valid whatever the region hint', () => {
    expect(parseProspectPhone('+1 650 253 0000', undefined)).toEqual({
      valid: true,
      type: 'fixed_line_or_mobile',
      country: 'US',
    });
    expect(parseProspectPhone('+44 20 7946 0958', 'FR').country).toBe('GB');
  });

  it('a national number is read in the hinted region', () => {
    expect(parseProspectPhone('(650) 253-0000', 'US')).toEqual({
      valid: true,
      type: 'fixed_line_or_mobile',
      country: 'US',
    });
    expect(parseProspectPhone('030 901820', 'DE').country).toBe('DE');
  });

  it('a national number with no region hint cannot be read', () => {
    expect(parseProspectPhone('(650) 253-0000', undefined).valid).toBe(false);
  });

  it('an extension does not stop a number from being valid', () => {
    expect(parseProspectPhone('+1 650 253 0000 ext. 12', undefined).valid).toBe(true);
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
    expect(parseProspectPhone(phone, undefined)).toMatchObject({ valid: true, type });
  });

  it('a number in an unallocated range is invalid, of unknown type and country', () => {
    // Ofcom's drama range: well-formed, but never assigned to anyone.
    expect(parseProspectPhone('+44 7700 900123', 'GB')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
    });
  });

  it('an invalid national number does not take the hinted region as its country', () => {
    expect(parseProspectPhone('555 0100', 'US')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
    });
  });

  it.each(['abc', '123', '+999 123', '', '+', '((((('])('%p is not a valid number', (phone) => {
    expect(parseProspectPhone(phone, 'US')).toEqual({
      valid: false,
      type: 'unknown',
      country: null,
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
