/**
 * A metric's label children, each made once and kept: prom-client's `labels()` checks and hashes
 * its label values on every call, and a decision makes several observations per source. The label
 * sets are bounded (routes, methods, statuses, sources, outcomes), so the map is too. Only for
 * metrics that are never reset, since a reset drops the children kept here.
 */
export function keptChildren<Child>(
  make: (...values: string[]) => Child,
): (...values: string[]) => Child {
  const children = new Map<string, Child>();
  return (...values) => {
    const key = values.join('\u0000');
    let child = children.get(key);
    if (child === undefined) {
      child = make(...values);
      children.set(key, child);
    }
    return child;
  };
}
