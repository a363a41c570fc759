/**
 * A second yardstick for bench/decision-cost.ts: Node's own http module with no framework. With
 * BARE_BODY set it answers that fixed body after parsing the JSON; without, it makes the decision
 * POST /v1/score makes (parse and check, score with the default rules, present), so the CPU a
 * decision adds when served can be told apart from what Express adds. Started as its own process
 * with PORT set; logs, metrics, auth and limits are left out on purpose.
 */
import { createServer } from 'node:http';
import { decideAndPresent, startInProcessScoring } from './in-process-scoring';

async function main(): Promise<void> {
  const fixed = process.env.BARE_BODY;
  const { scoring } = await startInProcessScoring();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const answer = async (): Promise<string> => {
        if (req.url === '/healthz') return '{"status":"ok"}';
        if (fixed === undefined) return decideAndPresent(scoring, text);
        JSON.parse(text); // parsed and dropped, as the bare Express route does
        return fixed;
      };
      answer().then(
        (body) => {
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        },
        () => {
          res.writeHead(400).end();
        },
      );
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
