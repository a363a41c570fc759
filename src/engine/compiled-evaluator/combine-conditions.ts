import type { FactRun } from './fact-run';

/** A condition's answer: plain while every fact it read was plain, a promise otherwise. */
export type Outcome = boolean | Promise<boolean>;
export type CompiledCondition = (run: FactRun) => Outcome;

/** Keeps an abandoned outcome's later rejection from surfacing as an unhandled one. */
function abandon(outcomes: readonly Outcome[]): void {
  for (const outcome of outcomes) {
    if (outcome instanceof Promise) outcome.catch(() => undefined);
  }
}

/**
 * One priority set of an all/any: like stock, every condition of the set is evaluated (and so
 * every fact it needs is asked for) before the set's answer is known; short-circuiting happens
 * only between sets.
 */
function evaluateSet(set: readonly CompiledCondition[], run: FactRun, every: boolean): Outcome {
  let answer = every;
  let outcomes: Outcome[] | undefined;
  for (const condition of set) {
    let outcome: Outcome;
    try {
      outcome = condition(run);
    } catch (error) {
      if (outcomes !== undefined) abandon(outcomes);
      throw error;
    }
    if (outcomes === undefined && !(outcome instanceof Promise)) {
      if (outcome !== every) answer = !every;
    } else {
      // The answer folded so far stands in for the plain outcomes before this one.
      outcomes ??= [answer];
      outcomes.push(outcome);
    }
  }
  if (outcomes === undefined) return answer;
  return Promise.all(outcomes).then((results) =>
    every ? results.every((r) => r === true) : results.some((r) => r === true),
  );
}

function evaluateSetsFrom(
  sets: readonly (readonly CompiledCondition[])[],
  from: number,
  run: FactRun,
  every: boolean,
): Outcome {
  for (let i = from; i < sets.length; i += 1) {
    const outcome = evaluateSet(sets[i] as readonly CompiledCondition[], run, every);
    if (outcome instanceof Promise) {
      return outcome.then((answer) =>
        answer === every ? evaluateSetsFrom(sets, i + 1, run, every) : answer,
      );
    }
    if (outcome !== every) return outcome;
  }
  return every;
}

/**
 * `all` (every = true) or `any` over conditions already grouped by priority, highest first.
 * As in stock, an empty list is true for both and a single condition is just that condition.
 */
export function combineConditions(
  sets: readonly (readonly CompiledCondition[])[],
  every: boolean,
): CompiledCondition {
  const count = sets.reduce((total, set) => total + set.length, 0);
  if (count === 0) return () => true;
  if (count === 1) return (sets[0] as readonly CompiledCondition[])[0] as CompiledCondition;
  if (sets.length === 1) {
    const only = sets[0] as readonly CompiledCondition[];
    return (run) => evaluateSet(only, run, every);
  }
  return (run) => evaluateSetsFrom(sets, 0, run, every);
}

export function negateCondition(condition: CompiledCondition): CompiledCondition {
  return (run) => {
    const outcome = condition(run);
    return outcome instanceof Promise ? outcome.then((answer) => !answer) : !outcome;
  };
}
