import { Router } from 'express';
import { ProspectSchema } from '../../domain/prospect';
import { scoreProspect, type ScoringDeps } from '../../domain/score-prospect';
import type { JsonBodyOptions } from '../middleware/json-body';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../parse-input';
import { presentDecision } from '../present-decision';

export function scoreRoutes(scoring: ScoringDeps, body: JsonBodyOptions): Router {
  const router = Router();
  router.post('/v1/score', ...jsonBody(body), async (req, res) => {
    const prospect = parseInput(ProspectSchema, req.body);
    const result = await scoreProspect(scoring, prospect);
    res.json(presentDecision(result));
  });
  return router;
}
