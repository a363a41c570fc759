import request from 'supertest';
import { api, problemOf } from '../helpers/api';
import {
  FORM_ORIGIN,
  KEYS,
  OTHER_FORM_ORIGIN,
  bearer,
  fromForm,
  keysAuth,
} from '../helpers/api-keys';
import { buildTestApp, offlineSource } from '../helpers/build-test-app';
import { expectResponseToMatchSpec } from '../helpers/openapi-contract';
import { aCorporateSignup } from '../helpers/prospects';

const CUSTOMER_EMAIL = 'olivia.chen@fabrikam-industries.com';

describe('a signup form calling from the browser with a publishable key', () => {
  const fixture = buildTestApp({ auth: keysAuth(), customerLines: [CUSTOMER_EMAIL] });
  const http = api(fixture.app);
  const score = (headers: Record<string, string>, body: object = aCorporateSignup()) =>
    http.post('/v1/score', { body, headers });

  it('may read the answer from its own origin (CORS for that origin only)', async () => {
    const res = await score(fromForm());
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(FORM_ORIGIN);
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it.each([
    ['a foreign origin', { authorization: `Bearer ${KEYS.form}`, origin: 'https://evil.example' }],
    ['another form’s origin', fromForm(KEYS.form, OTHER_FORM_ORIGIN)],
    ['no Origin at all (a script, not a browser)', bearer(KEYS.form)],
  ])('is refused from %s with 403 and no CORS headers', async (_from, headers) => {
    const res = await score(headers);
    expect(res.status).toBe(403);
    expect(problemOf(res).detail).toMatch(/origin/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gets no CORS headers with a secret key, whatever the Origin', async () => {
    const res = await score({ ...bearer(KEYS.crm), origin: FORM_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('cannot reach batch or identify even from its own origin', async () => {
    const batch = await http.post('/v1/score/batch', {
      body: { prospects: [aCorporateSignup()] },
      headers: fromForm(),
    });
    const identify = await http.post('/v1/identify', {
      body: { phone: '+1 650 253 0000' },
      headers: fromForm(),
    });
    expect([batch.status, identify.status]).toEqual([403, 403]);
  });
});

describe('the preflight (OPTIONS /v1/score) a browser sends first', () => {
  const app = buildTestApp({ auth: keysAuth() }).app;
  const preflight = async (origin: string) => {
    const res = await request(app)
      .options('/v1/score')
      .set('origin', origin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type');
    expectResponseToMatchSpec(res, 'options', '/v1/score');
    return res;
  };

  it.each([FORM_ORIGIN, OTHER_FORM_ORIGIN])(
    'allows %s, an origin some publishable key is bound to, with no key',
    async (origin) => {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-methods']).toBe('POST');
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(res.headers.vary).toMatch(/Origin/);
    },
  );

  it('gives any other origin no CORS headers, which the browser takes as a refusal', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens no other route to browsers', async () => {
    const res = await request(app).options('/v1/score/batch').set('origin', FORM_ORIGIN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('what a publishable key is told about a prospect', () => {
  const fixture = buildTestApp({ auth: keysAuth(), customerLines: [CUSTOMER_EMAIL] });
  const http = api(fixture.app);
  const score = (headers: Record<string, string>, body: object) =>
    http.post('/v1/score', { body, headers });

  it('answers an existing customer like anyone accepted, with no match detail', async () => {
    const customer = aCorporateSignup({ email: CUSTOMER_EMAIL, phone: undefined });
    const stranger = aCorporateSignup({ email: 'sam.jones@contoso-labs.com', phone: undefined });

    const full = await score(bearer(KEYS.crm), customer);
    const publicView = await score(fromForm(), customer);
    const ordinary = await score(fromForm(), stranger);

    // The CRM's secret key sees the match...
    expect(full.body).toMatchObject({
      status: 'existing_customer',
      customerMatch: { by: 'email' },
    });
    // ...the browser sees nothing that tells a customer from anyone else.
    expect(publicView.body).toEqual({
      decisionId: expect.any(String),
      result: 'accepted',
      messages: [],
    });
    expect(Object.keys(ordinary.body)).toEqual(Object.keys(publicView.body));
    expect({ ...ordinary.body, decisionId: 'x' }).toEqual({ ...publicView.body, decisionId: 'x' });
    expect(publicView.text).not.toMatch(/customer|match|score|tier|signals|lookups|ruleset/i);
  });

  it('answers a prospect the CRM could not check like anyone accepted, too', async () => {
    const offline = api(buildTestApp({ auth: keysAuth(), createSource: offlineSource }).app);
    const body = aCorporateSignup();
    const full = await offline.post('/v1/score', { body, headers: bearer(KEYS.crm) });
    const publicView = await offline.post('/v1/score', { body, headers: fromForm() });
    expect(full.body.status).toBe('unverified');
    expect(publicView.body).toEqual({
      decisionId: expect.any(String),
      result: 'accepted',
      messages: [],
    });
  });

  it('shows only the words rules mark safe to show the person', async () => {
    const disposable = aCorporateSignup({ email: 'someone@mailinator.com' });
    const full = await score(bearer(KEYS.crm), disposable);
    const publicView = await score(fromForm(), disposable);

    const safe = (full.body.reasons as Array<{ publicMessage?: string }>)
      .map((reason) => reason.publicMessage)
      .filter((message) => message !== undefined);
    expect(safe.length).toBeGreaterThan(0);
    expect(publicView.body).toEqual({
      decisionId: expect.any(String),
      result: 'check_details',
      messages: safe,
    });
  });
});
