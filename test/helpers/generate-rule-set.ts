/**
 * A deterministic generator of large rule sets for the differential test and the benchmark: every
 * operator and decorator, nesting (all/any/not, depth >= 3), named-condition references (one
 * named condition refers to another), `path`, fact params, explicit condition priorities, fact
 * values that are fact references, and lookup facts (which the service answers asynchronously).
 * It writes only over facts the real validator knows: the prospect's fields, the signals, and
 * the lookup sources of the default rules/sources.json.
 */

import { BASE_OPERATORS } from '../../src/engine/operators';

/** Values rule conditions compare against; fact values in tests are drawn around them. */
export const SCALAR_POOL: readonly (string | number | boolean | null)[] = [
  'web',
  'US',
  'a',
  '',
  '12',
  'ok',
  'unavailable',
  0,
  1,
  12,
  50,
  1000,
  -5,
  2.5,
  true,
  false,
  null,
];
export const NUMBER_POOL: readonly number[] = [0, 1, 12, 50, 999, 1000, -5, 2.5];

/** Local facts and the paths rules may read through them (an empty path reads the value). */
export const LOCAL_FACTS: readonly string[] = [
  'source',
  'country',
  'firstName',
  'email',
  'company',
  'attributes',
  'consent',
  'emailDomainKind',
  'emailIsRoleAccount',
  'phoneValid',
  'phoneType',
  'nameQuality',
  'companySizeBand',
];
export const LOCAL_PATHS: readonly string[] = ['$.a', '$.b.c', '$.list[0]', "$['a']", '$.score'];

/** The default sources' fields (first path segment must be one of them). */
export const LOOKUP_PATHS: Readonly<Record<string, readonly string[]>> = {
  crm: ['$.isCustomer', '$.matchedBy'],
  partner: ['$.employees', '$.industry', '$.country'],
  credit: ['$.score', '$.bankruptcies', '$.delinquencies'],
  callerId: ['$.lineType', '$.address.city', '$.email'],
};
export const LOOKUP_SOURCES: readonly string[] = Object.keys(LOOKUP_PATHS);

// The service's own operator vocabulary, in its order (the generator is seeded: order matters).
const BASES: readonly string[] = [...BASE_OPERATORS];
const NUMERIC = new Set<string>([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);
/** Bases that read `.indexOf` of the value: a non-array value throws, so keep them typed. */
const LIST_BASES = new Set<string>(['in', 'notIn']);
const DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

/** Every base alone and every decorator on each base is covered before random choice takes over. */
const REQUIRED_OPERATORS: readonly string[] = [
  ...BASES,
  ...DECORATORS.flatMap((d) =>
    BASES.filter((b) => d !== 'swap' || !LIST_BASES.has(b)).map((b) => `${d}:${b}`),
  ),
  'not:someFact:equal',
  'everyValue:not:equal',
  'someFact:swap:lessThan',
];

type Json = Record<string, unknown>;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Generator {
  private readonly random: () => number;
  private readonly required = [...REQUIRED_OPERATORS];

  constructor(seed: number) {
    this.random = seeded(seed);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  operator(): string {
    const next = this.required.shift();
    if (next !== undefined) return next;
    const base = this.pick(BASES);
    if (this.chance(0.4)) return base;
    const decorator = this.pick(DECORATORS);
    if (decorator === 'swap' && LIST_BASES.has(base)) return `not:${base}`;
    return `${decorator}:${base}`;
  }

  /** A constant the operator can take without throwing (stock throws on some mistyped values). */
  valueFor(operator: string): unknown {
    const parts = operator.split(':');
    const base = parts.pop() as string;
    const decorator = parts.shift();
    if (decorator === 'someValue' || decorator === 'everyValue') {
      const inner = [...parts, base].join(':');
      return Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => this.valueFor(inner));
    }
    if (decorator !== undefined && decorator !== 'swap')
      return this.valueFor([...parts, base].join(':'));
    if (decorator === 'swap' && (base === 'contains' || base === 'doesNotContain')) {
      return [this.pick(SCALAR_POOL), this.pick(SCALAR_POOL)];
    }
    if (NUMERIC.has(base)) return this.pick(NUMBER_POOL);
    if (LIST_BASES.has(base)) return [this.pick(SCALAR_POOL), this.pick(SCALAR_POOL)];
    return this.pick(SCALAR_POOL);
  }

  factRead(): Json {
    if (this.chance(0.25)) {
      const source = this.pick(LOOKUP_SOURCES);
      if (this.chance(0.2)) return { fact: 'lookupStatus', params: { source } };
      return { fact: source, path: this.pick(LOOKUP_PATHS[source] as readonly string[]) };
    }
    const read: Json = { fact: this.pick(LOCAL_FACTS) };
    if (this.chance(0.5)) read.path = this.pick(LOCAL_PATHS);
    if (this.chance(0.1)) read.params = { variant: this.pick([1, 2]) };
    return read;
  }

  leaf(): Json {
    const operator = this.operator();
    const leaf: Json = { ...this.factRead(), operator };
    // A fact on the right-hand side, only with operators that cannot throw on any value.
    const safeForFactValue = /^(not:)?(equal|notEqual|lessThan|greaterThanInclusive|contains)$/;
    leaf.value =
      safeForFactValue.test(operator) && this.chance(0.15)
        ? this.factRead()
        : this.valueFor(operator);
    if (this.chance(0.1)) leaf.priority = this.pick([1, 2, 20]);
    return leaf;
  }

  node(depth: number, minDepth: number, references: readonly string[]): Json {
    if (depth >= minDepth && (depth >= 4 || this.chance(0.8))) {
      if (references.length > 0 && this.chance(0.08)) return { condition: this.pick(references) };
      return this.leaf();
    }
    const kind = this.pick(['all', 'any', 'all', 'any', 'not'] as const);
    const node: Json =
      kind === 'not'
        ? { not: this.node(depth + 1, minDepth, references) }
        : {
            [kind]: Array.from({ length: 1 + Math.floor(this.random() * 2) }, () =>
              this.node(depth + 1, minDepth, references),
            ),
          };
    if (this.chance(0.1)) node.priority = this.pick([1, 3]);
    return node;
  }

  event(index: number): Json {
    const message = `generated rule ${index}`;
    const roll = this.random();
    if (roll < 0.05) return { type: 'disqualify', params: { message } };
    if (roll < 0.15) return { type: 'review', params: { message } };
    if (roll < 0.22) {
      return { type: 'route', params: { queue: 'sales', withinMinutes: 60, priority: 'high' } };
    }
    return { type: 'score', params: { points: Math.floor(this.random() * 41) - 20, message } };
  }
}

export interface GeneratedRuleFiles {
  /** conditions.json: named conditions, one of which refers to another. */
  conditions: Json;
  /** The rules, to be saved as one *.rules.json file. */
  rules: Json[];
}

/** `count` rules (the last one a guarded throw); the same seed always gives the same set. */
export function generateRuleSet(seed = 7, count = 100): GeneratedRuleFiles {
  const gen = new Generator(seed);
  const conditions: Json = {
    'gen-base': { all: [gen.leaf(), gen.leaf()] },
    'gen-either': { any: [gen.leaf(), { condition: 'gen-base' }] },
    'gen-deep': gen.node(0, 3, ['gen-base']),
  };
  const references = Object.keys(conditions);
  const rules: Json[] = [];
  for (let index = 0; index < count - 1; index += 1) {
    // Every fifth rule is forced at least three levels deep; one in ten is a bare reference.
    const conditionsOfRule =
      index % 10 === 3
        ? { condition: gen.pick(references) }
        : gen.node(0, index % 5 === 0 ? 3 : 1, references);
    rules.push({
      name: `gen-${String(index).padStart(3, '0')}`,
      priority: gen.pick([1, 5, 10, 20, 40, 50]),
      conditions: conditionsOfRule,
      event: gen.event(index),
    });
  }
  // A guarded `in` over a fact value: throws (and rejects the run, as stock does) only when the
  // guard passes and the referenced fact is neither an array nor a string.
  rules.push({
    name: 'gen-guarded-throw',
    priority: 5,
    conditions: {
      all: [
        { fact: 'source', operator: 'equal', value: 'a', priority: 30 },
        { fact: 'country', operator: 'in', value: { fact: 'attributes', path: '$.a' } },
      ],
    },
    event: { type: 'score', params: { points: 1, message: 'guarded' } },
  });
  return { conditions, rules };
}
