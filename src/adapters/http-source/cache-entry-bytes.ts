import type { SourceRecord } from '../../domain/lookups/lookup-source';

/**
 * What one cached answer costs besides its key and field values, in bytes of V8 heap: the record
 * and fields objects, the Date (about 100 bytes on its own), the Map entry and lru-cache's
 * per-slot arrays. Measured from a heap snapshot of the service after the memory benchmark:
 * 390 bytes an entry for the CRM cache, whose keys are about 100 characters.
 */
const ENTRY_OVERHEAD_BYTES = 260;
const SLOT_BYTES = 8;

/**
 * An estimate of the heap one lookup cache entry holds, for lru-cache's `maxSize`: close enough
 * that a cache bounded at N MB stays near N MB, cheap enough to run on every insert.
 */
export function cacheEntryBytes(key: string, record: SourceRecord): number {
  let bytes = ENTRY_OVERHEAD_BYTES + key.length;
  for (const name in record.fields) {
    bytes += SLOT_BYTES + valueBytes(record.fields[name]);
  }
  return bytes;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 16 + value.length;
  if (value === null || typeof value !== 'object') return 0;
  // Nested values (an address) are rare and small: their JSON length is near enough.
  return 32 + JSON.stringify(value).length;
}
