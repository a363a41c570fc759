import type { Prospect } from './prospect';
import type { LookupSource } from './lookups/lookup-source';
import type { Policy } from './policy';
import type { FiredRule, RuleEvent } from './rule-event';

/** Time, injected so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** Unique ids for decisions. */
export type IdGenerator = () => string;

/** Which identifier told us the person is already a customer. */
export type CustomerMatchBy = 'email' | 'phone' | 'domain';

export interface CustomerMatch {
  by: CustomerMatchBy;
}

/**
 * Answers "is this person already a customer?" before any rule runs. Async because a later
 * source asks a CRM over HTTP; the file-backed index answers at once.
 */
export interface CustomerMatcher {
  match(prospect: Prospect): Promise<CustomerMatch | null>;
}

/** The slice of a structured logger (pino's shape) that domain code and adapters use. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Looks up a fact's value for the run in progress; may be async for remote lookups. */
export type FactResolver = (fact: string, params?: Readonly<Record<string, unknown>>) => unknown;

/** Runs one rule set's rules against one prospect's facts. Immutable and safe to share. */
export interface RulesEvaluator {
  evaluate(facts: FactResolver): Promise<FiredRule[]>;
}

/** What ops and clients see of a rule. */
export interface RuleSummary {
  name: string;
  priority: number;
  file: string;
  description?: string;
  event: RuleEvent;
}

/** The rule set that decisions are made with right now. */
export interface ActiveRuleSet {
  version: string;
  loadedAt: Date;
  policy: Policy;
  rules: readonly RuleSummary[];
  evaluator: RulesEvaluator;
  /** Remote sources in sources.json order; customer-match ones are asked before any rule. */
  sources: readonly LookupSource[];
  /** The files it was loaded from, by name (rule tests included), as text. */
  files: ReadonlyMap<string, string>;
}

/** Hands out the active rule set; hot reload (later) swaps what it returns in one step. */
export interface RuleSetProvider {
  current(): ActiveRuleSet;
}
