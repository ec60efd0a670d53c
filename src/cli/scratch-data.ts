import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A temporary DATA_DIR for servers the benchmark and evaluation start: answers are recorded as in
 * production (so timings include it) but never mixed into the content owners' records in data/.
 */
export function scratchDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-cli-data-'));
}
