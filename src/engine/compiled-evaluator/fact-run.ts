import type { FactResolver } from '../../domain/ports';

/** A fact value still being fetched; the only thing the sync path ever has to wait for. */
export class PendingFact {
  constructor(readonly promise: Promise<unknown>) {}
}

/** One distinct (fact, params) pair the rules read; the unit stock's almanac caches by. */
export interface FactSlot {
  fact: string;
  params: Readonly<Record<string, unknown>>;
  /** False for a fact the rule set does not declare: it reads as undefined (allowUndefinedFacts). */
  declared: boolean;
}

const NOT_ASKED: unique symbol = Symbol('not asked');

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

const ignore = (): void => undefined;

/**
 * The state of one evaluation: the resolver and the fact values asked so far. Like stock's
 * almanac it asks each (fact, params) at most once per run and never between runs; unlike it,
 * the cache is an array indexed by slot numbers fixed when the rules were compiled.
 */
export class FactRun {
  private readonly values: unknown[];

  constructor(
    private readonly slots: readonly FactSlot[],
    private readonly resolve: FactResolver,
  ) {
    this.values = new Array<unknown>(slots.length).fill(NOT_ASKED);
  }

  /** The slot's value, or a PendingFact when the resolver answered with a promise. */
  read(index: number): unknown {
    const cached = this.values[index];
    if (cached !== NOT_ASKED) return cached;
    const slot = this.slots[index] as FactSlot;
    let value = slot.declared ? this.resolve(slot.fact, slot.params) : undefined;
    if (isThenable(value)) {
      const promise = Promise.resolve(value);
      // Once settled, later readers in this run get the plain value and stay synchronous; a
      // rejection keeps the pending entry so every reader sees it (the handler only marks the
      // promise as observed: each reader awaits it and reports the error).
      promise.then((settled) => {
        this.values[index] = settled;
      }, ignore);
      value = new PendingFact(promise);
    }
    this.values[index] = value;
    return value;
  }
}
