import express, { type Express, type Router } from 'express';
import { adminRoutes } from './admin-routes';
import { createCallLog, type RecordedHeaders } from './call-log';
import { creditSource } from './credit-source';
import { crmSource } from './crm-source';
import { SANDBOX_GROUPS, type Fault, type SandboxGroup } from './fault';
import { createFaultBoard } from './fault-board';
import { faultGate } from './fault-gate';
import { identitySource } from './identity-source';
import { partnerSource } from './partner-source';
import { sandboxErrorHandler, sendSandboxError } from './sandbox-error';

export type { Fault, SandboxGroup } from './fault';

export interface Sandbox {
  app: Express;
  faults: { set(group: SandboxGroup, fault: Fault): void; clear(group?: SandboxGroup): void };
  calls: {
    count(group: SandboxGroup): number;
    total(): number;
    reset(): void;
    lastHeaders(group: SandboxGroup): RecordedHeaders | undefined;
  };
}

/**
 * A deterministic fake of every remote lookup source in one app, so a fresh clone runs without
 * contracts and tests can drive faults. It never listens; see startSandbox.
 */
export function createSandboxApp(): Sandbox {
  const board = createFaultBoard();
  const log = createCallLog();
  const sources: Record<SandboxGroup, Router> = {
    partner: partnerSource(),
    credit: creditSource(),
    identity: identitySource(),
    crm: crmSource(),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use('/__sandbox', adminRoutes(board, log));
  for (const group of SANDBOX_GROUPS)
    app.use(`/${group}`, faultGate(group, board, log), sources[group]);
  app.use((_req, res) => {
    sendSandboxError(res, 404, 'not_found');
  });
  app.use(sandboxErrorHandler);

  return {
    app,
    faults: { set: board.set, clear: board.clear },
    calls: { count: log.count, total: log.total, reset: log.reset, lastHeaders: log.lastHeaders },
  };
}
