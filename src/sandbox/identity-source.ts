import { Router } from 'express';
import { KNOWN_PHONES } from './sandbox-data';
import { sendSandboxError } from './sandbox-error';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Fake caller-ID/identity API: who is behind an E.164 phone number. */
export function identitySource(): Router {
  const router = Router();
  // Express decodes the parameter, so "%2B16502530000" arrives here as "+16502530000".
  router.get('/phones/:phone', (req, res) => {
    const phone = req.params.phone.trim();
    if (!E164.test(phone)) {
      sendSandboxError(res, 400, 'bad_request', 'The phone number must be in E.164 form.');
      return;
    }
    const identity = KNOWN_PHONES.get(phone);
    if (identity === undefined) {
      sendSandboxError(res, 404, 'not_found');
      return;
    }
    res.json(identity);
  });
  return router;
}
