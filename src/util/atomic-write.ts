import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so readers see the old or the new content, never half of it (temp file + rename).
 * With `ifChanged`, an identical file is left alone (keeps its mtime, saves a write).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, opts: { ifChanged?: boolean } = {}): string {
  if (opts.ifChanged && fs.existsSync(file) && Buffer.from(content).equals(fs.readFileSync(file))) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
  return file;
}
