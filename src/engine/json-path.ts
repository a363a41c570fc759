import { FORBIDDEN_KEYS } from '../domain/prospect';

export type PathSegment = string | number;

const SEGMENT =
  /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d{1,9})\]|\['([^'\\]{1,200})'\]|\["([^"\\]{1,200})"\]/y;

/**
 * Parses the only path language rule files may use: `$` followed by `.name`, `[0]` or
 * `['name']` steps. Anything else (filters, wildcards, scripts) is refused, because the stock
 * resolver (jsonpath-plus) evaluates expressions and rule files are edited by many hands.
 */
export function parsePath(path: string): PathSegment[] | { error: string } {
  if (!path.startsWith('$')) return { error: 'a path must start with $' };
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 1;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match) {
      return { error: `only plain property steps ($.a.b, $.a[0]) are allowed; bad step at ${at}` };
    }
    const key = match[1] ?? match[3] ?? match[4];
    if (key !== undefined) {
      if (FORBIDDEN_KEYS.has(key)) return { error: `"${key}" may not appear in a path` };
      segments.push(key);
    } else {
      segments.push(Number(match[2]));
    }
  }
  return segments;
}

/** Follows own properties only, so no path can reach a prototype. */
export function resolvePath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'number' && !Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * json-rules-engine's `pathResolver` hook. Paths were validated when the rule set loaded, so
 * an unparsable one here can only come from code; it resolves to undefined rather than throw.
 */
export function createPathResolver(): (value: object, path: string) => unknown {
  const parsed = new Map<string, PathSegment[] | null>();
  return (value, path) => {
    let segments = parsed.get(path);
    if (segments === undefined) {
      const result = parsePath(path);
      segments = Array.isArray(result) ? result : null;
      parsed.set(path, segments);
    }
    return segments === null ? undefined : resolvePath(value, segments);
  };
}
