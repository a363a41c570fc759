/**
 * Section 4: upstream calls for a fixed mix of 10,000 prospects against calling every declared
 * source for every prospect. Counted where they arrive, at the sandbox.
 */
import type { BenchSection } from './bench-section';
import { target } from './bench-section';
import { envNumber, round, sandboxAdmin, scoreAll, startService } from './service-process';
import { loadSourceBounds } from './source-bounds';

/** Kinds of prospect in the mix, by position of the person (see personOf). */
type Kind =
  | 'disposable email'
  | 'existing customer (customers file)'
  | 'existing customer (CRM only)'
  | 'free-mail'
  | 'large order, credit consent'
  | 'corporate';

function kindOf(i: number): Kind {
  if (i % 10 === 0) return 'disposable email';
  if (i % 50 === 1) return 'existing customer (customers file)';
  if (i % 50 === 11) return 'existing customer (CRM only)';
  if (i % 10 === 3) return 'free-mail';
  if (i % 5 === 2) return 'large order, credit consent';
  return 'corporate';
}

const FILE_CUSTOMERS = [
  { email: 'olivia.chen@fabrikam-industries.com' },
  { email: 'someone.new@tailspin-toys.com' },
  { email: 'hashed.person@woodgrove-bank.com' },
  { phone: '(415) 555-0100', email: 'olivia.c@personal-mail.net' },
];

function personOf(i: number): object {
  const domain = `cost-bench-${i % (PEOPLE / 2)}.com`;
  const base = {
    email: `person${i}@${domain}`,
    firstName: 'Alex',
    lastName: `Lee${i}`,
    country: 'US',
    source: 'signup_form',
    company: { domain },
  };
  switch (kindOf(i)) {
    case 'disposable email':
      return { ...base, email: `person${i}@mailinator.com`, company: undefined };
    case 'existing customer (customers file)':
      return { ...base, company: undefined, ...FILE_CUSTOMERS[(i >> 1) % FILE_CUSTOMERS.length] };
    case 'existing customer (CRM only)':
      return { ...base, email: 'crm.only@woodgrove-bank.com', company: undefined };
    case 'free-mail':
      return { ...base, email: `alex.lee${i}@gmail.com`, company: undefined };
    case 'large order, credit consent':
      return { ...base, consent: { creditCheck: true }, attributes: { seats: 60 } };
    case 'corporate':
      return { ...base, attributes: { requestedDemo: i % 3 === 0 } };
  }
}

const PEOPLE = 2500;
const REPEATS = 4;

/** 10,000 prospects: 2,500 people at 1,250 companies, each seen 4 times, in a fixed shuffled order. */
export function costMix(): object[] {
  const people = Array.from({ length: PEOPLE }, (_, i) => personOf(i));
  const mix = Array.from({ length: REPEATS }, () => people).flat();
  let seed = 42;
  for (let i = mix.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [mix[i], mix[j]] = [mix[j] as object, mix[i] as object];
  }
  return mix;
}

export async function runUpstreamCostBench(): Promise<BenchSection> {
  const service = await startService({ env: { CUSTOMERS_FILE: 'docs/examples/customers.txt' } });
  try {
    const mix = costMix();
    const composition: Record<string, number> = {};
    for (let i = 0; i < PEOPLE; i += 1)
      composition[kindOf(i)] = (composition[kindOf(i)] ?? 0) + REPEATS;
    await sandboxAdmin.resetCalls(service.sandboxUrl);
    const started = performance.now();
    await scoreAll(service.url, mix, envNumber('BENCH_COST_CONCURRENCY', 20));
    const seconds = round((performance.now() - started) / 1000, 1);
    const calls = await sandboxAdmin.calls(service.sandboxUrl);
    const upstream = Object.values(calls).reduce((sum, n) => sum + n, 0);
    const sources = loadSourceBounds().map((source) => source.name);
    const baseline = mix.length * sources.length;
    const ratio = round(upstream / baseline, 4);
    return {
      id: 'upstreamCost',
      title: `Upstream calls for ${mix.length.toLocaleString('en')} prospects (${PEOPLE} people at ${PEOPLE / 2} companies, each seen ${REPEATS} times) vs every source for every prospect`,
      table: [
        ...Object.entries(calls).map(([group, n]) => ({ source: group, 'upstream calls': n })),
        { source: 'total', 'upstream calls': upstream },
        {
          source: `baseline: ${mix.length} x ${sources.length} sources`,
          'upstream calls': baseline,
        },
        { source: 'ratio', 'upstream calls': ratio },
      ],
      figures: {
        prospects: mix.length,
        composition,
        sources,
        upstreamCallsBySandboxGroup: calls,
        upstream,
        baseline,
        ratio,
        seconds,
      },
      targets: [target('upstream calls / call-everything baseline', ratio, '<=', 0.3, 'x')],
    };
  } finally {
    await service.stop();
  }
}
