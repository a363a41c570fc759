/**
 * Rule evaluation alone: prospects per second through the evaluator the service activates,
 * against stock json-rules-engine configured as the service used to run it, on the same rules
 * and the same prospects (facts precomputed as plain values, so only evaluation is timed).
 * Two rule sets: the default rules/ and the generated 100-rule set. Target: >= 10x stock.
 * Runs as a section of `npm run bench`, or alone: `npx tsx bench/rule-evaluation.ts`.
 */
import type { FactResolver, RulesEvaluator } from '../src/domain/ports';
import { activateRuleSet } from '../src/engine/activate-rule-set';
import type { CompiledRuleSet, RuleSetFiles } from '../src/engine/compile-rule-set';
import { parsePath, type PathSegment } from '../src/engine/json-path';
import {
  compileOrThrow,
  defaultRuleFiles,
  generatedRuleFiles,
  unusedSource,
} from '../test/helpers/rule-sets-under-test';
import { StockRulesEngine } from '../test/helpers/stock-rules-engine';
import { target, type BenchSection } from './bench-section';

const POOL_SIZE = 500;
const WARM_UP_RUNS = 2_000;
const ROUNDS = 3;
const ROUND_MS = 700;
const TARGET_RATIO = 10;

type Json = Record<string, unknown>;

/** Every constant the conditions compare a (fact, path) with, so generated facts hit and miss. */
function constantsByRead(ruleSet: CompiledRuleSet): Map<string, Map<string, unknown[]>> {
  const reads = new Map<string, Map<string, unknown[]>>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const condition = node as Json;
    if (typeof condition.fact === 'string' && 'operator' in condition) {
      const byPath = reads.get(condition.fact) ?? new Map<string, unknown[]>();
      const path = typeof condition.path === 'string' ? condition.path : '';
      const values = byPath.get(path) ?? [];
      const flat = Array.isArray(condition.value) ? condition.value.flat() : [condition.value];
      for (const v of flat) {
        values.push(v);
        if (typeof v === 'number') values.push(v - 1, v + 1);
      }
      byPath.set(path, values);
      reads.set(condition.fact, byPath);
    }
    Object.values(condition).forEach(visit);
  };
  visit(ruleSet.rules.map((rule) => rule.conditions));
  visit(Object.values(ruleSet.namedConditions));
  return reads;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function setAt(root: Json, segments: readonly PathSegment[], value: unknown): void {
  let current: Record<PathSegment, unknown> = root;
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    if (next === null || typeof next !== 'object') {
      current[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    }
    current = current[segment] as Record<PathSegment, unknown>;
  });
}

/** A fixed pool of prospects, each a plain value per fact (one in five values left undefined). */
export function prospectPool(ruleSet: CompiledRuleSet): FactResolver[] {
  const random = seeded(42);
  const reads = constantsByRead(ruleSet);
  const choose = (values: readonly unknown[]) =>
    random() < 0.2 ? undefined : values[Math.floor(random() * values.length)];
  return Array.from({ length: POOL_SIZE }, () => {
    const facts = new Map<string, unknown>();
    for (const [fact, byPath] of reads) {
      const whole = byPath.get('');
      if (whole !== undefined && (byPath.size === 1 || random() < 0.5)) {
        facts.set(fact, choose(whole));
        continue;
      }
      const value: Json = {};
      for (const [path, values] of byPath) {
        const segments = path === '' ? undefined : parsePath(path);
        if (Array.isArray(segments) && segments.length > 0) setAt(value, segments, choose(values));
      }
      facts.set(fact, value);
    }
    return (fact) => facts.get(fact);
  });
}

async function prospectsPerSecond(
  evaluate: (facts: FactResolver) => Promise<unknown>,
  pool: FactResolver[],
): Promise<number> {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await evaluate(pool[i % pool.length] as FactResolver);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let runs = 0;
    const start = process.hrtime.bigint();
    let elapsedMs = 0;
    while (elapsedMs < ROUND_MS) {
      for (const facts of pool) await evaluate(facts);
      runs += pool.length;
      elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    }
    rates.push((runs / elapsedMs) * 1000);
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number;
}

interface SetFigures {
  rules: number;
  prospects: number;
  stockPerSecond: number;
  servicePerSecond: number;
  ratio: number;
}

async function measure(files: RuleSetFiles): Promise<SetFigures> {
  const ruleSet = compileOrThrow(files);
  const service: RulesEvaluator = activateRuleSet(files, new Date(0), unusedSource).evaluator;
  const stock = new StockRulesEngine(ruleSet);
  // Runs that reject (the generated set has a rule that throws on purpose) are left out, so
  // both evaluators time complete runs only.
  const pool: FactResolver[] = [];
  for (const facts of prospectPool(ruleSet)) {
    if (
      await stock.run(facts).then(
        () => true,
        () => false,
      )
    )
      pool.push(facts);
  }
  const stockPerSecond = await prospectsPerSecond((facts) => stock.run(facts), pool);
  const servicePerSecond = await prospectsPerSecond((facts) => service.evaluate(facts), pool);
  return {
    rules: ruleSet.rules.length,
    prospects: pool.length,
    stockPerSecond,
    servicePerSecond,
    ratio: Math.round((servicePerSecond / stockPerSecond) * 100) / 100,
  };
}

export async function runRuleEvaluationBench(): Promise<BenchSection> {
  const sets: Record<string, SetFigures> = {
    'default rules': await measure(defaultRuleFiles()),
    'generated 100 rules': await measure(generatedRuleFiles()),
  };
  const rows = Object.entries(sets).map(([name, f]) => ({
    'rule set': name,
    rules: f.rules,
    'stock prospects/s': Math.round(f.stockPerSecond),
    'service prospects/s': Math.round(f.servicePerSecond),
    'service / stock': Number(f.ratio.toFixed(1)),
  }));
  return {
    id: 'ruleEvaluation',
    title: 'Rule evaluation (one core, facts precomputed, sequential runs)',
    table: rows,
    figures: { poolSize: POOL_SIZE, roundMs: ROUND_MS, rounds: ROUNDS, sets },
    targets: Object.entries(sets).map(([name, f]) =>
      target(`${name}: service / stock`, f.ratio, '>=', TARGET_RATIO, 'x'),
    ),
  };
}

if (require.main === module) {
  runRuleEvaluationBench().then(
    (section) => {
      console.log(section.title);
      console.table(section.table);
      for (const t of section.targets) {
        console.log(
          `${t.met ? 'met' : 'NOT met'}: ${t.name} ${t.measured.toFixed(1)} ${t.comparison} ${t.limit}`,
        );
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
