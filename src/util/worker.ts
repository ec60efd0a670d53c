import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** tsx's ESM API module (its "import" export; require.resolve finds the CommonJS twin beside it). */
function tsxEsmApi(): string {
  const cjs = require.resolve('tsx/esm/api');
  const mjs = path.join(path.dirname(cjs), 'index.mjs');
  return fs.existsSync(mjs) ? mjs : cjs;
}

/**
 * Starts a worker thread on a module of this project. The project runs TypeScript through tsx without a
 * build step, and a worker does not inherit the parent's loader in every host (vitest's forks do not),
 * so a `.ts` module is loaded after registering tsx's ESM hooks inside the worker.
 */
export function startWorker(module: URL, workerData: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData });
  const api = pathToFileURL(tsxEsmApi()).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}
