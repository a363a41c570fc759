import { readFileSync } from 'node:fs';
import { ROOT } from './service-process';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

/**
 * Where a frame's code lives: an npm package, a folder of our source, Node internals, or one of
 * V8's pseudo-frames (garbage collector, program, idle).
 */
function areaOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/dist\/(.+?)\/[^/]+$/.exec(url) ?? /\/dist\/([^/]+)$/.exec(url);
  return own ? `src/${own[1] as string}` : url;
}

/** Self time per function and per package/area, from a V8 .cpuprofile, largest first. */
export function summariseCpuProfile(path: string): {
  totalMs: number;
  byFunction: SelfTime[];
  byArea: SelfTime[];
} {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) return;
    total += micros;
    const area = areaOf(frame.url, frame.functionName);
    const file = frame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
  });
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, micros]) => ({
        name,
        ms: Math.round(micros / 1000),
        percent: Math.round((micros / total) * 1000) / 10,
      }));
  return {
    totalMs: Math.round(total / 1000),
    byFunction: ranked(byFunction),
    byArea: ranked(byArea),
  };
}
