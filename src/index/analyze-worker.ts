/** Worker-thread side of the analysis pool: configure the lexicon like the parent, then run tasks. */
import { parentPort, workerData } from 'node:worker_threads';
import { configureLexicon } from '../text/lexicon.js';
import { loadSegmenter } from '../text/segment.js';
import { type AnalyzeTask, runAnalyzeTask } from './analyze-task.js';

configureLexicon(workerData as { lexiconDir: string; cacheDir: string });
loadSegmenter();
parentPort!.on('message', (task: AnalyzeTask) => {
  try {
    parentPort!.postMessage({ ok: true, result: runAnalyzeTask(task) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort!.postMessage({ ready: true });
