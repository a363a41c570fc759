import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCorporateSignup } from '../helpers/prospects';
import { eventually, startWatchedService, type WatchedService } from '../helpers/watched-service';

const bonusRule = (points: number) =>
  JSON.stringify([
    {
      name: 'beta-tester-bonus',
      description: 'Joined the beta programme.',
      priority: 50,
      conditions: {
        all: [{ fact: 'attributes', path: '$.betaTester', operator: 'equal', value: true }],
      },
      event: { type: 'score', params: { points, message: `Beta tester (+${points})` } },
    },
  ]);

describe('hot reload of the rule directory', () => {
  let service: WatchedService;
  beforeEach(async () => {
    service = await startWatchedService();
  });
  afterEach(() => service.close());

  const rulesInfo = async () => (await service.http.get('/v1/rules')).body;
  const betaTester = () =>
    service.http.post('/v1/score', {
      body: aCorporateSignup({ attributes: { betaTester: true } }),
    });

  it('a valid edit takes effect within 2 s, without a restart, and is reported', async () => {
    const before = await rulesInfo();
    expect(before.lastReload).toBeNull();

    writeFileSync(join(service.dir, 'beta.rules.json'), bonusRule(5));

    const after = await eventually(async () => {
      const info = await rulesInfo();
      return info.version !== before.version && info;
    }, 2000);
    expect(after.lastReload).toMatchObject({ ok: true, errors: [], version: after.version });
    const res = await betaTester();
    expect(res.body.ruleset.version).toBe(after.version);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('beta-tester-bonus');
  });

  it.each<[string, (dir: string) => void, RegExp]>([
    [
      'invalid JSON',
      (dir) => writeFileSync(join(dir, 'fit.rules.json'), '[{"name": "x", '),
      /^fit\.rules\.json:\$: invalid JSON/,
    ],
    [
      'an unknown fact',
      (dir) => {
        const file = join(dir, 'fit.rules.json');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('"companySizeBand"', '"companySizeBnad"'),
        );
      },
      /unknown fact "companySizeBnad"/,
    ],
    [
      'a half-written file',
      (dir) => {
        const file = join(dir, 'hygiene.rules.json');
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      },
      /^hygiene\.rules\.json:\$: invalid JSON/,
    ],
    [
      'a failing rule test',
      (dir) => {
        const policy = JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8'));
        writeFileSync(join(dir, 'policy.json'), JSON.stringify({ ...policy, baseScore: 0 }));
      },
      /^tests\//,
    ],
  ])(
    '%s is never served: the last good set keeps serving and the failure is reported',
    async (_name, breakIt, expected) => {
      const good = await rulesInfo();

      breakIt(service.dir);

      const refused = await eventually(async () => {
        const info = await rulesInfo();
        return info.lastReload?.ok === false && info;
      });
      expect(refused.version).toBe(good.version);
      expect(refused.lastReload.version).toBe(good.version);
      expect(refused.lastReload.errors.join('\n')).toMatch(expected);
      const res = await service.http.post('/v1/score', { body: aCorporateSignup() });
      expect(res.status).toBe(200);
      expect(res.body.ruleset.version).toBe(good.version);
      expect(
        service.logger.lines.some(
          (line) => line.level === 'warn' && /refused/.test(line.msg ?? ''),
        ),
      ).toBe(true);
    },
  );

  it('an editor that writes a temporary file and renames it over the original is picked up', async () => {
    const before = await rulesInfo();
    writeFileSync(join(service.dir, '.beta.rules.json.tmp'), bonusRule(7));
    renameSync(join(service.dir, '.beta.rules.json.tmp'), join(service.dir, 'beta.rules.json'));
    await eventually(async () => (await rulesInfo()).version !== before.version);
    expect((await betaTester()).body.reasons.map((r: { code: string }) => r.code)).toContain(
      'beta-tester-bonus',
    );
  });
});
