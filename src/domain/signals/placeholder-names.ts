// Words people type into a name field when they do not want to give a name, or when testing a
// form. Matched as whole words only, so Testa, Barton or Fooks are unaffected. "bar" alone is
// left out on purpose: it is a real Hebrew name (Bar Refaeli) and only means "placeholder" next
// to "foo", which PLACEHOLDER_FULL_NAMES covers.
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'test',
  'tests',
  'testing',
  'tester',
  'asdf',
  'asd',
  'qwe',
  'qwer',
  'qwerty',
  'zxc',
  'foo',
  'foobar',
  'baz',
  'fake',
  'none',
  'null',
  'nil',
  'undefined',
  'sample',
  'demo',
  'user',
  'admin',
  'abc',
  'xxx',
  'xyz',
  'dummy',
  'placeholder',
  'anonymous',
  'anon',
  'unknown',
  'noname',
  'nobody',
  'example',
  'firstname',
  'lastname',
  'blah',
  'lorem',
  'ipsum',
  'tbd',
  'spam',
]);

// Whole values that are placeholders only as a pair, or that tokenising would break apart.
const PLACEHOLDER_FULL_NAMES: ReadonlySet<string> = new Set([
  'n/a',
  'n.a.',
  'n.a',
  'mickey mouse',
  'minnie mouse',
  'donald duck',
  'john doe',
  'jane doe',
  'foo bar',
  'first last',
  'first name',
  'last name',
  'first name last name',
  'your name',
  'no name',
]);

// Apostrophes are part of a name (O'Neil), so they do not split words.
const WORD_SEPARATORS = /[\s\-_.,/]+/u;

/** True when the (already lower-cased) value is, or contains as a word, a placeholder name. */
export function isPlaceholderName(lowerCased: string): boolean {
  if (PLACEHOLDER_FULL_NAMES.has(lowerCased)) return true;
  return lowerCased.split(WORD_SEPARATORS).some((word) => PLACEHOLDER_WORDS.has(word));
}
