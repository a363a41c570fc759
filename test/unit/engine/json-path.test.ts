import { createPathResolver, parsePath, resolvePath } from '../../../src/engine/json-path';

describe('the rule path language', () => {
  it.each([
    ['$', []],
    ['$.a.b', ['a', 'b']],
    ['$.a[0]', ['a', 0]],
    ["$['odd key'].x", ['odd key', 'x']],
  ])('parses %s', (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
  });

  it.each([
    'a.b',
    '$..a',
    '$.a[*]',
    '$[?(@.x)]',
    '$.constructor',
    '$.a.prototype',
    "$['__proto__']",
    '$.a[-1]',
  ])('refuses %s', (path) => {
    expect(Array.isArray(parsePath(path))).toBe(false);
  });

  it('resolves own properties only, never the prototype chain', () => {
    expect(resolvePath({ a: { b: 2 } }, ['a', 'b'])).toBe(2);
    expect(resolvePath({ a: [10, 20] }, ['a', 1])).toBe(20);
    expect(resolvePath({}, ['toString'])).toBeUndefined();
    expect(resolvePath({ a: 'str' }, ['a', 'length'])).toBeUndefined();
    expect(resolvePath({ a: { 0: 'x' } }, ['a', 0])).toBeUndefined();
  });

  it('resolves an unparsable path to undefined rather than throwing', () => {
    const resolve = createPathResolver();
    expect(resolve({ a: 1 }, '$.a')).toBe(1);
    expect(resolve({ a: 1 }, '$[?(@)]')).toBeUndefined();
  });
});
