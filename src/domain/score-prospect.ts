import { applyPolicy, type Outcome } from './apply-policy';
import type {
  CustomerMatch,
  CustomerMatcher,
  FactResolver,
  IdGenerator,
  RuleSetProvider,
} from './ports';
import { PROSPECT_FACTS, type Prospect } from './prospect';
import { createSignalSet, type SignalOptions } from './signals/signal-set';
import { isSignalName, type SignalName, type SignalValue } from './signals/signal-catalog';

export interface ScoringDeps {
  rules: RuleSetProvider;
  customers: CustomerMatcher;
  newId: IdGenerator;
  signals: SignalOptions;
}

interface DecisionBase {
  decisionId: string;
  ruleset: { version: string; loadedAt: Date };
}

export interface ScoredDecision extends DecisionBase, Outcome {
  status: 'scored';
  signals: Partial<Record<SignalName, SignalValue>>;
}

/** Nothing that labels the person: no score, tier, decision, reasons or signals. */
export interface ExistingCustomerDecision extends DecisionBase {
  status: 'existing_customer';
  score: null;
  tier: null;
  decision: null;
  reasons: [];
  followUp: null;
  signals: Record<string, never>;
  customerMatch: CustomerMatch;
}

export type ScoreResult = ScoredDecision | ExistingCustomerDecision;

const PROSPECT_FACT_NAMES: ReadonlySet<string> = new Set(PROSPECT_FACTS);

/**
 * Decides what sales should do with a prospect. Existing customers are recognised first and
 * leave before any signal is computed or any rule runs.
 */
export async function scoreProspect(deps: ScoringDeps, prospect: Prospect): Promise<ScoreResult> {
  // One snapshot for the whole decision, so a reload mid-request cannot mix two rule sets.
  const ruleSet = deps.rules.current();
  const base: DecisionBase = {
    decisionId: deps.newId(),
    ruleset: { version: ruleSet.version, loadedAt: ruleSet.loadedAt },
  };

  const customerMatch = await deps.customers.match(prospect);
  if (customerMatch !== null) {
    return {
      ...base,
      status: 'existing_customer',
      score: null,
      tier: null,
      decision: null,
      reasons: [],
      followUp: null,
      signals: {},
      customerMatch,
    };
  }

  const signals = createSignalSet(prospect, deps.signals);
  const facts: FactResolver = (name) => {
    if (PROSPECT_FACT_NAMES.has(name)) return prospect[name as keyof Prospect];
    if (isSignalName(name)) return signals.value(name);
    return undefined;
  };
  const fired = await ruleSet.evaluator.evaluate(facts);
  return {
    ...base,
    status: 'scored',
    ...applyPolicy(ruleSet.policy, fired),
    signals: signals.seen(),
  };
}
