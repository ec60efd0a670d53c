/**
 * What the manifest promises about the files beside it, and the check that they keep the promise:
 * every index file is recorded with its size and SHA-256 when it is written, and verified before it is
 * used. A damaged file is reported by name, so `npm start` can rebuild it and `npm run serve` can say
 * which file to fix (by running `npm run ingest`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileRecord {
  bytes: number;
  sha256: string;
}

/** A file of the index is missing, unreadable, or not what the manifest recorded. */
export class IndexDamagedError extends Error {
  override name = 'IndexDamagedError';
  constructor(
    /** The file, relative to the index folder (posix separators). */
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} ${reason}`);
  }
}

const CHUNK = 1 << 20;

/** SHA-256 of a file, read in chunks (index files can be far larger than one string may be). */
export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

const rel = (indexDir: string, file: string) => path.relative(indexDir, file).split(path.sep).join('/');

/** Size and checksum of each file, keyed by its path relative to the index folder. */
export function recordFiles(indexDir: string, files: string[]): Record<string, FileRecord> {
  const out: Record<string, FileRecord> = {};
  for (const f of [...files].sort()) out[rel(indexDir, f)] = { bytes: fs.statSync(f).size, sha256: sha256File(f) };
  return out;
}

/**
 * Throws IndexDamagedError for the first recorded file that is missing or differs in size or content.
 * `onFile` reports progress (files can be large).
 */
export function verifyFiles(indexDir: string, files: Record<string, FileRecord>, onFile?: (file: string, done: number, total: number) => void): void {
  const names = Object.keys(files);
  names.forEach((name, i) => {
    onFile?.(name, i, names.length);
    const want = files[name]!;
    const file = path.join(indexDir, ...name.split('/'));
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      throw new IndexDamagedError(name, 'is missing');
    }
    if (bytes !== want.bytes) throw new IndexDamagedError(name, `has ${bytes} bytes, the manifest recorded ${want.bytes}`);
    if (sha256File(file) !== want.sha256) throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
  });
}

/** Parses JSON read from `file`, naming the file when it is not valid JSON. */
export function parseJsonFile<T = unknown>(indexDir: string, file: string, text?: string): T {
  const name = rel(indexDir, file);
  let raw: string;
  try {
    raw = text ?? fs.readFileSync(file, 'utf8');
  } catch {
    throw new IndexDamagedError(name, 'cannot be read');
  }
  try {
    return JSON.parse(raw) as T;
  } catch (err) {
    throw new IndexDamagedError(name, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
