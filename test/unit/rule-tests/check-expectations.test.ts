import { formatTestFailure } from '../../../src/engine/rule-tests/format-test-failure';
import { CORPORATE } from './small-rule-set';
import { casesFile, runSmall } from './run-small';

// The corporate signup scores 65 (Cold, qualified) with these reasons and follow-up.
const GOT = '(score 65, reasons: corporate-email, partner-unknown, route-qualified)';

async function failureFor(expectation: object, lookups?: object): Promise<string> {
  const { report } = await runSmall(
    casesFile({
      name: 'the case',
      prospect: CORPORATE,
      ...(lookups && { lookups }),
      expect: expectation,
    }),
  );
  expect(report.problems).toEqual([]);
  expect(report.failed).toBe(1);
  return (report.failures[0] as { message: string }).message;
}

describe('rule test expectations', () => {
  it.each([
    [{ status: 'existing_customer' }, `expected status "existing_customer", got "scored" ${GOT}`],
    [{ decision: 'nurture' }, `expected decision "nurture", got "qualified" ${GOT}`],
    [{ tier: 'Hot' }, `expected tier "Hot", got "Cold" ${GOT}`],
    [{ score: 70 }, `expected score 70, got 65 ${GOT}`],
    [{ scoreAtLeast: 66 }, `expected score at least 66, got 65 ${GOT}`],
    [{ scoreAtMost: 64 }, `expected score at most 64, got 65 ${GOT}`],
    [
      { reasons: { include: ['partner-large'] } },
      `expected reasons to include "partner-large" ${GOT}`,
    ],
    [
      { reasons: { exclude: ['corporate-email'] } },
      `expected reasons to exclude "corporate-email" ${GOT}`,
    ],
    [
      { followUp: { queue: 'sales', withinMinutes: 5, priority: 'urgent' } },
      `expected follow-up sales within 5 min (urgent), got sales within 60 min (normal) ${GOT}`,
    ],
    [{ followUp: null }, `expected follow-up none, got sales within 60 min (normal) ${GOT}`],
  ])('fails %j with a message naming what differed', async (expectation, message) => {
    expect(await failureFor(expectation)).toBe(message);
  });

  it('reports a follow-up that was expected but not set', async () => {
    const message = await failureFor({ followUp: { queue: 'sales' } }, { partner: 'unavailable' });
    expect(message).toBe(
      'expected follow-up sales, got none (score 70, reasons: partner-down, corporate-email)',
    );
  });

  it('compares only the follow-up fields the case names', async () => {
    const { report } = await runSmall(
      casesFile({
        name: 'queue only',
        prospect: CORPORATE,
        expect: { followUp: { queue: 'sales' } },
      }),
    );
    expect(report.passed).toBe(1);
  });

  it('names every difference of a case in one failure', async () => {
    const message = await failureFor({ decision: 'nurture', tier: 'Hot', score: 10 });
    expect(message).toBe(
      `expected decision "nurture", got "qualified"; expected tier "Hot", got "Cold"; ` +
        `expected score 10, got 65 ${GOT}`,
    );
  });

  it('says when a decision was expected but the prospect was not scored', async () => {
    const message = await failureFor({ decision: 'qualified' }, { crm: 'unavailable' });
    expect(message).toBe(
      'expected a scored prospect, got status "unverified" (status "unverified")',
    );
  });

  it('does not pile decision differences on a status that already differs', async () => {
    const message = await failureFor(
      { status: 'scored', decision: 'qualified', score: 65 },
      { crm: { isCustomer: true } },
    );
    expect(message).toBe(
      'expected status "scored", got "existing_customer" (status "existing_customer")',
    );
  });

  it('formats a failure as file:JSON-path: message (case "name")', async () => {
    const { report } = await runSmall(
      casesFile(
        { name: 'first', prospect: CORPORATE, expect: { status: 'scored' } },
        { name: 'second', prospect: CORPORATE, expect: { decision: 'nurture' } },
      ),
    );
    expect(report.failures.map(formatTestFailure)).toEqual([
      `tests/small.json:$.cases[1]: expected decision "nurture", got "qualified" ${GOT} (case "second")`,
    ]);
  });
});
