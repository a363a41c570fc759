import fc from 'fast-check';
import {
  classifyIdentifierLine,
  normalizeDomain,
  normalizeEmail,
  normalizePhone,
} from '../../../src/domain/customers/normalize-identifier';

describe('normalizeEmail', () => {
  it.each([
    ['  Jane.Doe@Acme.COM ', 'jane.doe@acme.com'],
    ['jane+news@acme.com', 'jane+news@acme.com'],
    ['J.A.N.E@gmail.com', 'jane@gmail.com'],
    ['jane.doe+promo@Gmail.com', 'janedoe@gmail.com'],
    ['jane.doe+a+b@googlemail.com', 'janedoe@gmail.com'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each(['', 'jane', 'jane@', '@acme.com', 'a@b@c.com', 'ja ne@acme.com', '+tag@gmail.com'])(
    'rejects %j',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const once = normalizeEmail(email);
        fc.pre(once !== null);
        expect(normalizeEmail(once as string)).toBe(once);
      }),
    );
  });
});

describe('normalizePhone', () => {
  it.each(['(415) 555-0100', '+1 415 555 0100', '4155550100', '415.555.0100', '1-415-555-0100'])(
    '%j in US → +14155550100',
    (raw) => {
      expect(normalizePhone(raw, 'US')).toBe('+14155550100');
    },
  );

  it('uses the region for national numbers', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958', 'gb')).toBe('+442079460958');
  });

  it('still parses international numbers under an unknown region', () => {
    expect(normalizePhone('+1 415 555 0100', 'XX')).toBe('+14155550100');
    expect(normalizePhone('4155550100', 'XX')).toBeNull();
  });

  it.each(['12345', '555-0100', 'not a phone', ''])('rejects %j', (raw) => {
    expect(normalizePhone(raw, 'US')).toBeNull();
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['Acme.com', 'acme.com'],
    ['  acme.com.  ', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['https://www.Acme.com/about?x=1#top', 'acme.com'],
    ['http://acme.com:8080/path', 'acme.com'],
    ['acme.com:443', 'acme.com'],
    ['eu.acme.co.uk', 'eu.acme.co.uk'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it.each([
    '',
    'https://',
    'localhost',
    'acme',
    'acme.test',
    'example.com',
    'ac me.com',
    '-acme.com',
  ])('rejects %j', (raw) => {
    expect(normalizeDomain(raw)).toBeNull();
  });
});

describe('classifyIdentifierLine', () => {
  const hex = 'AB'.repeat(32);

  it.each([
    ['', { kind: 'ignored' }],
    ['   ', { kind: 'ignored' }],
    ['# a comment', { kind: 'ignored' }],
    [`sha256:${hex}`, { kind: 'sha256', hex: hex.toLowerCase() }],
    [`HMAC-SHA256:${hex}`, { kind: 'hmac-sha256', hex: hex.toLowerCase() }],
    ['sha256:xyz', { kind: 'sha256', hex: 'xyz' }],
    [' jane@acme.com ', { kind: 'email', text: 'jane@acme.com' }],
    ['1234567@acme.com', { kind: 'email', text: '1234567@acme.com' }],
    ['(415) 555-0100', { kind: 'phone', text: '(415) 555-0100' }],
    ['+44 20 7946 0958', { kind: 'phone', text: '+44 20 7946 0958' }],
    ['123456', { kind: 'domain', text: '123456' }],
    ['acme.com', { kind: 'domain', text: 'acme.com' }],
    ['https://acme.com/', { kind: 'domain', text: 'https://acme.com/' }],
  ])('%j', (line, expected) => {
    expect(classifyIdentifierLine(line)).toEqual(expected);
  });
});
