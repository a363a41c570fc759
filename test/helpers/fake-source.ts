import type { LookupSource } from '../../src/domain/lookups/lookup-source';
import type { SourceFactory } from '../../src/engine/activate-rule-set';

/** A declared source whose every lookup is answered by `fetch`, with nothing cached. */
export function fakeSource(fetch: LookupSource['fetch']): SourceFactory {
  return (definition) => ({
    name: definition.name,
    kind: definition.kind,
    costPerCall: definition.costPerCall,
    inputs: [],
    hasFresh: () => false,
    fetch,
    close: () => undefined,
  });
}
