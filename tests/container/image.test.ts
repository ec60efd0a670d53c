/**
 * The container image, checked without a container engine (CI has none): the Dockerfile and
 * compose.yaml are parsed and held to what operators rely on, and the image's own steps — the build
 * stage's ingest, then its CMD under its ENV, its HEALTHCHECK command, SIGTERM — run here as they would
 * in the container. scripts/container-smoke.sh builds and runs the real image where an engine exists.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { tempDir } from '../helpers/paths.js';

const run = promisify(execFile);
const dockerfile = DockerfileParser.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
const instructions = dockerfile.getInstructions();
const stageStarts = instructions.map((ins, i) => (ins.getKeyword() === 'FROM' ? i : -1)).filter((i) => i >= 0);
const stage = (n: number) => instructions.slice(stageStarts[n], stageStarts[n + 1] ?? instructions.length);
const args = (keyword: string, from = instructions) => from.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');
const imageEnv = Object.fromEntries(dockerfile.getENVs().flatMap((e) => e.getProperties().map((p) => [p.getName(), p.getValue() ?? ''])));
const healthcheck = JSON.parse(args('HEALTHCHECK')[0]!.replace(/^.*?CMD\s+/, '')) as string[];
const cmd = JSON.parse(args('CMD')[0]!) as string[];

describe('Dockerfile', () => {
  it('builds in two stages from node:20-slim, with the compilers in the build stage only', () => {
    expect(dockerfile.getARGs().map((a) => [a.getProperty()?.getName(), a.getProperty()?.getValue()])).toEqual([['NODE_IMAGE', 'node:20-slim']]);
    expect(dockerfile.getFROMs().map((f) => [f.getImage(), f.getBuildStage()])).toEqual([
      ['${NODE_IMAGE}', 'build'],
      ['${NODE_IMAGE}', null],
    ]);
    expect(args('RUN', stage(0)).join('\n')).toMatch(/apt-get install .*python3 make g\+\+/);
    expect(args('RUN', stage(0)).join('\n')).toMatch(/npm ci --omit=dev/);
    expect(args('RUN', stage(1)).join('\n')).not.toMatch(/apt-get|g\+\+|npm ci/);
    const finalCopies = dockerfile.getCOPYs().filter((c) => c.getFlags().some((f) => f.getName() === 'from'));
    expect(finalCopies.map((c) => c.getTextContent())).toEqual(['COPY --from=build --chown=node:node /app /app']);
    expect(args('COPY', stage(1))).toHaveLength(1);
  });

  it('runs as the non-root user node, health-checks /healthz, and keeps data and models on volumes', () => {
    expect(args('USER', stage(1))).toEqual(['node']);
    expect(healthcheck.join(' ')).toContain('/healthz');
    expect(args('VOLUME', stage(1))).toEqual(['["/data", "/models"]']);
    expect(imageEnv).toMatchObject({ HOST: '0.0.0.0', PORT: '3000', DATA_DIR: '/data', MODELS_DIR: '/models', EMBEDDING_MODEL: 'none' });
    expect(args('EXPOSE', stage(1))).toEqual([imageEnv.PORT]);
  });

  it('copies only paths that exist and that .dockerignore lets into the build context', () => {
    const ignored = fs
      .readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const sources = args('COPY', stage(0)).flatMap((a) => a.split(/\s+/).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package-lock.json', 'src', 'lexicon', 'prompts', 'exemplars', 'public', 'corpus']));
    for (const s of sources) {
      expect(fs.existsSync(path.join(PROJECT_ROOT, s)), s).toBe(true);
      expect(ignored, s).not.toContain(s.split('/')[0]);
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'index', 'data', 'models', '.env']));
  });
});

describe('compose.yaml', () => {
  it('builds this image, publishes the port, and mounts the data volume and the models read-only', () => {
    const compose = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, 'compose.yaml'), 'utf8')) as {
      services: Record<string, { build: string; ports: string[]; volumes: string[]; environment: Record<string, string>; stop_grace_period: string }>;
      volumes: Record<string, unknown>;
    };
    const svc = compose.services['factsheet-qa']!;
    expect(svc.build).toBe('.');
    expect(svc.ports).toEqual([`${imageEnv.PORT}:${imageEnv.PORT}`]);
    expect(svc.volumes).toEqual([`data:${imageEnv.DATA_DIR}`, `./models:${imageEnv.MODELS_DIR}:ro`]);
    expect(Object.keys(compose.volumes)).toEqual(['data']);
    expect(Object.keys(svc.environment)).toEqual(expect.arrayContaining(['PUBLIC_BASE_URL', 'STORE_QUESTIONS', 'EMBEDDING_MODEL']));
    expect(Number.parseInt(svc.stop_grace_period, 10)).toBeGreaterThan(10); // above SHUTDOWN_GRACE_MS's 10 s
  });
});

describe("the image's steps, without an engine", () => {
  const root = tempDir('image-steps');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...imageEnv,
    // Paths the image has (/app/index, /data, /models) become folders here; loopback only.
    INDEX_DIR: path.join(root, 'index'),
    DATA_DIR: path.join(root, 'data'),
    MODELS_DIR: path.join(root, 'models'),
    HOST: '127.0.0.1',
  };
  let server: ChildProcess | null = null;
  afterAll(() => server?.kill('SIGKILL'));

  it('builds the index in the build stage, then serves with the CMD: healthy, ready without a rebuild, drains on SIGTERM', async () => {
    const ingest = args('RUN', stage(0)).find((r) => r.includes('npm run ingest'))!;
    const built = await run('sh', ['-c', ingest], { cwd: PROJECT_ROOT, env, timeout: 120_000 });
    expect(built.stdout).toMatch(/\[ingest\] done: \d+ passages, retrieval mode lexical/);

    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(p));
      });
    });
    let log = '';
    server = spawn(cmd[0]!, cmd.slice(1), { cwd: PROJECT_ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));

    // The HEALTHCHECK command itself, retried as the engine would during the start period.
    let healthy = false;
    for (let i = 0; i < 60 && !healthy; i++) {
      healthy = await run(healthcheck[0]!, healthcheck.slice(1), { env: { ...env, PORT: String(port) } }).then(
        () => true,
        () => new Promise<boolean>((r) => setTimeout(() => r(false), 500)),
      );
    }
    expect(healthy, log).toBe(true);
    let ready: Record<string, unknown> | null = null;
    for (let i = 0; i < 60 && !ready; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) ready = (await res.json()) as Record<string, unknown>;
      else await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toMatchObject({ status: 'ready', retrieval: 'lexical' });
    expect(log).not.toContain('rebuilding the index');
    expect(fs.existsSync(path.join(env.DATA_DIR, 'factsheet-qa.sqlite'))).toBe(true);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('[serve] SIGTERM: draining');
  });
});
