import type { ActiveRuleSet } from '../../domain/ports';
import type { RuleSetFiles } from '../compile-rule-set';
import { SOURCES_FILE } from '../source-file-schema';

/** What a rule test may name: the rule set's sources (and their fields), rules and tiers. */
export interface RuleSetReferences {
  /** Source name → its declared fields; undefined when sources.json is not at hand to say. */
  sources: ReadonlyMap<string, ReadonlySet<string> | undefined>;
  rules: ReadonlySet<string>;
  tiers: ReadonlySet<string>;
}

// The active set keeps only live sources, not their definitions, so fields come from the file
// it was compiled from; it has been validated, so a loose read is enough.
function declaredFields(files: RuleSetFiles): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  const text = files.get(SOURCES_FILE);
  if (text === undefined) return fields;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fields;
  }
  const sources = (parsed as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return fields;
  for (const source of sources as unknown[]) {
    const { name, fields: mapped } = (source ?? {}) as { name?: unknown; fields?: unknown };
    if (typeof name === 'string' && typeof mapped === 'object' && mapped !== null) {
      fields.set(name, new Set(Object.keys(mapped)));
    }
  }
  return fields;
}

export function ruleSetReferences(ruleSet: ActiveRuleSet, files: RuleSetFiles): RuleSetReferences {
  const fields = declaredFields(files);
  return {
    sources: new Map(ruleSet.sources.map((source) => [source.name, fields.get(source.name)])),
    rules: new Set(ruleSet.rules.map((rule) => rule.name)),
    tiers: new Set(ruleSet.policy.tiers.map((tier) => tier.name)),
  };
}
