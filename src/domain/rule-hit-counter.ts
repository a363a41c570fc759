import type { RuleHits } from './score-prospect';

/** How often each rule fired in live decisions since the service started, across reloads. */
export class RuleHitCounter implements RuleHits {
  private readonly counts = new Map<string, number>();

  record(ruleNames: readonly string[]): void {
    for (const name of ruleNames) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  count(ruleName: string): number {
    return this.counts.get(ruleName) ?? 0;
  }
}
