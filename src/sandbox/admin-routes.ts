import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CallLog } from './call-log';
import { faultSchema, groupSchema, SANDBOX_GROUPS, type SandboxGroup } from './fault';
import type { FaultBoard } from './fault-board';
import { sendSandboxError } from './sandbox-error';

/** Fault drills and call counts over HTTP, for benchmarks and people with curl; never counted. */
export function adminRoutes(board: FaultBoard, log: CallLog): Router {
  const router = Router();
  router.put('/faults/:group', express.json({ limit: '4kb' }), (req, res) => {
    const group = groupParam(req, res);
    if (group === undefined) return;
    const fault = faultSchema.safeParse(req.body);
    if (!fault.success) {
      sendSandboxError(res, 400, 'bad_request', z.prettifyError(fault.error));
      return;
    }
    board.set(group, fault.data);
    res.json({ group, fault: fault.data });
  });
  router.delete('/faults/:group', (req, res) => {
    const group = groupParam(req, res);
    if (group === undefined) return;
    board.clear(group);
    res.status(204).end();
  });
  router.delete('/faults', (_req, res) => {
    board.clear();
    res.status(204).end();
  });
  router.get('/calls', (_req, res) => {
    res.json(log.snapshot());
  });
  router.delete('/calls', (_req, res) => {
    log.reset();
    res.status(204).end();
  });
  return router;
}

/** The :group parameter, or undefined once a 400 has been sent. */
function groupParam(req: Request, res: Response): SandboxGroup | undefined {
  const group = groupSchema.safeParse(req.params.group);
  if (group.success) return group.data;
  sendSandboxError(res, 400, 'bad_request', `group must be one of ${SANDBOX_GROUPS.join(', ')}`);
  return undefined;
}
