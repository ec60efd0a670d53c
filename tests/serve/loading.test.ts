/**
 * The index is checked, built and read on a worker thread: while a corpus is being indexed the server
 * answers /healthz at once and /readyz says 503 with what it is doing, then 200.
 */
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { generateDecoys } from '../../src/bench/decoys.js';
import { startServer } from '../../src/serve/server.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

// Liveness is timed with a margin: on a 2-core machine another test file's worker can delay one probe by a few
// hundred ms (363 ms seen in a full run); an index build on the main thread would stall probes for seconds.
it('answers liveness promptly (median under 300 ms, none over 2 s) and readiness 503 with progress while it builds the index, then 200', async () => {
  const corpusDir = tempDir('loading-corpus');
  generateDecoys({ corpusDir: CORPUS_DIR, outDir: corpusDir, copies: 40, seed: 3 });
  const s = await startServer({
    env: {},
    config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: tempDir('data'), CORPUS_DIR: corpusDir, INDEX_DIR: tempDir('loading-index'), EMBEDDING_MODEL: 'none', RATE_LIMIT_PER_MINUTE: 0 },
    logger: pino({ level: 'silent' }),
    waitUntilReady: false,
  });
  try {
    let ready = false;
    s.ready.then(() => (ready = true), () => undefined);
    const phases = new Set<string>();
    let probes = 0;
    const times: number[] = [];
    while (!ready) {
      const t = performance.now();
      const live = await fetch(`${s.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      times.push(performance.now() - t);
      expect(live.status).toBe(200);
      const r = await fetch(`${s.url}/readyz`);
      if (r.status === 503) {
        const body = await r.json();
        expect(body.status).toBe('loading');
        phases.add(body.phase);
      }
      probes++;
      await new Promise((res) => setTimeout(res, 50));
    }
    await s.ready;
    expect(probes).toBeGreaterThan(5);
    expect(phases).toContain('building');
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(300);
    expect(sorted.at(-1)).toBeLessThan(2000);
    const done = await (await fetch(`${s.url}/readyz`)).json();
    expect(done).toMatchObject({ status: 'ready', passages: 41 * 96 });
  } finally {
    await s.close();
  }
});
