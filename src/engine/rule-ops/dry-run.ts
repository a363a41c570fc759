import type { LookupSource } from '../../domain/lookups/lookup-source';
import type { ActiveRuleSet } from '../../domain/ports';
import type { Prospect } from '../../domain/prospect';
import { scoreProspect, type ScoreResult, type ScoringDeps } from '../../domain/score-prospect';
import { buildActiveRuleSet, type SourceFactory } from '../activate-rule-set';
import { compileRuleSet, type RuleSetFiles } from '../compile-rule-set';
import { builtInFacts } from '../known-facts';
import { RuleSetInvalidError } from '../activate-rule-set';
import { withCannedAnswers, type CannedLookups } from '../rule-tests/canned-source';
import { cacheOnly } from './candidate-sources';

export interface DryRunItem {
  ref?: string;
  prospect: Prospect;
  /** Canned answers per source for this prospect, as in rule tests. */
  lookups?: CannedLookups;
}

export interface DryRunOptions {
  /**
   * Ask paid sources for real (may cost money). By default paid sources answer only from their
   * cache (or canned answers); free ones, such as a CRM customer match, are asked as usual.
   */
  live: boolean;
  /** Live sources for the candidate's definitions (shared with the active set where unchanged). */
  liveSources: SourceFactory;
  /** Cache-only stand-ins for the candidate's definitions. */
  offlineSources: SourceFactory;
}

interface Side {
  status: ScoreResult['status'];
  score: number | null;
  tier: string | null;
  decision: string | null;
  reasons: string[];
}

export interface DryRunResult {
  ref?: string;
  before: Side;
  after: Side;
  changes: { status: boolean; decision: boolean; tier: boolean; scoreDelta: number | null };
}

export interface DryRunReport {
  active: { version: string };
  candidate: { version: string };
  summary: {
    prospects: number;
    statusChanged: number;
    decisionChanged: number;
    tierChanged: number;
    scoreChanged: number;
    scoreDelta: { mean: number; min: number; max: number } | null;
    /** "before→after" decision counts, for the decisions that changed. */
    transitions: Record<string, number>;
  };
  results: DryRunResult[];
}

/**
 * Scores each prospect under the active rule set and a candidate, without activating anything,
 * counting anything, or (unless asked) paying for a lookup: paid sources answer from canned
 * answers or their live caches, so a rule change can be judged before it goes live.
 */
export async function dryRunCandidate(
  scoring: ScoringDeps,
  active: ActiveRuleSet,
  files: RuleSetFiles,
  items: readonly DryRunItem[],
  options: DryRunOptions,
): Promise<DryRunReport> {
  const compiled = compileRuleSet(files, builtInFacts());
  if (!compiled.ok) throw new RuleSetInvalidError(compiled.problems);
  const free = (source: { costPerCall: number }) => options.live || source.costPerCall === 0;
  const candidate = buildActiveRuleSet(compiled.ruleSet, scoring.clock.now(), (definition) =>
    free(definition) ? options.liveSources(definition) : options.offlineSources(definition),
  );
  const base = active.sources.map((source) => (free(source) ? source : cacheOnly(source, source)));
  const quiet: ScoringDeps = { ...scoring, hits: undefined };
  const scoreWith = (ruleSet: ActiveRuleSet, sources: readonly LookupSource[], item: DryRunItem) =>
    scoreProspect(
      {
        ...quiet,
        rules: {
          current: () => ({ ...ruleSet, sources: withCannedAnswers(sources, item.lookups) }),
        },
      },
      item.prospect,
    );

  const results: DryRunResult[] = [];
  for (const item of items) {
    const before = sideOf(await scoreWith(active, base, item));
    const after = sideOf(await scoreWith(candidate, candidate.sources, item));
    const scoreDelta =
      before.score !== null && after.score !== null ? after.score - before.score : null;
    results.push({
      ...(item.ref === undefined ? {} : { ref: item.ref }),
      before,
      after,
      changes: {
        status: before.status !== after.status,
        decision: before.decision !== after.decision,
        tier: before.tier !== after.tier,
        scoreDelta,
      },
    });
  }
  return {
    active: { version: active.version },
    candidate: { version: candidate.version },
    summary: summarise(results),
    results,
  };
}

function sideOf(result: ScoreResult): Side {
  return {
    status: result.status,
    score: result.score,
    tier: result.tier,
    decision: result.decision,
    reasons: result.reasons.map((reason) => reason.code),
  };
}

function summarise(results: readonly DryRunResult[]): DryRunReport['summary'] {
  const deltas = results.flatMap((r) =>
    r.changes.scoreDelta === null ? [] : [r.changes.scoreDelta],
  );
  const transitions: Record<string, number> = {};
  for (const { before, after, changes } of results) {
    if (!changes.decision) continue;
    const key = `${before.decision ?? before.status}→${after.decision ?? after.status}`;
    transitions[key] = (transitions[key] ?? 0) + 1;
  }
  return {
    prospects: results.length,
    statusChanged: results.filter((r) => r.changes.status).length,
    decisionChanged: results.filter((r) => r.changes.decision).length,
    tierChanged: results.filter((r) => r.changes.tier).length,
    scoreChanged: deltas.filter((delta) => delta !== 0).length,
    scoreDelta:
      deltas.length === 0
        ? null
        : {
            mean: Math.round((deltas.reduce((a, b) => a + b, 0) / deltas.length) * 100) / 100,
            min: Math.min(...deltas),
            max: Math.max(...deltas),
          },
    transitions,
  };
}
