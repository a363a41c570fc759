import { Router } from 'express';
import type { RuleSetProvider } from '../../domain/ports';
import { RuleSetInvalidError } from '../../engine/activate-rule-set';
import type { RuleOperations } from '../../engine/rule-ops/rule-operations';
import { AppError } from '../../errors/app-error';
import { jsonBody, type JsonBodyOptions } from '../middleware/json-body';
import { parseInput } from '../parse-input';
import { DryRunRequestSchema, ValidateRequestSchema, toRuleSetChanges } from '../request-schemas';

/** Candidate rule sets and 1,000 prospects need more room than one signup. */
const RULE_OPS_BODY: JsonBodyOptions = { limit: 4 * 1024 * 1024, maxDepth: 48 };

export function rulesRoutes(rules: RuleSetProvider, ops: RuleOperations): Router {
  const router = Router();
  router.get('/v1/rules', (_req, res) => {
    const active = rules.current();
    const lastReload = ops.lastReload();
    res.json({
      version: active.version,
      loadedAt: active.loadedAt.toISOString(),
      lastReload: lastReload && { ...lastReload, at: lastReload.at.toISOString() },
      policy: active.policy,
      rules: active.rules.map(({ name, priority, file, description, event }) => ({
        name,
        priority,
        file,
        ...(description === undefined ? {} : { description }),
        event,
        hits: ops.hits(name),
      })),
      sources: active.sources.map(({ name, kind, costPerCall }) => ({ name, kind, costPerCall })),
    });
  });

  router.post('/v1/rules/validate', jsonBody(RULE_OPS_BODY), async (req, res) => {
    const { files } = parseInput(ValidateRequestSchema, req.body);
    res.json(await ops.validate(toRuleSetChanges(files)));
  });

  router.post('/v1/rules/dry-run', jsonBody(RULE_OPS_BODY), async (req, res) => {
    const { files, prospects, live } = parseInput(DryRunRequestSchema, req.body);
    try {
      res.json(await ops.dryRun(toRuleSetChanges(files), prospects, live));
    } catch (error) {
      if (!(error instanceof RuleSetInvalidError)) throw error;
      throw new AppError(
        'rule_set_invalid',
        `The candidate rule set has ${error.problems.length} problem(s).`,
        error.problems.map((problem) => ({
          path: `/files/${problem.file.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          message: `${problem.path}: ${problem.message}${problem.rule ? ` (rule "${problem.rule}")` : ''}`,
        })),
      );
    }
  });
  return router;
}
