import { CustomerIndex, hashIdentifier } from '../../../src/domain/customers/customer-index';
import { hashCustomerLines } from '../../../src/domain/customers/hash-customer-lines';

const hex = 'c'.repeat(64);
const input = [
  '# export 2024-05-01',
  'Jane.Doe+x@GoogleMail.com',
  '',
  '(415) 555-0100',
  'https://www.acme.com/',
  `SHA256:${hex.toUpperCase()}`,
  'gmail.com',
  'not a thing',
  `hmac-sha256:${'d'.repeat(64)}`,
];

describe('hashCustomerLines', () => {
  it('writes hmac lines of the normalized values when keyed', () => {
    const result = hashCustomerLines(input, { hashKey: 'k', defaultPhoneRegion: 'US' });
    expect(result.algorithm).toBe('hmac-sha256');
    expect(result.lines).toEqual([
      hashIdentifier('hmac-sha256', 'janedoe@gmail.com', 'k'),
      hashIdentifier('hmac-sha256', '+14155550100', 'k'),
      hashIdentifier('hmac-sha256', 'acme.com', 'k'),
      `sha256:${hex}`,
      `hmac-sha256:${'d'.repeat(64)}`,
    ]);
    expect(result.problems).toEqual([
      { line: 7, message: 'a free mail domain never marks a customer' },
      { line: 8, message: expect.stringMatching(/not an email/) },
    ]);
  });

  it('falls back to sha256 without a key', () => {
    const result = hashCustomerLines(['jane@acme.com'], { defaultPhoneRegion: 'US' });
    expect(result.algorithm).toBe('sha256');
    expect(result.lines).toEqual([hashIdentifier('sha256', 'jane@acme.com')]);
    expect(
      hashCustomerLines(['jane@acme.com'], { hashKey: '', defaultPhoneRegion: 'US' }).algorithm,
    ).toBe('sha256');
  });

  it('parses phones with the default region', () => {
    const result = hashCustomerLines(['020 7946 0958'], { defaultPhoneRegion: 'GB' });
    expect(result.lines).toEqual([hashIdentifier('sha256', '+442079460958')]);
  });

  it('never echoes a skipped line in a problem', () => {
    const { problems } = hashCustomerLines(['secret-person@', 'sha256:secret'], {
      defaultPhoneRegion: 'US',
    });
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem.message).not.toMatch(/secret/);
  });

  it('produces a file the index reads back as the same customers', () => {
    const { lines } = hashCustomerLines(input, { hashKey: 'k', defaultPhoneRegion: 'US' });
    const { index, problems } = CustomerIndex.fromLines(lines, {
      hashKey: 'k',
      defaultPhoneRegion: 'US',
    });
    expect(problems).toEqual([]);
    expect(index.match({ email: 'janedoe@gmail.com' }, 'US')).toEqual({ by: 'email' });
    expect(index.match({ phone: '+1 415 555 0100' }, 'US')).toEqual({ by: 'phone' });
    expect(index.match({ email: 'bob@acme.com' }, 'US')).toEqual({ by: 'domain' });
    expect(index.match({ email: 'bob@gmail.com' }, 'US')).toBeNull();
  });
});
