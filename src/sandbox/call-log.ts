import { SANDBOX_GROUPS, type SandboxGroup } from './fault';

export type RecordedHeaders = Record<string, string | string[] | undefined>;

export interface CallLog {
  record(group: SandboxGroup, headers: RecordedHeaders): void;
  count(group: SandboxGroup): number;
  total(): number;
  reset(): void;
  lastHeaders(group: SandboxGroup): RecordedHeaders | undefined;
  snapshot(): Record<SandboxGroup, number>;
}

/** Counts calls per group as they arrive, so callers can assert on retries, caching and fan-out. */
export function createCallLog(): CallLog {
  const counts = new Map<SandboxGroup, number>();
  const headers = new Map<SandboxGroup, RecordedHeaders>();
  const count = (group: SandboxGroup) => counts.get(group) ?? 0;
  return {
    record(group, received) {
      counts.set(group, count(group) + 1);
      headers.set(group, { ...received });
    },
    count,
    total: () => SANDBOX_GROUPS.reduce((sum, group) => sum + count(group), 0),
    reset() {
      counts.clear();
      headers.clear();
    },
    lastHeaders(group) {
      const last = headers.get(group);
      return last === undefined ? undefined : { ...last };
    },
    snapshot: () => ({
      partner: count('partner'),
      credit: count('credit'),
      identity: count('identity'),
      crm: count('crm'),
    }),
  };
}
