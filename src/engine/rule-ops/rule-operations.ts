import type { LookupSource } from '../../domain/lookups/lookup-source';
import type { ScoringDeps } from '../../domain/score-prospect';
import type { SourceFactory } from '../activate-rule-set';
import type { RuleSetFiles } from '../compile-rule-set';
import type { ReloadOutcome } from '../rule-set-reloader';
import type { SourceDefinition } from '../source-file-schema';
import { offlineCandidateSources } from './candidate-sources';
import { dryRunCandidate, type DryRunItem, type DryRunReport } from './dry-run';
import { validateCandidate, type ValidationReport } from './validate-candidate';

/** What ops can do with rules over HTTP, besides reading the active set. */
/**
 * A candidate rule set as ops send it: the files they changed, by name, over the active set's
 * files (`null` removes one), so a threshold change is one small file, not the whole directory.
 */
export type RuleSetChanges = ReadonlyMap<string, string | null>;

/** What ops can do with rules over HTTP, besides reading the active set. */
export interface RuleOperations {
  lastReload(): ReloadOutcome | null;
  hits(ruleName: string): number;
  validate(changes: RuleSetChanges): Promise<ValidationReport>;
  dryRun(
    changes: RuleSetChanges,
    items: readonly DryRunItem[],
    live: boolean,
  ): Promise<DryRunReport>;
}

/** The active set's files with the changes applied. */
export function applyChanges(
  base: ReadonlyMap<string, string>,
  changes: RuleSetChanges,
): RuleSetFiles {
  const files = new Map(base);
  for (const [name, content] of changes) {
    if (content === null) files.delete(name);
    else files.set(name, content);
  }
  return files;
}

export interface RuleOperationsDeps {
  scoring: ScoringDeps;
  hits: { count(ruleName: string): number };
  lastReload: () => ReloadOutcome | null;
  env: Readonly<Record<string, string | undefined>>;
  /** Live sources (made on demand) and a look-up of existing ones, for dry runs. */
  liveSources: SourceFactory;
  findLiveSource: (definition: SourceDefinition) => LookupSource | undefined;
}

export function createRuleOperations(deps: RuleOperationsDeps): RuleOperations {
  const options = () => ({
    defaultPhoneRegion: deps.scoring.signals.defaultPhoneRegion,
    env: deps.env,
    now: deps.scoring.clock.now(),
  });
  return {
    lastReload: deps.lastReload,
    hits: (ruleName) => deps.hits.count(ruleName),
    validate: (changes) =>
      validateCandidate(applyChanges(deps.scoring.rules.current().files, changes), options()),
    dryRun: (changes, items, live) => {
      const active = deps.scoring.rules.current();
      return dryRunCandidate(deps.scoring, active, applyChanges(active.files, changes), items, {
        live,
        liveSources: deps.liveSources,
        offlineSources: offlineCandidateSources({ env: deps.env, findLive: deps.findLiveSource }),
      });
    },
  };
}
