import { Router } from 'express';
import { deriveCreditReport } from './derive-answer';
import { KNOWN_CREDIT_REPORTS, NO_CREDIT_FILE_LOCAL_PART } from './sandbox-data';
import { sendSandboxError } from './sandbox-error';
import { singleQuery } from './single-query';

const EMAIL_SHAPE = /^([^\s@]+)@[^\s@]+$/;

/** Fake credit bureau: a report by email address. */
export function creditSource(): Router {
  const router = Router();
  router.get('/reports', (req, res) => {
    const email = singleQuery(req, 'email')?.toLowerCase();
    const localPart = email === undefined ? undefined : EMAIL_SHAPE.exec(email)?.[1];
    if (email === undefined || localPart === undefined) {
      sendSandboxError(res, 400, 'bad_request', 'Query parameter email must be one email address.');
      return;
    }
    if (localPart === NO_CREDIT_FILE_LOCAL_PART) {
      sendSandboxError(res, 404, 'not_found');
      return;
    }
    res.json({ report: KNOWN_CREDIT_REPORTS.get(email) ?? deriveCreditReport(email) });
  });
  return router;
}
