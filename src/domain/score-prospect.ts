import { applyPolicy, type Outcome } from './apply-policy';
import { lookupInputsOf } from './lookups/lookup-inputs';
import { isDegraded, LookupSession, type LookupEntry } from './lookups/lookup-session';
import { LOOKUP_STATUS_FACT } from './lookups/lookup-status-fact';
import type {
  ActiveRuleSet,
  Clock,
  CustomerMatch,
  CustomerMatcher,
  FactResolver,
  IdGenerator,
  RuleSetProvider,
} from './ports';
import { PROSPECT_FACTS, type Prospect } from './prospect';
import type { ScoringObserver } from './scoring-observer';
import { createSignalSet, type SignalOptions } from './signals/signal-set';
import { isSignalName, type SignalName, type SignalValue } from './signals/signal-catalog';

export interface ScoringDeps {
  rules: RuleSetProvider;
  customers: CustomerMatcher;
  newId: IdGenerator;
  signals: SignalOptions;
  clock: Clock;
  /** Time budget of one decision; lookups still running then are reported as timeouts. */
  deadlineMs: number;
  /** Score a prospect even when no customer-match source could say whether they are a customer. */
  scoreUnverified: boolean;
  /** Counts live rule hits (left out for rule tests and dry runs, which decide nothing). */
  hits?: RuleHits;
  /** Counts live decisions and lookups for metrics (left out, like hits, where nothing is decided). */
  observer?: ScoringObserver;
}

/** Counts how often each rule fired in live decisions, for ops. */
export interface RuleHits {
  record(ruleNames: readonly string[]): void;
}

export interface ScoreOptions {
  /** Lowers the policy's maxCostPerDecision for this request. */
  maxLookupCost?: number;
  /** Ask sources again instead of using cached answers (Cache-Control: no-cache). */
  noCache?: boolean;
}

interface DecisionBase {
  decisionId: string;
  ruleset: { version: string; loadedAt: Date };
  lookups: LookupEntry[];
  degraded: boolean;
}

export interface ScoredDecision extends DecisionBase, Outcome {
  status: 'scored';
  signals: Partial<Record<SignalName, SignalValue>>;
}

interface Unlabelled {
  score: null;
  tier: null;
  decision: null;
  reasons: [];
  followUp: null;
  signals: Record<string, never>;
}

/** Nothing that labels the person: no score, tier, decision, reasons or signals. */
export interface ExistingCustomerDecision extends DecisionBase, Unlabelled {
  status: 'existing_customer';
  customerMatch: CustomerMatch;
}

/** No customer-match source could answer, so the person is not labelled either way. */
export interface UnverifiedDecision extends DecisionBase, Unlabelled {
  status: 'unverified';
}

export type ScoreResult = ScoredDecision | ExistingCustomerDecision | UnverifiedDecision;

const PROSPECT_FACT_NAMES: ReadonlySet<string> = new Set(PROSPECT_FACTS);
const UNLABELLED: Unlabelled = {
  score: null,
  tier: null,
  decision: null,
  reasons: [],
  followUp: null,
  signals: {},
};

/**
 * Decides what sales should do with a prospect. Existing customers are recognised first (the
 * customers file, then any CRM customer-match source) and leave before any signal is computed or
 * any rule runs; remote lookups happen only when a rule asks for their facts.
 */
export async function scoreProspect(
  deps: ScoringDeps,
  prospect: Prospect,
  options: ScoreOptions = {},
): Promise<ScoreResult> {
  return decide(deps, startDecision(deps, prospect, options), prospect);
}

/** What one decision works with from start to end: one rule set, one set of lookups. */
export interface DecisionContext {
  ruleSet: ActiveRuleSet;
  session: LookupSession;
}

export function startDecision(
  deps: ScoringDeps,
  prospect: Prospect,
  options: ScoreOptions,
): DecisionContext {
  // One snapshot for the whole decision, so a reload mid-request cannot mix two rule sets.
  const ruleSet = deps.rules.current();
  const now = () => deps.clock.now().getTime();
  const session = new LookupSession({
    sources: ruleSet.sources,
    inputs: lookupInputsOf(prospect, deps.signals.defaultPhoneRegion),
    creditConsent: prospect.consent?.creditCheck === true,
    budget: Math.min(
      ruleSet.policy.maxCostPerDecision ?? Infinity,
      options.maxLookupCost ?? Infinity,
    ),
    deadline: now() + deps.deadlineMs,
    now,
    noCache: options.noCache === true,
    observer: deps.observer,
  });
  return { ruleSet, session };
}

/** Checks for an existing customer, then runs the rules and applies the policy. */
export async function decide(
  deps: ScoringDeps,
  { ruleSet, session }: DecisionContext,
  prospect: Prospect,
): Promise<ScoreResult> {
  const finish = async () => {
    const lookups = await session.entries();
    return {
      decisionId: deps.newId(),
      ruleset: { version: ruleSet.version, loadedAt: ruleSet.loadedAt },
      lookups,
      degraded: isDegraded(lookups),
    };
  };

  const customer = await checkCustomer(deps, ruleSet, prospect, session);
  if (customer.status === 'customer') {
    deps.observer?.decided({ status: 'existing_customer', matchedBy: customer.match.by });
    return {
      ...(await finish()),
      status: 'existing_customer',
      ...UNLABELLED,
      customerMatch: customer.match,
    };
  }
  if (customer.status === 'unverified' && !deps.scoreUnverified) {
    deps.observer?.decided({ status: 'unverified' });
    return { ...(await finish()), status: 'unverified', ...UNLABELLED };
  }

  const signals = createSignalSet(prospect, deps.signals);
  const facts: FactResolver = (name, params) => {
    if (PROSPECT_FACT_NAMES.has(name)) return prospect[name as keyof Prospect];
    if (isSignalName(name)) return signals.value(name);
    if (session.declares(name)) return session.fields(name);
    if (name === LOOKUP_STATUS_FACT) return session.ruleStatus(String(params?.source));
    return undefined;
  };
  const fired = await ruleSet.evaluator.evaluate(facts);
  deps.hits?.record(fired.map((rule) => rule.name));
  const outcome = applyPolicy(ruleSet.policy, fired);
  deps.observer?.decided({ status: 'scored', decision: outcome.decision, tier: outcome.tier });
  return {
    ...(await finish()),
    status: 'scored',
    ...outcome,
    signals: signals.seen(),
  };
}

type CustomerCheck =
  { status: 'customer'; match: CustomerMatch } | { status: 'prospect' } | { status: 'unverified' };

async function checkCustomer(
  deps: ScoringDeps,
  ruleSet: ActiveRuleSet,
  prospect: Prospect,
  session: LookupSession,
): Promise<CustomerCheck> {
  const fromFile = await deps.customers.match(prospect);
  if (fromFile !== null) return { status: 'customer', match: fromFile };
  let unverified = false;
  for (const source of ruleSet.sources) {
    if (source.kind !== 'customer-match') continue;
    const status = await session.ruleStatus(source.name);
    if (status === 'unavailable' || status === 'over_budget') {
      unverified = true;
      continue;
    }
    const fields = await session.fields(source.name);
    if (fields?.isCustomer === true) {
      return { status: 'customer', match: { by: matchedBy(fields.matchedBy, prospect) } };
    }
  }
  return unverified ? { status: 'unverified' } : { status: 'prospect' };
}

function matchedBy(reported: unknown, prospect: Prospect): CustomerMatch['by'] {
  if (reported === 'email' || reported === 'phone' || reported === 'domain') return reported;
  return prospect.email !== undefined ? 'email' : 'phone';
}
