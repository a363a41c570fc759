/**
 * A copy of parsed request data in which every object has no prototype, so nothing read from a
 * request can reach Object.prototype through an inherited property, and a lookup of a key the
 * caller did not send (`toString`, `constructor`) finds nothing rather than a function. Arrays
 * stay arrays; other values are returned as they are.
 */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutPrototypes(item)) as T;
  if (typeof value !== 'object' || value === null || !isPlainObject(value)) return value;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    copy[key] = withoutPrototypes((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
