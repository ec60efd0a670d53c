import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths.js';

export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

/** A fresh temporary folder, so test files never race on the shared index/. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `factsheet-${prefix}-`));
}
