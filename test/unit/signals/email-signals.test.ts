import {
  emailDomainKindOf,
  emailLocalPartOf,
  emailMatchesCompanyDomain,
  isRoleAccount,
} from '../../../src/domain/signals/email-signals';

describe('what kind of mailbox an email address is', () => {
  it('a company address is classed corporate', () => {
    expect(emailDomainKindOf('jane@acme.com')).toBe('corporate');
  });

  it('a webmail address is classed free', () => {
    expect(emailDomainKindOf('jane@gmail.com')).toBe('free');
  });

  it('a disposable address is classed disposable', () => {
    expect(emailDomainKindOf('jane@mailinator.com')).toBe('disposable');
  });

  it('the domain is matched case-insensitively', () => {
    expect(emailDomainKindOf('Jane@GMAIL.com')).toBe('free');
  });

  it.each(['@acme.com', '.jane@acme.com', 'ja..ne@acme.com', 'jane.@acme.com', 'ja ne@acme.com'])(
    'an address with an empty or malformed local part (%s) is invalid',
    (email) => {
      expect(emailDomainKindOf(email)).toBe('invalid');
    },
  );

  it('a local part longer than 64 characters is invalid', () => {
    expect(emailDomainKindOf(`${'a'.repeat(65)}@acme.com`)).toBe('invalid');
  });

  it.each(['jane@', 'jane', 'jane@localhost', 'jane@acme.test', 'jane@example.com'])(
    'an address whose domain cannot receive mail (%s) is invalid',
    (email) => {
      expect(emailDomainKindOf(email)).toBe('invalid');
    },
  );

  it('internationalised and tagged local parts are accepted', () => {
    expect(emailDomainKindOf('zoë+news@acme.com')).toBe('corporate');
    expect(emailDomainKindOf("o'neil@acme.com")).toBe('corporate');
  });

  it('the local part is what comes before the last @', () => {
    expect(emailLocalPartOf('jane@acme.com')).toBe('jane');
    expect(emailLocalPartOf('@acme.com')).toBeNull();
    expect(emailLocalPartOf('no-at-sign')).toBeNull();
  });
});

describe('shared role mailboxes', () => {
  it.each([
    'info',
    'sales',
    'admin',
    'support',
    'contact',
    'hello',
    'office',
    'noreply',
    'no-reply',
    'billing',
    'marketing',
    'team',
    'webmaster',
    'postmaster',
    'hr',
    'jobs',
  ])('%s@ is a role account', (local) => {
    expect(isRoleAccount(`${local}@acme.com`)).toBe(true);
  });

  it('role mailboxes are recognised whatever their case or +tag', () => {
    expect(isRoleAccount('Sales@acme.com')).toBe(true);
    expect(isRoleAccount('sales+web@acme.com')).toBe(true);
  });

  it('a personal mailbox is not a role account, even one that starts like a role', () => {
    expect(isRoleAccount('jane@acme.com')).toBe(false);
    expect(isRoleAccount('jane.sales@acme.com')).toBe(false);
    expect(isRoleAccount('information.officer@acme.com')).toBe(false);
  });

  it('an address with no local part is not a role account', () => {
    expect(isRoleAccount('@acme.com')).toBe(false);
  });
});

describe('whether the email belongs to the company domain', () => {
  it('the same domain matches', () => {
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', 'acme.com')).toBe(true);
  });

  it('a mail sub-domain of the company domain matches', () => {
    expect(emailMatchesCompanyDomain('eu.acme.com', 'corporate', 'acme.com')).toBe(true);
  });

  it('a company entered as a sub-domain matches mail at its parent domain', () => {
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', 'shop.acme.com')).toBe(true);
  });

  it('the company domain is normalised before comparing', () => {
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', 'https://www.ACME.com/about')).toBe(
      true,
    );
  });

  it('a domain that merely ends with the same letters does not match', () => {
    expect(emailMatchesCompanyDomain('notacme.com', 'corporate', 'acme.com')).toBe(false);
  });

  it('a different company does not match', () => {
    expect(emailMatchesCompanyDomain('globex.com', 'corporate', 'acme.com')).toBe(false);
  });

  it.each(['free', 'disposable', 'invalid'] as const)(
    'a %s mailbox never matches, even on the same domain',
    (kind) => {
      expect(emailMatchesCompanyDomain('gmail.com', kind, 'gmail.com')).toBe(false);
    },
  );

  it('is unknown without an email or without a company domain', () => {
    expect(emailMatchesCompanyDomain(null, null, 'acme.com')).toBeNull();
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', undefined)).toBeNull();
  });

  it('is unknown when the company domain is not a usable domain name', () => {
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', 'https://')).toBeNull();
    expect(emailMatchesCompanyDomain('acme.com', 'corporate', 'com')).toBeNull();
  });
});
