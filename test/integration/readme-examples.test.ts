import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/build-test-app';
import { startSandboxedApp, type SandboxedApp } from '../helpers/sandboxed-app';

/** Fields that differ on every run; the README shows one run's values. */
const VOLATILE = new Set(['decisionId', 'loadedAt', 'version', 'requestId', 'ms', 'fetchedAt']);

interface Example {
  method: 'get' | 'post';
  path: string;
  body?: unknown;
  expected: unknown;
}

function readmeExamples(): Example[] {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  // Fenced blocks in order; an example is a sh block with a curl, right before a json block.
  const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1] as string,
    text: m[2] as string,
  }));
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.lang !== 'sh' || next?.lang !== 'json') return;
    const curl = /curl -s (?:-X (POST) )?localhost:8080(\/[^\s']*)/.exec(block.text);
    if (!curl) return;
    const data = /-d '([\s\S]*?)'/.exec(block.text)?.[1];
    examples.push({
      method: curl[1] === 'POST' ? 'post' : 'get',
      path: curl[2] as string,
      body: data === undefined ? undefined : JSON.parse(data),
      expected: JSON.parse(next.text),
    });
  });
  return examples;
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, VOLATILE.has(key) ? '<varies>' : mask(v)]),
  );
}

describe('the README examples, against the bundled sandbox sources', () => {
  const examples = readmeExamples();
  let env: SandboxedApp;
  // As `npm start` runs: default rules, sandbox sources, no customers file.
  beforeAll(async () => {
    env = await startSandboxedApp();
  });
  afterAll(() => env.close());

  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(
    examples.map(
      (example) => [`${example.method.toUpperCase()} ${example.path}`, example] as const,
    ),
  )('%s returns what the README shows', async (_name, example) => {
    const res =
      example.method === 'post'
        ? await env.http.post(example.path, { body: example.body })
        : await env.http.get(example.path);
    let actual = res.headers['content-type']?.includes('problem') ? JSON.parse(res.text) : res.body;
    const expected = example.expected as Record<string, unknown>;
    if (Array.isArray(expected.rules)) {
      // The README shows the first rule only.
      actual = { ...actual, rules: actual.rules.slice(0, expected.rules.length) };
    }
    expect(mask(actual)).toEqual(mask(expected));
  });
});
