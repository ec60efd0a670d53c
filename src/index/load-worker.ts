/**
 * Worker-thread side of loading: checks the corpus and the manifest, verifies checksums, rebuilds
 * when allowed, and reads the binary files, then hands their ArrayBuffers to the main thread without
 * copying. Meanwhile the main thread's event loop keeps answering /healthz and /readyz.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { configureCorpus } from '../ingest/corpus.js';
import { configureLexicon } from '../text/lexicon.js';
import { type IndexData, type LoadOptions, prepareIndexData } from './prepare-index.js';

const { opts, lexicon } = workerData as { opts: LoadOptions; lexicon: { lexiconDir: string; cacheDir: string } };
configureLexicon(lexicon);
const port = parentPort!;
// The corpus is read here: its warnings go to the main thread's logger.
configureCorpus({ strict: opts.strictCorpus ?? false, warn: (line) => port.postMessage({ warn: line }) });

function transferList(data: IndexData): ArrayBuffer[] {
  return [data.passages, data.lexical, data.coverage, data.documents].flatMap((c) => Object.values(c.buffers).map((b) => b.buffer));
}

try {
  const data = await prepareIndexData({
    ...opts,
    log: (line) => port.postMessage({ log: line }),
    onProgress: (progress) => port.postMessage({ progress }),
  });
  port.postMessage({ data }, transferList(data));
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ error: { name: e.name, message: e.message } });
}
