import { Router } from 'express';
import { identifyCaller } from '../../domain/identify-caller';
import { scoreProspect, type ScoringDeps } from '../../domain/score-prospect';
import type { JsonBodyOptions } from '../middleware/json-body';
import { jsonBody } from '../middleware/json-body';
import { parseInput } from '../parse-input';
import { presentDecision } from '../present-decision';
import { presentDecisionFor } from '../public-decision';
import { IdentifyRequestSchema, ScoreRequestSchema, splitRequest } from '../request-schemas';

export function scoreRoutes(scoring: ScoringDeps, body: JsonBodyOptions): Router {
  const router = Router();
  router.post('/v1/score', jsonBody(body), async (req, res) => {
    const { prospect, options } = splitRequest(parseInput(ScoreRequestSchema, req.body), {
      cacheControl: req.get('cache-control'),
    });
    res.json(presentDecisionFor(res, await scoreProspect(scoring, prospect, options)));
  });
  router.post('/v1/identify', jsonBody(body), async (req, res) => {
    const parsed = parseInput(IdentifyRequestSchema, req.body);
    const { prospect, options } = splitRequest(
      { ...parsed, source: parsed.source ?? 'inbound_call' },
      { cacheControl: req.get('cache-control') },
    );
    const result = await identifyCaller(scoring, prospect, options);
    res.json({ caller: result.caller, ...presentDecision(result) });
  });
  return router;
}
