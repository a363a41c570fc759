import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/build-test-app';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

/** The Dockerfile's CMD as its exec-form words. */
function dockerCmd(): string[] {
  const line = read('Dockerfile')
    .split('\n')
    .find((text) => text.startsWith('CMD '));
  if (line === undefined) throw new Error('the Dockerfile has no CMD');
  return JSON.parse(line.slice('CMD '.length)) as string[];
}

describe('how the service is started', () => {
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  const npmStart = (pkg.scripts.start ?? '').split(' ').filter(Boolean);

  it('npm start and the Docker image run Node with the same flags (the benchmark reads them from npm start)', () => {
    expect(dockerCmd()).toEqual(npmStart);
  });

  it('caps the V8 heap, so memory stays bounded in a container, and removes __proto__', () => {
    expect(npmStart).toContain('--disable-proto=delete');
    expect(npmStart).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]),
    );
    // Under a small cap V8 collects fully whenever the heap is 1.3x its live size; 3x halves the
    // p99 pauses of the signup path, and the cap still bounds the heap.
    expect(npmStart).toContain('--heap-growing-percent=200');
    expect(npmStart.at(-1)).toBe('dist/server.js');
  });
});
