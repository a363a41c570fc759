import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxEnv } from '../src/sandbox/sandbox-env';

export const ROOT = join(__dirname, '..');

/** The CPU the measured server is pinned to; the load generator runs on the other one. */
export const SERVER_CPU = 1;
const LOAD_CPU = 0;

export interface RunningProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface RunningService extends RunningProcess {
  /** Where the service's sources are: the bundled sandbox, or the one passed in. */
  sandboxUrl: string;
  /** The service's event-loop delay over its life, in ms; known once it has stopped. */
  eventLoopDelayMs(): EventLoopDelay | undefined;
}

export interface EventLoopDelay {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** A TCP port free right now on loopback, so parallel runs and other tools do not collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Whether processes can be pinned to CPUs (Linux with taskset and at least two CPUs). Pinning the
 * server to one core and the load generator to the other keeps them from taking turns on a core.
 */
export function canPin(): boolean {
  // Decided once: after pinLoadGenerator this process sees only its own core.
  pinnable ??= process.platform === 'linux' && availableParallelism() >= 2 && hasTaskset();
  return pinnable;
}
let pinnable: boolean | undefined;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins this process (the load generator) to its core; a no-op where pinning is not possible. */
export async function pinLoadGenerator(): Promise<boolean> {
  if (!canPin()) return false;
  const child = spawn('taskset', ['-a', '-p', '-c', String(LOAD_CPU), String(process.pid)], {
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code === 0)));
}

/**
 * Starts a Node script as its own process (pinned to the server core when possible) and waits
 * until `healthPath` answers.
 */
export async function startNodeProcess(
  args: string[],
  options: { port: number; env?: Record<string, string>; healthPath?: string },
): Promise<RunningProcess> {
  const node = [process.execPath, ...args];
  const [command, ...rest] = canPin() ? ['taskset', '-c', String(SERVER_CPU), ...node] : node;
  const child = spawn(command as string, rest, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    // Log lines are written (the service runs at its production level) but not shown; stderr is,
    // so a crash says why.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}${options.healthPath ?? '/healthz'}`)).ok) {
        return { url, pid: nodePid(child), stop: () => stopChild(child) };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not start on port ${options.port}`);
}

/** taskset execs node in place, so the child's pid is node's pid either way. */
function nodePid(child: ChildProcess): number {
  return child.pid as number;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface ServiceOptions {
  env?: Record<string, string>;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Use this sandbox instead of the bundled one (the service then starts none). */
  sandboxUrl?: string;
}

/**
 * Starts the built service (dist/) as its own process with the default rules, its sources pointed
 * at the bundled sandbox on a free port, or at `sandboxUrl`.
 */
export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  const port = await freePort();
  const sandboxPort = options.sandboxUrl === undefined ? await freePort() : undefined;
  const sandboxUrl = options.sandboxUrl ?? `http://127.0.0.1:${sandboxPort}`;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    // The production default: one request line per request is part of what a request costs.
    LOG_LEVEL: 'info',
    RULES_WATCH: 'false',
    SANDBOX_PORT: sandboxPort === undefined ? 'off' : String(sandboxPort),
    ...sandboxEnv(sandboxUrl),
    ...options.env,
  };
  const probeFile = join(mkdtempSync(join(tmpdir(), 'prospect-scorer-bench-')), 'event-loop.json');
  const service = await startNodeProcess(
    [
      ...productionNodeFlags(),
      ...(options.nodeArgs ?? []),
      ...serviceNodeArgs(),
      '--require',
      join(__dirname, 'event-loop-probe.cjs'),
      'dist/server.js',
    ],
    { port, env: { ...env, EVENT_LOOP_PROBE_FILE: probeFile } },
  );
  const eventLoopDelayMs = () =>
    existsSync(probeFile)
      ? (JSON.parse(readFileSync(probeFile, 'utf8')) as EventLoopDelay)
      : undefined;
  return { ...service, sandboxUrl, eventLoopDelayMs };
}

/**
 * The Node flags of `npm start` (the Docker image's CMD has the same, a test checks it), so the
 * benchmark measures the service as it runs in production, heap limit included.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(' ').filter(Boolean);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/server.js') {
    throw new Error(`npm start is not "node <flags> dist/server.js": ${pkg.scripts.start}`);
  }
  return words.slice(1, -1);
}

/**
 * Extra Node flags for every service started, after the production ones (a later flag wins),
 * e.g. BENCH_SERVICE_NODE_ARGS=--max-old-space-size=256.
 */
function serviceNodeArgs(): string[] {
  return (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; undefined
 * where there is no /proc (the figure is then left out of the results).
 */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / clockTicksPerSecond() : undefined;
}

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!(ticksPerSecond > 0)) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}
let ticksPerSecond: number | undefined;

/** A line of /proc/<pid>/status in MB: VmRSS (resident now) or VmHWM (peak resident). */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Scores every body through POST /v1/score with `concurrency` requests in flight. */
export async function scoreAll(url: string, bodies: unknown[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await postJson(`${url}/v1/score`, bodies[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A number from the environment (for shorter development runs), or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The sandbox's admin API (docs/sandbox.md): faults and call counts. */
export const sandboxAdmin = {
  async setFault(sandboxUrl: string, group: string, fault: object): Promise<void> {
    const res = await fetch(`${sandboxUrl}/__sandbox/faults/${group}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    if (!res.ok) throw new Error(`sandbox refused the ${group} fault: ${await res.text()}`);
  },
  async clearFaults(sandboxUrl: string): Promise<void> {
    await fetch(`${sandboxUrl}/__sandbox/faults`, { method: 'DELETE' });
  },
  async calls(sandboxUrl: string): Promise<Record<string, number>> {
    return (await fetch(`${sandboxUrl}/__sandbox/calls`)).json() as Promise<Record<string, number>>;
  },
  async resetCalls(sandboxUrl: string): Promise<void> {
    await fetch(`${sandboxUrl}/__sandbox/calls`, { method: 'DELETE' });
  },
};
