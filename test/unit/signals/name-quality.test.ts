import { assessNameQuality } from '../../../src/domain/signals/name-quality';

const REAL_NAMES = [
  'Li',
  'Wu',
  'Ng',
  'Xu',
  'Ó Briain',
  'Nguyễn',
  '李',
  'Zoë',
  'Mary-Jane',
  "O'Neil",
  'Jean-Luc',
  'Smith',
  'Bjørn',
  'Srđan',
  'Kwame Nkrumah',
  // Real names that contain a short keyboard run, a placeholder-ish word or many consonants.
  'Doherty',
  'Wertheimer',
  'Trewin',
  'Bar Refaeli',
  'Testa',
  'Schmidt',
  'Deutschmann',
  'Knightsbridge',
  'Llwyd',
  'Szczepański',
  'Александр',
  'Γιώργος',
  '김',
];

describe('real names are ok', () => {
  it.each(REAL_NAMES)('%s as a first name alone is ok', (name) => {
    expect(assessNameQuality(name)).toBe('ok');
  });

  it.each(REAL_NAMES)('%s as a last name alone is ok', (name) => {
    expect(assessNameQuality(undefined, name)).toBe('ok');
  });

  it.each(REAL_NAMES)('%s next to another real name is ok', (name) => {
    expect(assessNameQuality('Anna', name)).toBe('ok');
  });

  it('a two-character Chinese name given as surname and given name is ok', () => {
    expect(assessNameQuality('明', '李')).toBe('ok');
  });

  it('an initial next to a full name is ok', () => {
    expect(assessNameQuality('J.', 'Smith')).toBe('ok');
  });
});

describe('keyboard mashes are suspicious', () => {
  it.each([
    'asdf',
    'Asdfgh',
    'qwerty',
    'zxcv',
    'hjkl',
    'lkjh',
    'poiuy',
    'vbnm',
    'xkcdqwrt',
    'Jhgfds',
  ])('%s is suspicious', (name) => {
    expect(assessNameQuality(name)).toBe('suspicious');
  });

  it('a mash in the last name alone is enough', () => {
    expect(assessNameQuality('Anna', 'Sdfghj')).toBe('suspicious');
  });
});

describe('test and placeholder names are suspicious', () => {
  it.each([
    'test',
    'Test',
    'TEST',
    'Test User',
    'asdf',
    'foo',
    'fake',
    'none',
    'n/a',
    'N/A',
    'null',
    'undefined',
    'sample',
    'demo',
    'user',
    'admin',
    'abc',
    'xxx',
    'Dummy',
  ])('%s is suspicious', (name) => {
    expect(assessNameQuality(name)).toBe('suspicious');
  });

  it.each([
    ['Mickey', 'Mouse'],
    ['Donald', 'Duck'],
    ['John', 'Doe'],
    ['jane', 'DOE'],
    ['Foo', 'Bar'],
    ['Anna', 'Test'],
  ])('%s %s is suspicious', (first, last) => {
    expect(assessNameQuality(first, last)).toBe('suspicious');
  });

  it('a placeholder word only counts as a whole word', () => {
    expect(assessNameQuality('Testa', 'Fooks')).toBe('ok');
    expect(assessNameQuality('Abcde')).toBe('ok');
  });
});

describe('other signs of a made-up name', () => {
  it('a letter repeated three times is suspicious', () => {
    expect(assessNameQuality('aaa')).toBe('suspicious');
    expect(assessNameQuality('Anna', 'Smiiith')).toBe('suspicious');
  });

  it('a doubled letter is not', () => {
    expect(assessNameQuality('Anna', 'Abbott')).toBe('ok');
  });

  it('digits in a name are suspicious', () => {
    expect(assessNameQuality('John2', 'Smith')).toBe('suspicious');
    expect(assessNameQuality('Anna', '٣')).toBe('suspicious');
  });

  it('a first name equal to the last name is suspicious', () => {
    expect(assessNameQuality('Smith', 'smith')).toBe('suspicious');
  });

  it('a name made only of single letters is suspicious', () => {
    expect(assessNameQuality('J')).toBe('suspicious');
    expect(assessNameQuality('J', 'K')).toBe('suspicious');
    expect(assessNameQuality('J.', 'K.')).toBe('suspicious');
  });
});

describe('absent names', () => {
  it('no first or last name is missing', () => {
    expect(assessNameQuality()).toBe('missing');
    expect(assessNameQuality(undefined, undefined)).toBe('missing');
  });

  it('blank names are missing', () => {
    expect(assessNameQuality('', '   ')).toBe('missing');
  });

  it('one name given is enough to judge', () => {
    expect(assessNameQuality(undefined, 'Smith')).toBe('ok');
  });
});
