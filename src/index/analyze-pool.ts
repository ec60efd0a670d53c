import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { lexiconDirs } from '../text/lexicon.js';
import { startWorker } from '../util/worker.js';
import type { AnalyzeResult, AnalyzeTask } from './analyze-task.js';

/** Worker threads used when there are at least this many documents to analyse (start-up costs ~0.5 s each). */
const MIN_TASKS_FOR_WORKERS = 8;

/**
 * Runs analysis tasks on worker threads (segmentation and OpenCC are CPU-bound, and jieba's native
 * addon keeps one dictionary per thread), or in this thread for a handful of documents. Results come
 * back in task order; `onDone` reports progress.
 */
export async function analyzeAll(
  tasks: AnalyzeTask[],
  opts: { workers?: number; onDone?: (done: number, r: AnalyzeResult, task: number) => void } = {},
): Promise<AnalyzeResult[]> {
  const want = opts.workers ?? Math.min(2, os.availableParallelism());
  const results: AnalyzeResult[] = new Array(tasks.length);
  let done = 0;
  if (want <= 0 || tasks.length < MIN_TASKS_FOR_WORKERS) {
    // Imported here: with workers, this thread never loads OpenCC's or jieba's dictionaries.
    const { runAnalyzeTask } = await import('./analyze-task.js');
    tasks.forEach((t, i) => {
      results[i] = runAnalyzeTask(t);
      opts.onDone?.(++done, results[i]!, i);
    });
    return results;
  }
  const workers: Worker[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(want, tasks.length) }, () => {
        const w = startWorker(new URL('./analyze-worker.ts', import.meta.url), lexiconDirs());
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          let current = -1;
          const feed = () => {
            if (next >= tasks.length) return resolve();
            current = next++;
            w.postMessage(tasks[current]);
          };
          w.on('message', (m: { ready?: boolean; ok?: boolean; result?: AnalyzeResult; error?: string }) => {
            if (m.ready) return feed();
            if (!m.ok) return reject(new Error(`analysing ${tasks[current]!.fileName} failed: ${m.error}`));
            results[current] = m.result!;
            opts.onDone?.(++done, m.result!, current);
            feed();
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (code !== 0) reject(new Error(`an analysis worker exited with code ${code}`));
          });
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
