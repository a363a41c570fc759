import type { RequestHandler, Response } from 'express';
import type { CallLog } from './call-log';
import type { SandboxGroup } from './fault';
import type { FaultAction, FaultBoard } from './fault-board';

/** Valid JSON whose fields have the wrong types, so clients prove they validate what they read. */
export const WRONG_SHAPE_BODIES: Readonly<Record<SandboxGroup, unknown>> = {
  partner: { company: { employees: 'lots', industry: 7 } },
  credit: { report: { score: 'high' } },
  identity: { person: 'nobody' },
  crm: { isCustomer: 'maybe' },
};

/** Cut off mid-document, as a proxy or a crashing upstream would leave it. */
export const INVALID_JSON_BODY = '{"truncated": tru';

/** Counts each arriving call of a group, then applies that group's fault, if any. */
export function faultGate(group: SandboxGroup, board: FaultBoard, log: CallLog): RequestHandler {
  return (req, res, next) => {
    log.record(group, req.headers);
    const { latencyMs, action } = board.decide(group);
    afterDelay(res, latencyMs, () => {
      if (action.kind === 'answer') next();
      else act(group, action, res);
    });
  };
}

function act(group: SandboxGroup, action: Exclude<FaultAction, { kind: 'answer' }>, res: Response) {
  switch (action.kind) {
    case 'hang':
      // Holding the response open is the fault; the client's timeout or close() ends it.
      return;
    case 'reset':
      // A TCP RST rather than a FIN: clients see ECONNRESET, as with a crashed upstream.
      res.socket?.resetAndDestroy();
      return;
    case 'status':
      res.status(action.status).json({ error: 'sandbox_fault', status: action.status });
      return;
    case 'malformed':
      if (action.malformed === 'wrong-shape') res.status(200).json(WRONG_SHAPE_BODIES[group]);
      else res.status(200).type('application/json').send(INVALID_JSON_BODY);
      return;
  }
}

function afterDelay(res: Response, ms: number, run: () => void): void {
  if (ms <= 0) {
    run();
    return;
  }
  const timer = setTimeout(run, ms);
  // A client that gave up (or a closing sandbox) must not leave a timer behind.
  res.once('close', () => clearTimeout(timer));
}
