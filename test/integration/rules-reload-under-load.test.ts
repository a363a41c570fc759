import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRuleSetFiles } from '../../src/adapters/rule-set-directory';
import { compileRuleSet } from '../../src/engine/compile-rule-set';
import { builtInFacts } from '../../src/engine/known-facts';
import { aCorporateSignup } from '../helpers/prospects';
import { eventually, startWatchedService, type WatchedService } from '../helpers/watched-service';

const IN_FLIGHT = 300;
const REWRITES = 50;

describe('rewriting the rules 50 times under continuous load', () => {
  let service: WatchedService;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    service = await startWatchedService();
    server = createServer(service.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/score`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  it('fails no request, and every answer names one of the versions written', async () => {
    const versionOfDir = () => {
      const result = compileRuleSet(readRuleSetFiles(service.dir), builtInFacts());
      if (!result.ok) throw new Error('the test wrote an invalid rule set');
      return result.ruleSet.version;
    };
    const written = new Set<string>([versionOfDir()]);
    const seen = new Map<string, number>();
    const failures: string[] = [];
    let writing = true;
    const body = JSON.stringify(aCorporateSignup({ attributes: { betaTester: true } }));

    const client = async () => {
      while (writing) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          const answer = (await res.json()) as { ruleset?: { version: string } };
          if (res.status !== 200 || answer.ruleset === undefined)
            failures.push(`status ${res.status}`);
          else seen.set(answer.ruleset.version, (seen.get(answer.ruleset.version) ?? 0) + 1);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const clients = Array.from({ length: IN_FLIGHT }, client);

    for (let i = 1; i <= REWRITES; i += 1) {
      // A plain write (truncate, then write): readers can catch the file half-written.
      writeFileSync(
        join(service.dir, 'beta.rules.json'),
        JSON.stringify([
          {
            name: 'beta-tester-bonus',
            priority: 50,
            conditions: {
              all: [{ fact: 'attributes', path: '$.betaTester', operator: 'equal', value: true }],
            },
            event: {
              type: 'score',
              params: { points: (i % 20) + 1, message: `Beta tester, edit ${i}` },
            },
          },
        ]),
      );
      written.add(versionOfDir());
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const last = versionOfDir();
    await eventually(async () => (await service.http.get('/v1/rules')).body.version === last, 5000);
    writing = false;
    await Promise.all(clients);

    expect(failures).toEqual([]);
    const answered = [...seen.values()].reduce((a, b) => a + b, 0);
    expect(answered).toBeGreaterThan(IN_FLIGHT);
    for (const version of seen.keys()) expect(written).toContain(version);
    expect(seen.size).toBeGreaterThan(1);
  });
});
