/**
 * The benchmark's moving parts as real processes, the way an operator runs them: `npm run ingest`
 * (wall time, peak memory), the server started with `npm run serve` (time to /readyz 200), and a
 * PGlite database server. Loopback only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { scratchDataDir } from '../cli/scratch-data.js';
import { PROJECT_ROOT } from '../config/paths.js';

const TSX = ['--import', 'tsx'];

export interface RunResult {
  ms: number;
  /** CPU seconds the process used (all threads), as it reported. */
  cpuS: number | null;
  /** Peak resident memory the process reported, in MB. */
  peakMb: number | null;
  output: string;
}

let dataDir: string | null = null;

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Not the developer's .env or shell: only what the run sets (dotenv does not override set variables).
  // Answers are recorded as in production, into a scratch DATA_DIR, never the content owners' data/.
  dataDir ??= scratchDataDir();
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', EMBEDDING_MODEL: 'none', DATA_DIR: dataDir, ...extra };
}

/** Runs `npm run ingest` (src/cli/ingest.ts) and waits for it; throws with its output on failure. */
export function runIngest(env: Record<string, string>, onLine?: (line: string) => void): Promise<RunResult> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...TSX, 'src/cli/ingest.ts'], { cwd: PROJECT_ROOT, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const take = (b: Buffer) => {
    output += b.toString();
    for (const line of b.toString().split('\n')) if (line.trim()) onLine?.(line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ingest exited with ${code}:\n${output.slice(-2000)}`));
      const peak = /peak RSS (\d+) MB/.exec(output);
      const cpu = /([\d.]+) s CPU/.exec(output);
      resolve({ ms: performance.now() - t0, cpuS: cpu ? Number(cpu[1]) : null, peakMb: peak ? Number(peak[1]) : null, output });
    });
  });
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export interface ServerProcess {
  url: string;
  /** Spawn → /readyz 200. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts `npm run serve` (no rebuild) and waits for /readyz 200, polling every 20 ms. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 600_000): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...TSX, 'src/cli/serve.ts', '--no-rebuild'], {
    cwd: PROJECT_ROOT,
    env: baseEnv({ HOST: '127.0.0.1', PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (;;) {
    if (exited) throw new Error(`the server exited before it was ready:\n${stderr.slice(-2000)}`);
    if (performance.now() - t0 > timeoutMs) {
      await stop();
      throw new Error('the server was not ready in time');
    }
    const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 200, () => false);
    if (ok) return { url, readyMs: performance.now() - t0, stop };
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A PGlite server in its own process (so its CPU is not the benchmark client's). */
export async function startPostgresProcess(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...TSX, 'src/bench/pglite-server.ts'], { cwd: PROJECT_ROOT, env: baseEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(postgresql:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => reject(new Error(`pglite exited (${code}): ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Bytes of the files under `dir` (recursively), split into the serving files and the segment cache. */
export function diskUsage(dir: string): { total: number; segments: number } {
  let total = 0;
  let segments = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const size = fs.statSync(path.join(e.parentPath, e.name)).size;
    total += size;
    if (path.basename(e.parentPath) === 'segments') segments += size;
  }
  return { total, segments };
}
