import type { ActiveRuleSet, RuleSetProvider } from '../domain/ports';

/**
 * Holds the active rule set. Replacing it is one reference swap, so a request sees either the old
 * set or the new one, never a mixture.
 */
export class RuleSetHolder implements RuleSetProvider {
  constructor(private active: ActiveRuleSet) {}

  current(): ActiveRuleSet {
    return this.active;
  }

  replace(next: ActiveRuleSet): void {
    this.active = next;
  }
}
