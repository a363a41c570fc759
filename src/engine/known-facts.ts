import { PROSPECT_FACTS } from '../domain/prospect';
import { SIGNAL_NAMES } from '../domain/signals/signal-catalog';

/** The facts a rule may name: the prospect's own fields and the built-in signals. */
export function builtInFacts(): ReadonlySet<string> {
  return new Set<string>([...PROSPECT_FACTS, ...SIGNAL_NAMES]);
}
