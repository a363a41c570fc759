import type { Fault } from '../../src/sandbox/sandbox-app';
import { aCorporateSignup } from '../helpers/prospects';
import { startSandboxedApp, withSourceSettings, type SandboxedApp } from '../helpers/sandboxed-app';

type Entry = { source: string; status: string; ms: number };
const partnerOf = (body: { lookups: Entry[] }) =>
  body.lookups.find((entry) => entry.source === 'partner') as Entry;

/** Short timeouts so hangs resolve quickly; the decision deadline is 600 ms. */
const DEADLINE_MS = 600;
const ruleFiles = withSourceSettings({
  partner: {
    timeoutMs: 200,
    retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    breaker: { consecutiveFailures: 3, halfOpenAfterMs: 300 },
  },
});

describe('when the partner source fails, the decision still comes, on time, with the failure shown', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp({ ruleFiles, deadlineMs: DEADLINE_MS });
  });
  afterEach(() => env.close());

  const scoreTimed = async () => {
    const started = Date.now();
    const res = await env.http.post('/v1/score', { body: aCorporateSignup() });
    return { res, elapsed: Date.now() - started };
  };

  it.each<[string, Fault, string]>([
    ['a timeout (answer slower than the source timeout)', { latencyMs: 1000 }, 'timeout'],
    ['a hang (no answer at all)', { hang: true }, 'timeout'],
    ['a 5xx', { status: 503 }, 'error'],
    ['a body that is not JSON', { malformed: 'invalid-json' }, 'error'],
    ['JSON of the wrong shape', { malformed: 'wrong-shape' }, 'error'],
    ['a connection reset', { reset: true }, 'error'],
  ])('%s: 200, partner %s, degraded, partner facts unavailable', async (_name, fault, status) => {
    env.sandbox.faults.set('partner', fault);

    const { res, elapsed } = await scoreTimed();

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scored');
    expect(partnerOf(res.body).status).toBe(status);
    expect(res.body.degraded).toBe(true);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).not.toContain(
      'partner-enterprise',
    );
    // Generous bound: what matters is that a hanging source cannot hold the answer back.
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1000);
  });

  it('retries a transient failure once, within the same decision', async () => {
    // With a 50% error rate every second call fails: call 1 (another company) succeeds, call 2
    // (this prospect) fails with 503, and its retry, call 3, succeeds.
    env.sandbox.faults.set('partner', { errorRate: 0.5 });
    await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'other.com' } }),
    });
    const { res } = await scoreTimed();
    expect(partnerOf(res.body).status).toBe('ok');
    expect(env.sandbox.calls.count('partner')).toBe(3);
  });

  it('does not retry a malformed answer (not transient)', async () => {
    env.sandbox.faults.set('partner', { malformed: 'wrong-shape' });
    await scoreTimed();
    expect(env.sandbox.calls.count('partner')).toBe(1);
  });

  it('reports the decision deadline as a timeout when the source is slower than the decision allows', async () => {
    const slow = await startSandboxedApp({
      ruleFiles: withSourceSettings({ partner: { timeoutMs: 5000 } }),
      deadlineMs: 150,
    });
    try {
      slow.sandbox.faults.set('partner', { latencyMs: 400 });
      const res = await slow.http.post('/v1/score', { body: aCorporateSignup() });
      expect(partnerOf(res.body).status).toBe('timeout');

      // The call went on in the background and warmed the cache for a later decision (asking
      // meanwhile joins the call in flight rather than starting another).
      let status = '';
      for (let i = 0; i < 60 && status !== 'cache'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const next = await slow.http.post('/v1/score', { body: aCorporateSignup() });
        status = partnerOf(next.body).status;
      }
      expect(status).toBe('cache');
      expect(slow.sandbox.calls.count('partner')).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('opens the circuit after repeated failures, stops calling, then recovers through half-open', async () => {
    env.sandbox.faults.set('partner', { status: 500 });
    const domains = ['a-corp.com', 'b-corp.com'];
    for (const domain of domains) {
      await env.http.post('/v1/score', { body: aCorporateSignup({ company: { domain } }) });
    }
    const callsWhenOpen = env.sandbox.calls.count('partner');

    const open = await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'c-corp.com' } }),
    });
    expect(partnerOf(open.body).status).toBe('circuit_open');
    expect(env.sandbox.calls.count('partner')).toBe(callsWhenOpen);

    env.sandbox.faults.clear('partner');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const recovered = await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'd-corp.com' } }),
    });
    expect(partnerOf(recovered.body).status).toBe('ok');
    const after = await env.http.post('/v1/score', {
      body: aCorporateSignup({ company: { domain: 'e-corp.com' } }),
    });
    expect(partnerOf(after.body).status).toBe('ok');
  });
});

describe('when the credit bureau cannot answer', () => {
  let env: SandboxedApp;
  beforeEach(async () => {
    env = await startSandboxedApp({ deadlineMs: DEADLINE_MS });
  });
  afterEach(() => env.close());

  it('a large order goes to review rather than being assumed creditworthy', async () => {
    env.sandbox.faults.set('credit', { status: 503 });
    const res = await env.http.post('/v1/score', {
      body: aCorporateSignup({ consent: { creditCheck: true }, attributes: { seats: 80 } }),
    });
    expect(res.body.decision).toBe('review');
    expect(res.body.reasons[0].code).toBe('credit-check-unavailable');
    expect(res.body.degraded).toBe(true);
  });
});

describe('when the CRM customer-match source cannot answer', () => {
  it('the person is not labelled: status unverified, no score', async () => {
    const env = await startSandboxedApp({ deadlineMs: DEADLINE_MS });
    try {
      env.sandbox.faults.set('crm', { status: 503 });
      const res = await env.http.post('/v1/score', { body: aCorporateSignup() });
      expect(res.body).toMatchObject({
        status: 'unverified',
        score: null,
        tier: null,
        decision: null,
        reasons: [],
        followUp: null,
        degraded: true,
      });
      expect(env.sandbox.calls.count('partner')).toBe(0);
    } finally {
      await env.close();
    }
  });

  it('with SCORE_UNVERIFIED the prospect is scored anyway, marked degraded', async () => {
    const env = await startSandboxedApp({ deadlineMs: DEADLINE_MS, scoreUnverified: true });
    try {
      env.sandbox.faults.set('crm', { status: 503 });
      const res = await env.http.post('/v1/score', { body: aCorporateSignup() });
      expect(res.body).toMatchObject({ status: 'scored', decision: 'qualified', degraded: true });
    } finally {
      await env.close();
    }
  });
});
