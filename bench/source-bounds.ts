import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './service-process';

export interface SourceBound {
  name: string;
  /** The sandbox group that answers this source, to count its upstream calls. */
  sandboxGroup: 'crm' | 'partner' | 'credit' | 'identity';
  maxEntries: number;
}

const GROUP_BY_KIND: Record<string, SourceBound['sandboxGroup']> = {
  'customer-match': 'crm',
  partner: 'partner',
  credit: 'credit',
  identity: 'identity',
};

/** The default rules/sources.json: each source's name, sandbox group and lookup-cache bound. */
export function loadSourceBounds(): SourceBound[] {
  const file = JSON.parse(readFileSync(join(ROOT, 'rules/sources.json'), 'utf8')) as {
    sources: Array<{ name: string; kind: string; cache?: { maxEntries?: number } }>;
  };
  return file.sources.map((source) => ({
    name: source.name,
    sandboxGroup: GROUP_BY_KIND[source.kind] ?? 'crm',
    maxEntries: source.cache?.maxEntries ?? 0,
  }));
}
