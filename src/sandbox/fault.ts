import { z } from 'zod';

export const SANDBOX_GROUPS = ['partner', 'credit', 'identity', 'crm'] as const;

/** One fake lookup source; faults and call counts are kept per group. */
export type SandboxGroup = (typeof SANDBOX_GROUPS)[number];

/** A misbehaviour to inject into every call of a group (or a share of them, see errorRate). */
export interface Fault {
  /** Delay before answering (or before the fault below). */
  latencyMs?: number;
  /** Answer with this HTTP status (e.g. 503) and a small JSON error body. */
  status?: number;
  /**
   * Fraction 0..1 of calls that fail with 503, deterministic: with rate r the n-th call (1-based,
   * per group, counted since the fault was set) fails when floor(n*r) > floor((n-1)*r). Combined
   * with status, hang, reset or malformed, it picks which calls get that fault instead of 503.
   */
  errorRate?: number;
  /** 'invalid-json': 200 with a body that is not JSON; 'wrong-shape': 200 with valid JSON of the wrong shape. */
  malformed?: 'invalid-json' | 'wrong-shape';
  /** Never answer (the connection stays open until the client gives up or the sandbox closes). */
  hang?: boolean;
  /** Destroy the socket without an HTTP answer (connection reset). */
  reset?: boolean;
}

/** Long enough for any timeout drill, short enough that a typo cannot wedge a benchmark for hours. */
export const MAX_LATENCY_MS = 60_000;

export const groupSchema = z.enum(SANDBOX_GROUPS);

export const faultSchema = z.strictObject({
  latencyMs: z.int().min(0).max(MAX_LATENCY_MS).optional(),
  // Only error statuses: the body sent with it is an error body.
  status: z.int().min(400).max(599).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  malformed: z.enum(['invalid-json', 'wrong-shape']).optional(),
  hang: z.boolean().optional(),
  reset: z.boolean().optional(),
});
