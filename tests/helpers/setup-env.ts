/**
 * Runs before each test file: servers started by tests keep their answer records in a fresh temporary
 * folder, never in the project's data/ (which holds the content owners' real records).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-data-'));
