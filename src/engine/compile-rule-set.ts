import { createHash } from 'node:crypto';
import { describeJsonError } from './describe-json-error';
import type { z } from 'zod';
import { PolicySchema, type Policy } from '../domain/policy';
import { RuleEventSchemas, type RuleEvent, type RuleEventType } from '../domain/rule-event';
import type { RuleSummary } from '../domain/ports';
import { checkCondition, checkTopCondition, type ConditionContext } from './check-conditions';
import {
  CONDITIONS_FILE,
  isRuleTestFile,
  POLICY_FILE,
  RULE_FILE_SUFFIX,
  RuleFileEntrySchema,
} from './rule-file-schema';
import { LOOKUP_STATUS_FACT, compileSources } from './compile-sources';
import { formatJsonPath, type RuleSetProblem } from './rule-set-problem';
import { SOURCES_FILE, type SourceDefinition } from './source-file-schema';

/** A rule set's files as text, keyed by name relative to the rules directory. */
export type RuleSetFiles = ReadonlyMap<string, string>;

export interface CompiledRule extends RuleSummary {
  conditions: object;
}

/** A validated rule set: plain data, ready to hand to an evaluator. */
export interface CompiledRuleSet {
  version: string;
  policy: Policy;
  rules: CompiledRule[];
  namedConditions: Record<string, object>;
  factsUsed: ReadonlySet<string>;
  sources: SourceDefinition[];
  /** Facts answered by remote lookups, which rules should test after local ones. */
  lookupFacts: ReadonlySet<string>;
  /** Every file it was compiled from, rule tests included (the base for a candidate overlay). */
  files: RuleSetFiles;
}

export type CompileResult =
  { ok: true; ruleSet: CompiledRuleSet } | { ok: false; problems: RuleSetProblem[] };

/**
 * Validates a whole rule set as one unit (schema and semantics) and either returns all of it or
 * every problem found; a rule set is never half-loaded.
 */
export function compileRuleSet(
  allFiles: RuleSetFiles,
  knownFacts: ReadonlySet<string>,
): CompileResult {
  // Rule tests are checked by the test runner; they neither define rules nor change the version.
  const files: RuleSetFiles = new Map([...allFiles].filter(([name]) => !isRuleTestFile(name)));
  const problems: RuleSetProblem[] = [];
  const parsed = parseFiles(files, problems);

  const policyJson = parsed.get(POLICY_FILE);
  let policy: Policy | undefined;
  if (!files.has(POLICY_FILE)) {
    problems.push({ file: POLICY_FILE, path: '$', message: 'policy.json is missing' });
  } else if (policyJson !== undefined) {
    policy = collectSchemaProblems(PolicySchema, policyJson, POLICY_FILE, problems);
  }

  const sources = compileSources(parsed.get(SOURCES_FILE), knownFacts, problems);
  const sourceFields = new Map(sources.map((s) => [s.name, new Set(Object.keys(s.fields))]));
  const lookupFacts = new Set([...sourceFields.keys(), LOOKUP_STATUS_FACT]);
  const allFacts = new Set([...knownFacts, ...lookupFacts]);

  const namedConditions = parsed.get(CONDITIONS_FILE) ?? {};
  const conditionsOk = checkNamedConditionsShape(namedConditions, problems);
  const conditionNames = new Set(conditionsOk ? Object.keys(namedConditions) : []);
  const factsUsed = new Set<string>();
  const context = (file: string, rule?: string): ConditionContext => ({
    knownFacts: allFacts,
    sourceFields,
    namedConditions: conditionNames,
    factsUsed,
    report: (path, message) => problems.push({ file, path: formatJsonPath(path), rule, message }),
  });
  if (conditionsOk) {
    for (const [name, condition] of Object.entries(namedConditions)) {
      checkCondition(condition, [name], context(CONDITIONS_FILE));
    }
  }

  const ruleFiles = [...parsed.keys()].filter((name) => name.endsWith(RULE_FILE_SUFFIX)).sort();
  if (![...files.keys()].some((name) => name.endsWith(RULE_FILE_SUFFIX))) {
    problems.push({ file: '.', path: '$', message: `no *${RULE_FILE_SUFFIX} files found` });
  }
  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const file of ruleFiles) {
    const entries = parsed.get(file);
    if (!Array.isArray(entries)) {
      problems.push({ file, path: '$', message: 'a rules file must be a JSON array of rules' });
      continue;
    }
    entries.forEach((entry, index) => {
      const rule = compileRule(entry, file, index, problems, context);
      if (rule === undefined) return;
      const other = seen.get(rule.name);
      if (other !== undefined) {
        problems.push({
          file,
          path: formatJsonPath([index, 'name']),
          rule: rule.name,
          message: `duplicate rule name (also in ${other})`,
        });
      }
      seen.set(rule.name, file);
      rules.push(rule);
    });
  }

  if (problems.length > 0 || policy === undefined) return { ok: false, problems };
  return {
    ok: true,
    ruleSet: {
      version: versionOf(files),
      policy,
      rules,
      namedConditions: namedConditions as Record<string, object>,
      factsUsed,
      sources,
      lookupFacts,
      files: allFiles,
    },
  };
}

function compileRule(
  entry: unknown,
  file: string,
  index: number,
  problems: RuleSetProblem[],
  context: (file: string, rule?: string) => ConditionContext,
): CompiledRule | undefined {
  const name =
    typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  const ruleName = typeof name === 'string' ? name : undefined;
  const before = problems.length;
  const rule = collectSchemaProblems(RuleFileEntrySchema, entry, file, problems, [index], ruleName);
  if (rule === undefined) return undefined;
  checkTopCondition(rule.conditions, [index, 'conditions'], context(file, rule.name));
  const event = compileEvent(rule.event, file, index, rule.name, problems);
  if (event === undefined || problems.length > before) return undefined;
  const compiled: CompiledRule = {
    name: rule.name,
    priority: rule.priority,
    file,
    event,
    conditions: rule.conditions as object,
  };
  if (rule.description !== undefined) compiled.description = rule.description;
  return compiled;
}

function compileEvent(
  event: { type: string; params: unknown },
  file: string,
  index: number,
  rule: string,
  problems: RuleSetProblem[],
): RuleEvent | undefined {
  if (!Object.hasOwn(RuleEventSchemas, event.type)) {
    problems.push({
      file,
      path: formatJsonPath([index, 'event', 'type']),
      rule,
      message: `unknown event type "${event.type}" (expected ${Object.keys(RuleEventSchemas).join(', ')})`,
    });
    return undefined;
  }
  const type = event.type as RuleEventType;
  const params = collectSchemaProblems(
    RuleEventSchemas[type],
    event.params ?? {},
    file,
    problems,
    [index, 'event', 'params'],
    rule,
  );
  return params === undefined ? undefined : ({ type, params } as RuleEvent);
}

function parseFiles(files: RuleSetFiles, problems: RuleSetProblem[]): Map<string, unknown> {
  const parsed = new Map<string, unknown>();
  for (const [file, text] of files) {
    try {
      parsed.set(file, JSON.parse(text));
    } catch (error) {
      problems.push({
        file,
        path: '$',
        message: `invalid JSON: ${describeJsonError(error, text)}`,
      });
    }
  }
  return parsed;
}

function checkNamedConditionsShape(value: unknown, problems: RuleSetProblem[]): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
  problems.push({
    file: CONDITIONS_FILE,
    path: '$',
    message: 'conditions.json must be an object of named conditions',
  });
  return false;
}

function collectSchemaProblems<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  problems: RuleSetProblem[],
  prefix: PropertyKey[] = [],
  rule?: string,
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file,
      path: formatJsonPath([...prefix, ...issue.path]),
      rule,
      message: issue.message,
    });
  }
  return undefined;
}

/** A content hash of the rule files, so every decision names exactly the rules that made it. */
export function versionOf(files: RuleSetFiles): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    hash
      .update(name)
      .update('\0')
      .update(files.get(name) as string)
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
