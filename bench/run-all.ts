/**
 * `npm run bench`: runs the benchmark sections in order, prints each one's table and a final
 * table of targets, and writes every figure with the machine they came from to
 * bench/results.json. BENCH_ONLY=rules,http,slow,cost,memory runs a selection.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './bench-section';
import { runHttpThroughputBench } from './http-throughput';
import { runMemoryBench } from './memory';
import { runRuleEvaluationBench } from './rule-evaluation';
import { canPin, pinLoadGenerator, ROOT } from './service-process';
import { runSlowSourcesBench } from './slow-sources';
import { runUpstreamCostBench } from './upstream-cost';

const SECTIONS: Array<[key: string, run: () => Promise<BenchSection>]> = [
  ['rules', runRuleEvaluationBench],
  ['http', runHttpThroughputBench],
  ['slow', runSlowSourcesBench],
  ['cost', runUpstreamCostBench],
  ['memory', runMemoryBench],
];

function selectedSections(): typeof SECTIONS {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  if (only === undefined || only.length === 0) return SECTIONS;
  const unknown = only.filter((key) => !SECTIONS.some(([name]) => name === key));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map(([k]) => k).join(', ')}`,
    );
  }
  return SECTIONS.filter(([key]) => only.includes(key));
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty === '' ? commit : `${commit} (with uncommitted changes)`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function machine(): Record<string, unknown> {
  const cpuList = cpus();
  return {
    os: `${type()} ${release()} (${platform()})`,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiBAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    cpuPinning: canPin() ? 'server process on CPU 1, load generator on CPU 0' : 'none',
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const sections = selectedSections();
  const info = machine();
  if (canPin()) await pinLoadGenerator();
  console.log(
    `prospect-scorer benchmark on ${String(info.cpuModel)}, ${String(info.cores)} cores, Node ${process.version}\n`,
  );
  const results: BenchSection[] = [];
  for (const [key, run] of sections) {
    const sectionStart = performance.now();
    const section = await run();
    const seconds = Math.round((performance.now() - sectionStart) / 100) / 10;
    section.figures.sectionSeconds = seconds;
    results.push(section);
    console.log(`\n${key}: ${section.title} (${seconds} s)`);
    console.table(section.table);
  }
  const targets = results.flatMap((section) =>
    section.targets.map((t) => ({ section: section.id, ...t })),
  );
  console.log('\nTargets');
  console.table(
    targets.map((t) => ({
      target: t.name,
      measured: `${t.measured} ${t.unit}`,
      limit: `${t.comparison} ${t.limit} ${t.unit}`,
      met: t.met ? 'yes' : 'NO',
    })),
  );
  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`\nTotal ${totalSeconds} s`);
  const file = join(__dirname, 'results.json');
  const report = {
    machine: info,
    totalSeconds,
    sectionsRun: sections.map(([key]) => key),
    sections: Object.fromEntries(results.map((section) => [section.id, section])),
    targets,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
