/**
 * CPU profile of the service under section 2's load: starts dist/server.js with --cpu-prof,
 * drives POST /v1/score (lookups warm) with the same autocannon settings, stops the service so
 * Node writes the profile, and prints the top self-time functions and packages.
 * Run after `npm run build`: `npx tsx bench/profile-http.ts` (BENCH_PROFILE_SECONDS, default 15).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpLoadSettings, SCORE_BODY, warmService } from './http-throughput';
import { loadJson } from './load';
import { envNumber, pinLoadGenerator, startService } from './service-process';
import { summariseCpuProfile } from './summarise-cpu-profile';

async function main(): Promise<void> {
  await pinLoadGenerator();
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scorer-profile-'));
  const service = await startService({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  let run;
  try {
    await warmService(service.url);
    const settings = {
      ...httpLoadSettings(),
      durationSeconds: envNumber('BENCH_PROFILE_SECONDS', 15),
    };
    run = await loadJson(`${service.url}/v1/score`, SCORE_BODY, settings);
  } finally {
    await service.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile written in ${dir}`);
  console.log(`${run.requestsPerSecond} req/s under the profiler; profile ${join(dir, file)}`);
  const summary = summariseCpuProfile(join(dir, file));
  console.log('\nSelf time by package or area');
  console.table(summary.byArea.slice(0, 15));
  console.log('\nTop self-time functions');
  console.table(summary.byFunction.slice(0, 25));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
