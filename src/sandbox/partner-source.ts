import { Router } from 'express';
import { deriveCompany } from './derive-answer';
import { KNOWN_COMPANIES, UNKNOWN_DOMAIN_PREFIX } from './sandbox-data';
import { sendSandboxError } from './sandbox-error';

/** Fake partner firmographics API: company facts by domain. */
export function partnerSource(): Router {
  const router = Router();
  router.get('/companies/:domain', (req, res) => {
    const domain = req.params.domain.trim().toLowerCase();
    if (domain.startsWith(UNKNOWN_DOMAIN_PREFIX)) {
      sendSandboxError(res, 404, 'not_found');
      return;
    }
    res.json({ company: KNOWN_COMPANIES.get(domain) ?? deriveCompany(domain) });
  });
  return router;
}
