import express from 'express';
import request from 'supertest';
import { requireScopes } from '../../src/http/middleware/authenticate';
import { problemHandler } from '../../src/http/problem';
import { KEYS, bearer, keysAuth } from '../helpers/api-keys';
import { silentLogger } from '../helpers/build-test-app';

/** A router guarded on its own, as a metrics router mounted outside createApp would be. */
function guardedApp(auth = keysAuth()) {
  const app = express();
  app.use(requireScopes(auth, ['admin']));
  app.get('/metrics', (_req, res) => {
    res.type('text/plain').send('up 1\n');
  });
  app.use(problemHandler(silentLogger));
  return app;
}

describe('requireScopes, the guard for a router of its own', () => {
  it('lets an admin key through', async () => {
    const res = await request(guardedApp()).get('/metrics').set(bearer(KEYS.ops));
    expect(res.status).toBe(200);
    expect(res.text).toBe('up 1\n');
  });

  it.each([
    ['no key', {}, 401],
    ['an enrich key', bearer(KEYS.crm), 403],
  ])('refuses %s', async (_who, headers, status) => {
    const res = await request(guardedApp()).get('/metrics').set(headers);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lets everyone through in open (development) mode, like the rest of the app', async () => {
    const res = await request(guardedApp({ mode: 'open' })).get('/metrics');
    expect(res.status).toBe(200);
  });
});
