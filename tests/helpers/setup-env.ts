/**
 * Runs before each test file: servers started by tests keep their answer records in a fresh temporary
 * folder, never in the project's data/ (which holds the content owners' real records). A test that
 * passes `env: {}` to startServer bypasses this and must set DATA_DIR itself; the check below fails
 * the file that wrote to data/ anyway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { DATABASE_FILE } from '../../src/records/database.js';

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-data-'));

const projectDb = path.join(PROJECT_ROOT, 'data', DATABASE_FILE);
const stamp = () => [projectDb, `${projectDb}-wal`].map((f) => (fs.existsSync(f) ? `${fs.statSync(f).mtimeMs}:${fs.statSync(f).size}` : '-')).join(' ');
const before = stamp();

afterAll(() => {
  if (stamp() !== before) {
    throw new Error(`this test file wrote to ${projectDb}: give startServer a DATA_DIR (tempDir(...)) when passing env: {}`);
  }
});
