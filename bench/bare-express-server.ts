/**
 * The yardstick for POST /v1/score: a bare Express 5 app that parses the same JSON the same way
 * (express.json, same size limit) and answers a fixed body of the service's size. Started as its
 * own process by bench/http-throughput.ts with PORT and BARE_BODY set.
 */
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
const body = process.env.BARE_BODY ?? '{}';
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post('/v1/score', express.json({ limit: 100 * 1024 }), (_req, res) => {
  res.type('application/json').send(body);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
