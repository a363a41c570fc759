import type { LookupSource } from '../../domain/lookups/lookup-source';
import type { SourceFactory } from '../activate-rule-set';

/** A source seen only through a live source's cache: it never makes a call. */
export function cacheOnly(
  source: Pick<LookupSource, 'name' | 'kind' | 'costPerCall'>,
  live: LookupSource | undefined,
): LookupSource {
  return {
    name: source.name,
    kind: source.kind,
    costPerCall: source.costPerCall,
    inputs: [],
    hasFresh: () => true,
    fetch: async (inputs) =>
      live?.cached?.(inputs) ?? { status: 'error', reason: 'not in cache (no live calls here)' },
    cached: (inputs) => live?.cached?.(inputs),
    close: () => undefined,
  };
}

/**
 * Sources for a candidate rule set that must never call anything: a definition whose auth
 * secret is missing from the environment is refused (as it would be on activation), and lookups
 * answer from the matching live source's cache, if there is one.
 */
export function offlineCandidateSources(options: {
  env: Readonly<Record<string, string | undefined>>;
  findLive?: (definition: Parameters<SourceFactory>[0]) => LookupSource | undefined;
}): SourceFactory {
  return (definition) => {
    if (definition.auth && !options.env[definition.auth.secretEnv]) {
      throw new Error(
        `source ${definition.name}: environment variable ${definition.auth.secretEnv} (its auth secret) is not set`,
      );
    }
    return cacheOnly(definition, options.findLive?.(definition));
  };
}
