import { LOOKUP_STATUS_FACT } from './compile-sources';
import { parsePath } from './json-path';
import { isKnownOperator } from './operators';

const NUMERIC_OPERATORS = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);
const LIST_OPERATORS = new Set(['in', 'notIn']);
const BOOLEAN_KEYS = ['all', 'any', 'not', 'condition'] as const;
const NODE_META_KEYS = new Set(['name', 'priority']);
const FACT_KEYS = new Set(['fact', 'operator', 'value', 'path', 'params', 'name', 'priority']);

export interface ConditionContext {
  knownFacts: ReadonlySet<string>;
  /** Lookup sources by name, with the fields their answers are mapped to. */
  sourceFields: ReadonlyMap<string, ReadonlySet<string>>;
  namedConditions: ReadonlySet<string>;
  /** Collects every fact the conditions read, so only those are wired into a run. */
  factsUsed: Set<string>;
  report(path: readonly PropertyKey[], message: string): void;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A rule's top-level condition must be all, any, not or a condition reference. */
export function checkTopCondition(node: unknown, path: PropertyKey[], ctx: ConditionContext): void {
  if (isObject(node) && 'fact' in node) {
    ctx.report(path, 'the top level must be "all", "any", "not" or "condition", not a fact');
    return;
  }
  checkCondition(node, path, ctx);
}

export function checkCondition(node: unknown, path: PropertyKey[], ctx: ConditionContext): void {
  if (!isObject(node)) {
    ctx.report(path, 'a condition must be an object');
    return;
  }
  const booleanKeys = BOOLEAN_KEYS.filter((key) => key in node);
  if (booleanKeys.length + ('fact' in node ? 1 : 0) !== 1) {
    ctx.report(path, 'a condition needs exactly one of "all", "any", "not", "condition" or "fact"');
    return;
  }
  const kind = booleanKeys[0];
  if (kind === undefined) {
    checkFactCondition(node, path, ctx);
    return;
  }
  for (const key of Object.keys(node)) {
    if (key !== kind && !NODE_META_KEYS.has(key))
      ctx.report([...path, key], `unknown key "${key}"`);
  }
  checkPriority(node, path, ctx);
  const child = node[kind];
  if (kind === 'all' || kind === 'any') {
    if (!Array.isArray(child)) {
      ctx.report([...path, kind], `"${kind}" must be an array of conditions`);
      return;
    }
    child.forEach((item, i) => checkCondition(item, [...path, kind, i], ctx));
  } else if (kind === 'not') {
    checkCondition(child, [...path, kind], ctx);
  } else if (typeof child !== 'string' || !ctx.namedConditions.has(child)) {
    ctx.report([...path, kind], `unknown condition reference ${JSON.stringify(child)}`);
  }
}

function checkFactCondition(node: Json, path: PropertyKey[], ctx: ConditionContext): void {
  for (const key of Object.keys(node)) {
    if (!FACT_KEYS.has(key)) ctx.report([...path, key], `unknown key "${key}"`);
  }
  checkFactReference(node, path, ctx);
  checkPriority(node, path, ctx);
  const operator = node.operator;
  if (typeof operator !== 'string' || !isKnownOperator(operator)) {
    ctx.report([...path, 'operator'], `unknown operator ${JSON.stringify(operator)}`);
  }
  if (!('value' in node)) {
    ctx.report(path, 'a fact condition needs a "value"');
    return;
  }
  const value = node.value;
  if (isObject(value) && 'fact' in value) {
    checkFactReference(value, [...path, 'value'], ctx);
    return;
  }
  if (typeof operator !== 'string') return;
  const base = operator.split(':').pop() as string;
  const decorated = operator.includes(':');
  if (!decorated && NUMERIC_OPERATORS.has(base) && typeof value !== 'number') {
    ctx.report([...path, 'value'], `"${base}" compares numbers; the value must be a number`);
  }
  if (!decorated && LIST_OPERATORS.has(base) && !Array.isArray(value)) {
    ctx.report([...path, 'value'], `"${base}" needs an array value`);
  }
}

function checkFactReference(node: Json, path: PropertyKey[], ctx: ConditionContext): void {
  const fact = node.fact;
  if (typeof fact !== 'string' || !ctx.knownFacts.has(fact)) {
    ctx.report([...path, 'fact'], `unknown fact ${JSON.stringify(fact)}`);
  } else {
    ctx.factsUsed.add(fact);
  }
  let segments: unknown[] | undefined;
  if ('path' in node) {
    const parsed =
      typeof node.path === 'string' ? parsePath(node.path) : { error: 'must be a string' };
    if (!Array.isArray(parsed)) ctx.report([...path, 'path'], parsed.error);
    else segments = parsed;
  }
  if ('params' in node && !isObject(node.params)) {
    ctx.report([...path, 'params'], '"params" must be an object');
  }
  if (typeof fact === 'string') checkLookupFact(fact, node, segments, path, ctx);
}

function checkLookupFact(
  fact: string,
  node: Json,
  segments: unknown[] | undefined,
  path: PropertyKey[],
  ctx: ConditionContext,
): void {
  const fields = ctx.sourceFields.get(fact);
  const field = segments?.[0];
  if (fields !== undefined && (typeof field !== 'string' || !fields.has(field))) {
    const choices = [...fields].map((f) => `$.${f}`).join(', ');
    ctx.report([...path, 'path'], `a lookup fact needs a path to one of its fields: ${choices}`);
  }
  if (fact === LOOKUP_STATUS_FACT) {
    const source = isObject(node.params) ? node.params.source : undefined;
    if (typeof source !== 'string' || !ctx.sourceFields.has(source)) {
      ctx.report(
        [...path, 'params', 'source'],
        `"${LOOKUP_STATUS_FACT}" needs params.source naming a declared source`,
      );
    }
  }
}

function checkPriority(node: Json, path: PropertyKey[], ctx: ConditionContext): void {
  if ('priority' in node) {
    const priority = node.priority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
      ctx.report([...path, 'priority'], 'priority must be a whole number of at least 1');
    }
  }
}
