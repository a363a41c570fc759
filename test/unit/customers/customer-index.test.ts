import { CustomerIndex, hashIdentifier } from '../../../src/domain/customers/customer-index';
import type { Prospect } from '../../../src/domain/prospect';

const US = { defaultPhoneRegion: 'US' };

function indexOf(lines: string[], options: { hashKey?: string; defaultPhoneRegion: string } = US) {
  return CustomerIndex.fromLines(lines, options);
}

function matchOf(lines: string[], prospect: Prospect, hashKey?: string) {
  return indexOf(lines, { hashKey, defaultPhoneRegion: 'US' }).index.match(prospect, 'US');
}

describe('CustomerIndex by email', () => {
  const lines = ['Jane.Doe@Acme.com', 'j.smith+crm@gmail.com', 'bob+sales@outlook.com'];

  it.each([
    ['jane.doe@acme.com', { by: 'email' }],
    ['  JANE.DOE@ACME.COM ', { by: 'email' }],
    ['jsmith@gmail.com', { by: 'email' }],
    ['J.Smith+other@googlemail.com', { by: 'email' }],
    ['bob+sales@outlook.com', { by: 'email' }],
    ['bob@outlook.com', null],
    ['janedoe@acme.com', null],
    ['someone@gmail.com', null],
  ])('%j → %j', (email, expected) => {
    expect(matchOf(lines, { email })).toEqual(expected);
  });

  it('never turns an email line into a customer domain', () => {
    expect(matchOf(['jane@acme.com'], { email: 'bob@acme.com' })).toBeNull();
    expect(
      matchOf(['jane@acme.com'], { phone: '4155550100', company: { domain: 'acme.com' } }),
    ).toBeNull();
  });
});

describe('CustomerIndex by phone', () => {
  it.each(['(415) 555-0100', '+1 415 555 0100', '4155550100', '415.555.0100'])(
    'file line %j matches every format of the number',
    (line) => {
      for (const phone of ['+14155550100', '(415) 555-0100', '415.555.0100']) {
        expect(matchOf([line], { phone })).toEqual({ by: 'phone' });
      }
    },
  );

  it("parses the prospect's phone in the prospect's country", () => {
    const { index } = indexOf(['+44 20 7946 0958']);
    expect(index.match({ phone: '020 7946 0958', country: 'GB' }, 'US')).toEqual({ by: 'phone' });
    expect(index.match({ phone: '020 7946 0958' }, 'GB')).toEqual({ by: 'phone' });
    expect(index.match({ phone: '020 7946 0958' }, 'US')).toBeNull();
  });

  it('parses file lines in the default region', () => {
    const { index } = indexOf(['020 7946 0958'], { defaultPhoneRegion: 'GB' });
    expect(index.match({ phone: '+442079460958' })).toEqual({ by: 'phone' });
  });
});

describe('CustomerIndex by domain', () => {
  const lines = ['https://www.acme.com/'];

  it('matches the email domain and company.domain', () => {
    expect(matchOf(lines, { email: 'anyone@ACME.com' })).toEqual({ by: 'domain' });
    expect(matchOf(lines, { phone: '4155550100', company: { domain: 'www.acme.com' } })).toEqual({
      by: 'domain',
    });
    expect(
      matchOf(lines, { email: 'x@gmail.com', company: { domain: 'https://acme.com' } }),
    ).toEqual({
      by: 'domain',
    });
    expect(matchOf(lines, { email: 'anyone@acme.co' })).toBeNull();
  });

  it('checks email, then phone, then domain', () => {
    const all = ['jane@acme.com', '4155550100', 'acme.com'];
    expect(matchOf(all, { email: 'jane@acme.com', phone: '4155550100' })).toEqual({ by: 'email' });
    expect(matchOf(all, { email: 'bob@acme.com', phone: '4155550100' })).toEqual({ by: 'phone' });
    expect(matchOf(all, { email: 'bob@acme.com', phone: '4155550199' })).toEqual({ by: 'domain' });
  });
});

describe('a gmail customer never makes other gmail users customers', () => {
  const stranger: Prospect = { email: 'stranger@gmail.com', company: { domain: 'gmail.com' } };

  it('with an email line', () => {
    expect(matchOf(['someone@gmail.com'], stranger)).toBeNull();
  });

  it('with a bare gmail.com line, which is reported and skipped', () => {
    const { index, problems } = indexOf(['gmail.com', 'mailinator.com']);
    expect(index.size).toBe(0);
    expect(problems).toEqual([
      { line: 1, message: 'a free mail domain never marks a customer' },
      { line: 2, message: 'a disposable mail domain never marks a customer' },
    ]);
    expect(index.match(stranger, 'US')).toBeNull();
  });

  it('with a hashed gmail.com line', () => {
    const hashed = [
      hashIdentifier('sha256', 'gmail.com'),
      hashIdentifier('hmac-sha256', 'gmail.com', 'k'),
    ];
    expect(matchOf(hashed, stranger, 'k')).toBeNull();
  });
});

describe('CustomerIndex with hashed lines', () => {
  const prospect: Prospect = { email: 'Jane.Doe+x@googlemail.com', phone: '(415) 555-0100' };

  it.each([
    ['janedoe@gmail.com', { by: 'email' }],
    ['+14155550100', { by: 'phone' }],
  ])('sha256 of %j matches', (normalized, expected) => {
    expect(matchOf([hashIdentifier('sha256', normalized)], prospect)).toEqual(expected);
    expect(matchOf([hashIdentifier('sha256', normalized).toUpperCase()], prospect)).toEqual(
      expected,
    );
  });

  it('sha256 of a domain matches the email domain and company.domain', () => {
    const lines = [hashIdentifier('sha256', 'acme.com')];
    expect(matchOf(lines, { email: 'bob@acme.com' })).toEqual({ by: 'domain' });
    expect(matchOf(lines, { phone: '4155550100', company: { domain: 'acme.com' } })).toEqual({
      by: 'domain',
    });
  });

  it('hmac lines match with the key', () => {
    const lines = [
      hashIdentifier('hmac-sha256', 'janedoe@gmail.com', 'k'),
      hashIdentifier('hmac-sha256', 'acme.com', 'k'),
    ];
    expect(matchOf(lines, prospect, 'k')).toEqual({ by: 'email' });
    expect(matchOf(lines, { email: 'bob@acme.com' }, 'k')).toEqual({ by: 'domain' });
    expect(matchOf(lines, prospect, 'other key')).toBeNull();
  });

  it('hmac lines without a key are reported and skipped', () => {
    const line = hashIdentifier('hmac-sha256', 'janedoe@gmail.com', 'k');
    const { index, problems } = indexOf([line]);
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/no hash key/) }]);
    expect(index.size).toBe(0);
    expect(index.match(prospect, 'US')).toBeNull();
  });
});

describe('CustomerIndex problems', () => {
  it('reports skipped lines by 1-based line number without their content', () => {
    const { index, problems } = indexOf([
      '# customers',
      'jane@acme.com',
      '',
      'sha256:abc123',
      'not-an-email@',
      '555-0100 55',
      'nothing here',
      'localhost',
      `sha256:${'a'.repeat(64)}`,
    ]);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7, 8]);
    expect(problems[0]?.message).toMatch(/malformed sha256/);
    expect(problems[1]?.message).toMatch(/email/);
    expect(problems[2]?.message).toMatch(/phone/);
    for (const { message } of problems) {
      expect(message).not.toMatch(/abc123|not-an-email|555|nothing|localhost/);
    }
    expect(index.size).toBe(2);
  });

  it('counts distinct entries in size', () => {
    expect(indexOf(['jane@acme.com', 'JANE@acme.com', 'acme.com', '4155550100']).index.size).toBe(
      3,
    );
  });

  it('matches nobody when empty', () => {
    expect(
      indexOf([]).index.match({ email: 'jane@acme.com', phone: '4155550100' }, 'US'),
    ).toBeNull();
  });
});
