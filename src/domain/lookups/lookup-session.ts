import type { ScoringObserver } from '../scoring-observer';
import type { LookupInputs } from './lookup-inputs';
import type {
  LookupSource,
  LookupStatus,
  RuleLookupStatus,
  SourceAnswer,
  SourceKind,
  SourceRecord,
} from './lookup-source';

export interface LookupEntry {
  source: string;
  kind: SourceKind;
  status: LookupStatus;
  /** Time this request waited for the answer. */
  ms: number;
  /** Cost of the upstream calls this request made (cached and shared answers cost nothing). */
  cost: number;
  /** When the data was fetched from the source (older than now for cached and stale answers). */
  fetchedAt: string | null;
}

export interface LookupSessionOptions {
  sources: readonly LookupSource[];
  inputs: LookupInputs;
  /** The person agreed to a credit check (a permissible purpose). */
  creditConsent: boolean;
  /** Most this decision may spend on paid lookups. */
  budget: number;
  /** Epoch ms by which the decision must be answered. */
  deadline: number;
  now: () => number;
  noCache: boolean;
  observer?: ScoringObserver;
}

interface Outcome {
  status: LookupStatus;
  record?: SourceRecord;
  ms: number;
}

type MaybePromise<T> = T | Promise<T>;

/** Applies `map` now to a plain value, or once a promise settles. */
function then<T, R>(value: MaybePromise<T>, map: (settled: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(map) : map(value);
}

const UNAVAILABLE: ReadonlySet<LookupStatus> = new Set(['timeout', 'error', 'circuit_open']);

/**
 * The lookups of one decision: each source is asked at most once, only when a rule (or the
 * customer check) first needs it, never past the deadline, never without consent for credit
 * data, and never beyond the decision's budget.
 */
export class LookupSession {
  private readonly outcomes = new Map<string, MaybePromise<Outcome>>();
  private readonly costs = new Map<string, number>();
  private readonly bySource: ReadonlyMap<string, LookupSource>;
  private committed = 0;
  private reserved = 0;

  private inputs: LookupInputs;

  constructor(private readonly options: LookupSessionOptions) {
    this.bySource = new Map(options.sources.map((source) => [source.name, source]));
    this.inputs = { ...options.inputs };
  }

  /** Adds inputs learnt during the decision (a caller's email from an identity source). */
  addInputs(inputs: LookupInputs): void {
    this.inputs = { ...inputs, ...this.inputs };
  }

  /** Whether the rule set declares a source of this name. */
  declares(name: string): boolean {
    return this.bySource.has(name);
  }

  /** Which sources of a kind were declared, in order. */
  sourcesOf(kind: SourceKind): LookupSource[] {
    return this.options.sources.filter((source) => source.kind === kind);
  }

  /**
   * The source's mapped fields, or undefined when it has no usable answer. A plain value when the
   * outcome is already known (a fresh cached answer, no consent, no input), so rules over warm
   * lookups stay on the evaluator's synchronous path; a promise while the source is being asked.
   */
  fields(name: string): MaybePromise<Readonly<Record<string, unknown>> | undefined> {
    return then(this.outcome(name), (outcome) => outcome.record?.fields);
  }

  /** What rules see through `lookupStatus`; a plain value when already known, as for fields. */
  ruleStatus(name: string): MaybePromise<RuleLookupStatus> {
    return then(this.outcome(name), ({ status, record }) => {
      if (record !== undefined) return record.notFound ? 'not_found' : 'available';
      if (status === 'no_consent' || status === 'over_budget' || status === 'no_input')
        return status;
      return 'unavailable';
    });
  }

  /** One entry per declared source, in declaration order; sources never asked are not_needed. */
  async entries(): Promise<LookupEntry[]> {
    const outcomes = await Promise.all(
      this.options.sources.map(
        (source) => this.outcomes.get(source.name) ?? { status: 'not_needed' as const, ms: 0 },
      ),
    );
    return this.options.sources.map((source, i) => {
      const outcome = outcomes[i] as Outcome;
      return {
        source: source.name,
        kind: source.kind,
        status: outcome.status,
        ms: outcome.ms,
        cost: this.costs.get(source.name) ?? 0,
        fetchedAt: outcome.record ? outcome.record.fetchedAt.toISOString() : null,
      };
    });
  }

  private outcome(name: string): MaybePromise<Outcome> {
    const known = this.outcomes.get(name);
    if (known !== undefined) return known;
    const now = this.knownNow(name);
    if (now !== undefined) {
      this.options.observer?.lookedUp(name, now.status, now.ms);
      this.outcomes.set(name, now);
      return now;
    }
    const pending = this.lookUp(name);
    const { observer } = this.options;
    // Later readers get the settled outcome as a plain value. The second handler keeps a
    // rejected lookup (reported by its reader) from going unhandled.
    void pending.then(
      (done) => {
        this.outcomes.set(name, done);
        observer?.lookedUp(name, done.status, done.ms);
      },
      () => undefined,
    );
    this.outcomes.set(name, pending);
    return pending;
  }

  /** The outcome when it needs no call: no such source, no consent, no input, a fresh answer. */
  private knownNow(name: string): Outcome | undefined {
    const source = this.bySource.get(name);
    if (source === undefined) return { status: 'not_needed', ms: 0 };
    if (source.kind === 'credit' && !this.options.creditConsent)
      return { status: 'no_consent', ms: 0 };
    if (source.inputs.some((input) => this.inputs[input as keyof LookupInputs] === undefined)) {
      return { status: 'no_input', ms: 0 };
    }
    if (!this.options.noCache) {
      const record = source.fresh?.(this.inputs);
      if (record !== undefined) return { status: 'cache', record, ms: 0 };
    }
    return undefined;
  }

  /** Asks the source: only for outcomes knownNow could not give. */
  private async lookUp(name: string): Promise<Outcome> {
    const source = this.bySource.get(name) as LookupSource;
    const paid =
      source.costPerCall > 0 && !(this.options.noCache ? false : source.hasFresh(this.inputs));
    if (paid && this.committed + this.reserved + source.costPerCall > this.options.budget) {
      return { status: 'over_budget', ms: 0 };
    }
    const started = this.options.now();
    if (paid) this.reserved += source.costPerCall;
    try {
      const answer = await this.withinDeadline(source);
      const ms = Math.max(0, Math.round(this.options.now() - started));
      return 'record' in answer
        ? { status: answer.status, record: answer.record, ms }
        : { status: answer.status, ms };
    } finally {
      if (paid) this.reserved -= source.costPerCall;
    }
  }

  private withinDeadline(source: LookupSource): Promise<SourceAnswer> {
    const remaining = this.options.deadline - this.options.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<SourceAnswer>((resolve) => {
      timer = setTimeout(
        () => resolve({ status: 'timeout', reason: 'decision deadline' }),
        Math.max(0, remaining),
      );
    });
    const answer = source.fetch(this.inputs, {
      deadline: this.options.deadline,
      noCache: this.options.noCache,
      onCall: () => {
        this.committed += source.costPerCall;
        this.costs.set(source.name, (this.costs.get(source.name) ?? 0) + source.costPerCall);
        this.options.observer?.charged(source.name, source.costPerCall);
      },
    });
    // The fetch goes on after the deadline (bounded by the source's own timeout) to warm the cache.
    return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
  }
}

/** True when one of these lookups was needed but its source could not answer. */
export function isDegraded(entries: readonly LookupEntry[]): boolean {
  return entries.some((entry) => UNAVAILABLE.has(entry.status));
}
