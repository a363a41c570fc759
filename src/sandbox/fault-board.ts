import { faultSchema, type Fault, type SandboxGroup } from './fault';

export type FaultAction =
  | { kind: 'answer' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'status'; status: number }
  | { kind: 'malformed'; malformed: NonNullable<Fault['malformed']> };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

export interface FaultBoard {
  set(group: SandboxGroup, fault: Fault): void;
  clear(group?: SandboxGroup): void;
  /** Called once per arriving call: it advances the group's errorRate counter. */
  decide(group: SandboxGroup): FaultDecision;
}

const ANSWER: FaultDecision = { latencyMs: 0, action: { kind: 'answer' } };

/** The faults currently set, one per group; setting one restarts its call numbering. */
export function createFaultBoard(): FaultBoard {
  const active = new Map<SandboxGroup, { fault: Fault; calls: number }>();
  return {
    set(group, fault) {
      // Parsing also copies, so a caller mutating its object later changes nothing here.
      active.set(group, { fault: faultSchema.parse(fault), calls: 0 });
    },
    clear(group) {
      if (group === undefined) active.clear();
      else active.delete(group);
    },
    decide(group) {
      const entry = active.get(group);
      if (entry === undefined) return ANSWER;
      entry.calls += 1;
      const { fault } = entry;
      const latencyMs = fault.latencyMs ?? 0;
      if (!isFailingCall(entry.calls, fault.errorRate)) {
        return { latencyMs, action: { kind: 'answer' } };
      }
      return { latencyMs, action: failureOf(fault) };
    },
  };
}

/**
 * The n-th call fails when floor(n*r) steps up, which spreads failures evenly and reproducibly
 * instead of randomly, so a test can say exactly which calls fail.
 */
export function isFailingCall(n: number, rate: number | undefined): boolean {
  if (rate === undefined) return true;
  // The epsilon keeps float rounding (100 * 0.29 = 28.999...) from moving a failure by one call.
  const failuresUpTo = (calls: number) => Math.floor(calls * rate + 1e-9);
  return failuresUpTo(n) > failuresUpTo(n - 1);
}

function failureOf(fault: Fault): FaultAction {
  if (fault.hang === true) return { kind: 'hang' };
  if (fault.reset === true) return { kind: 'reset' };
  if (fault.status !== undefined) return { kind: 'status', status: fault.status };
  if (fault.malformed !== undefined) return { kind: 'malformed', malformed: fault.malformed };
  if (fault.errorRate !== undefined) return { kind: 'status', status: 503 };
  return { kind: 'answer' };
}
