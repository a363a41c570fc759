import { parsePath, resolvePath, type PathSegment } from '../json-path';
import {
  combineConditions,
  negateCondition,
  type CompiledCondition,
  type Outcome,
} from './combine-conditions';
import { compileOperator, type OperatorFn } from './compile-operator';
import { PendingFact } from './fact-run';

type Json = Record<string, unknown>;

/** What compiling a condition tree needs to know about the rule set. */
export interface ConditionScope {
  /** The priority stock gives a fact (undefined for a fact the rule set does not declare). */
  factPriority(fact: string): number | undefined;
  /** Named conditions (conditions.json), compiled once and shared by every reference. */
  namedCondition(name: string): { run: CompiledCondition } | undefined;
  /** The slot number of a (fact, params) pair, shared by every condition that reads it. */
  slotFor(fact: string, params: Readonly<Record<string, unknown>>): number;
}

const EMPTY_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});
const hasOwn = (node: object, key: string): boolean => Object.hasOwn(node, key);

/** Compiles one node of a condition tree (a rule's root, a nested condition or a named one). */
export function compileCondition(node: Json, scope: ConditionScope): CompiledCondition {
  if (hasOwn(node, 'condition')) return compileReference(node.condition as string, scope);
  if (hasOwn(node, 'any')) return compileList(node.any as Json[], false, scope);
  if (hasOwn(node, 'all')) return compileList(node.all as Json[], true, scope);
  if (hasOwn(node, 'not')) return negateCondition(compileCondition(node.not as Json, scope));
  return compileFact(node, scope);
}

/** Stock's prioritizeConditions: explicit priority, else the fact's, else 1. */
function priorityOf(node: Json, scope: ConditionScope): number {
  const explicit = Number.parseInt(String(node.priority), 10);
  if (explicit) return explicit;
  const isFact = !['condition', 'any', 'all', 'not'].some((key) => hasOwn(node, key));
  return (isFact ? scope.factPriority(node.fact as string) : undefined) ?? 1;
}

function compileList(nodes: Json[], every: boolean, scope: ConditionScope): CompiledCondition {
  const byPriority = new Map<number, CompiledCondition[]>();
  for (const node of nodes) {
    const priority = priorityOf(node, scope);
    const set = byPriority.get(priority) ?? [];
    set.push(compileCondition(node, scope));
    byPriority.set(priority, set);
  }
  const sets = [...byPriority.entries()].sort(([a], [b]) => b - a).map(([, set]) => set);
  return combineConditions(sets, every);
}

function compileReference(name: string, scope: ConditionScope): CompiledCondition {
  // Resolved when run, not now: named conditions may reference each other in any order.
  return (run) => {
    const named = scope.namedCondition(name);
    if (named === undefined) throw new Error(`No condition ${name} exists`);
    return named.run(run);
  };
}

type Pick = (value: unknown) => unknown;
const identity: Pick = (value) => value;

/** Stock applies `path` only to objects; any other value (undefined too) passes through as is. */
function compilePath(path: unknown): Pick {
  if (!path) return identity;
  const parsed = parsePath(String(path));
  const segments: PathSegment[] | null = Array.isArray(parsed) ? parsed : null;
  return (value) => {
    if (value === null || typeof value !== 'object') return value;
    return segments === null ? undefined : resolvePath(value, segments);
  };
}

interface FactRead {
  slot: number;
  pick: Pick;
}

function compileRead(node: Json, scope: ConditionScope): FactRead {
  const params = (node.params as Json | undefined) ?? EMPTY_PARAMS;
  return { slot: scope.slotFor(node.fact as string, params), pick: compilePath(node.path) };
}

const settle = (value: unknown): unknown => (value instanceof PendingFact ? value.promise : value);

function compileFact(node: Json, scope: ConditionScope): CompiledCondition {
  const name = String(node.operator);
  const operator = compileOperator(name);
  if (operator === undefined) {
    return () => {
      throw new Error(`Unknown operator: ${name}`);
    };
  }
  const left = compileRead(node, scope);
  const value = node.value;
  const isFactValue = value !== null && typeof value === 'object' && hasOwn(value, 'fact');
  return isFactValue
    ? compareFacts(left, compileRead(value as Json, scope), operator)
    : compareToValue(left, value, operator);
}

function compareToValue(left: FactRead, value: unknown, operator: OperatorFn): CompiledCondition {
  const { slot, pick } = left;
  return (run) => {
    const fact = run.read(slot);
    if (fact instanceof PendingFact) {
      return fact.promise.then((settled) => operator(pick(settled), value));
    }
    return operator(pick(fact), value);
  };
}

function compareFacts(left: FactRead, right: FactRead, operator: OperatorFn): CompiledCondition {
  return (run): Outcome => {
    // Stock asks for the value's fact before the condition's own fact.
    const jsonValue = run.read(right.slot);
    const factValue = run.read(left.slot);
    if (jsonValue instanceof PendingFact || factValue instanceof PendingFact) {
      return Promise.all([settle(jsonValue), settle(factValue)]).then(([r, l]) =>
        operator(left.pick(l), right.pick(r)),
      );
    }
    return operator(left.pick(factValue), right.pick(jsonValue));
  };
}
